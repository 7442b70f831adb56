package nl.bronhub;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.RegistratieoverzichtVerzoek;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.PersoonsgegevensInLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LAS door under a stream of malformed and hostile requests (issue 16): valid requests of the three
 * operations, mutated by seeded generators (jqwik's arbitraries) — truncated, bytes flipped, namespaces
 * changed, header fields missing or doubled, control and non-BMP characters, impossible dates, huge
 * numbers, SQL metacharacters, WS-Addressing headers naming other addresses, two Bodies, content after
 * the Body, other encodings, content types and SOAPActions, oversized headers. For every request:
 * <ul>
 *   <li>the answer is a contract answer, or a SOAP fault whose faultstring starts with a signal code of
 *       the catalogue (and never 358: a malformed request is the sender's fault, not a technical one);</li>
 *   <li>no HTTP header but what HTTP needs and the hub's fixed security headers;</li>
 *   <li>a refused request stores nothing, an accepted one exactly its 'ontvangen' berichten;</li>
 *   <li>no connection reaches the address a request named.</li>
 * </ul>
 * Afterwards the hub is healthy, every acknowledged bericht was processed (none parked), and nothing was
 * logged at ERROR or with a stack trace for these requests, nor any personal data.
 * <p>
 * The build runs {@value #STANDAARD_AANTAL} requests with seed {@value #STANDAARD_ZAAD}. A longer run with
 * another seed: {@code mvn verify -Dtest=VijandigeSoapVerzoekenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbron.fuzz.seed=12345 -Dbron.fuzz.tries=20000}. A failure names the seed and the request's number.
 */
class VijandigeSoapVerzoekenTest extends HubTest {

    static final long STANDAARD_ZAAD = 20261202L;
    static final int STANDAARD_AANTAL = 2500;

    private static final String BRIN = "70DY";
    private static final String SOAP11 = LasClient.SOAP_NS;
    private static final Set<String> TOEGESTANE_HEADERS = LasClient.TOEGESTANE_HEADERS;
    private static final Pattern SIGNAALCODE = Pattern.compile("^(\\d{3}): ");
    private static final List<String> VELDEN = List.of("header", "identificatiecodeBedrijfsdocument", "verzendendeInstantie", "brin",
            "aanleverpuntnummer", "ontvangendeInstantie", "datumTijdBedrijfsdocument", "bericht", "identificatie", "mutatiesoort",
            "leerling", "burgerservicenummer", "onderwijsnummer", "geboortedatum", "geslacht", "achternaam", "voornamen", "postcode",
            "inschrijving", "datumInschrijving", "datumUitschrijving", "vestiging", "ingangsdatum", "waarde", "soortOnderwijs",
            "indicatiestelling", "laatstOntvangenVolgnummer", "maximumAantal", "peildatum", "persoonsgebondenNummer",
            "vestigingsvolgnummer", "aanduidingNnca");
    private static final List<String> VIJANDIGE_WAARDEN = List.of("", " ", "\u0001", "\u001b[31m", "\u0000", "&#1;", "&#0;", "&#x1F;",
            "\uD83D\uDE00", "\uD835\uDD18\uD835\uDD1A", "\u202Egnirts", "\u200B", "9".repeat(60), "-1", "0", "2147483648",
            "99999999999999999999", "1e308", "NaN", "'; drop table bericht; --", "\" or 1=1 --", "%s%n%x", "${jndi:ldap://127.0.0.1/x}",
            "&lt;script&gt;alert(1)&lt;/script&gt;", "2026-02-30", "0000-01-01", "9999-12-31", "2026-13-01", "1900-01-00",
            "-2026-01-01", "2026-1-1", "01-08-2026", "x".repeat(5_000), "ä".repeat(300), "999993847", "000000000", "123456782",
            "<![CDATA[]]>", "<!-- -->", "<?pi x?>");
    private static final List<String> CONTENT_TYPES = List.of("text/xml; charset=utf-8", "text/xml", "text/xml; charset=UTF-16",
            "text/xml; charset=ISO-8859-1", "text/xml; charset=foo-bar", "text/xml; charset=", "text/xml; charset=\"utf-8\"",
            "application/soap+xml; charset=utf-8", "application/json", "text/plain", "multipart/related; boundary=x", "x", "");
    private static final List<String> SOAP_ACTIONS = List.of("\"\"", "", "\"urn:nl:bron-hub:uitwisseling:v1:aanleveren\"",
            "\"urn:nl:bron-hub:uitwisseling:v1:ophalenTerugkoppelingen\"", "\"urn:nl:bron-hub:uitwisseling:v1:opvragenRegistratieoverzicht\"",
            "\"urn:onbekend\"", "aanleveren", "\"" + "a".repeat(2000) + "\"");

    @Autowired
    private SignaalCatalogus catalogus;

    /** One request as the generator made it: what was sent, and how it was made (for the failure message). */
    record Verzoek(byte[] inhoud, String contentType, String soapAction, Map<String, String> headers, List<String> mutaties) {

        String beschrijving() {
            String tekst = new String(inhoud, StandardCharsets.UTF_8);
            return mutaties + " content-type=" + contentType + " SOAPAction=" + soapAction + " headers=" + headers.keySet() + "\n"
                    + (tekst.length() > 1500 ? tekst.substring(0, 1500) + "…" : tekst);
        }
    }

    /** A change to the request's text, with its name. */
    record Mutatie(String naam, UnaryOperator<String> pas) {
    }

    @Test
    void elkVijandigVerzoekKrijgtEenGecodeerdAntwoordEnLaatNietsAchter() throws Exception {
        long zaad = Long.getLong("bron.fuzz.seed", STANDAARD_ZAAD);
        int aantal = Integer.getInteger("bron.fuzz.tries", STANDAARD_AANTAL);
        LasClient las = las(BRIN, "1");
        int foutenVooraf = PersoonsgegevensInLog.verzoekFouten().size();
        int vondstenVooraf = PersoonsgegevensInLog.VONDSTEN.size();
        Set<String> codes = catalogus.codes();

        try (ServerSocket val = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger binnengekomen = new AtomicInteger();
            Thread wacht = new Thread(() -> {
                while (!val.isClosed()) {
                    try (Socket s = val.accept()) {
                        binnengekomen.incrementAndGet();
                    } catch (SocketException gesloten) {
                        return;
                    } catch (Exception e) {
                        // keep listening
                    }
                }
            }, "val");
            wacht.setDaemon(true);
            wacht.start();
            String valAdres = "http://127.0.0.1:" + val.getLocalPort() + "/antwoord";
            // jqwik's arbitraries outside a property: a session on this thread, the requests drawn from our own seed
            JqwikSession.start(String.valueOf(zaad));
            RandomGenerator<Verzoek> generator = verzoeken(las, valAdres).generator(1000);
            Random random = new Random(zaad);
            int ontvangen = 0;
            Map<String, Integer> uitkomsten = new TreeMap<>();
            for (int i = 0; i < aantal; i++) {
                Verzoek verzoek;
                try {
                    verzoek = generator.next(random).value();
                } finally {
                    JqwikSession.finishTry();
                }
                String waar = "seed " + zaad + ", request " + i + ": " + verzoek.beschrijving();
                long berichtenVooraf = berichten();
                HttpResponse<byte[]> antwoord = stuur(las, verzoek);
                String body = new String(antwoord.body(), StandardCharsets.UTF_8);
                assertThat(antwoord.headers().map().keySet()).as("headers, " + waar)
                        .allMatch(h -> TOEGESTANE_HEADERS.contains(h.toLowerCase()));
                Object gelezen = lees(antwoord.statusCode(), body, waar);
                if (gelezen instanceof LasClient.Fout fout) {
                    Matcher m = SIGNAALCODE.matcher(fout.faultstring() == null ? "" : fout.faultstring());
                    assertThat(m.find()).as("a signal code in the faultstring '" + fout.faultstring() + "', " + waar).isTrue();
                    assertThat(codes).as("a code of the catalogue, " + waar).contains(m.group(1));
                    assertThat(m.group(1)).as("a malformed request is not a technical fault, " + waar).isNotEqualTo("358");
                    assertThat(antwoord.statusCode()).as(waar).isEqualTo(500);
                    assertThat(berichten()).as("a refused request stores nothing, " + waar).isEqualTo(berichtenVooraf);
                    uitkomsten.merge("fault " + m.group(1), 1, Integer::sum);
                } else {
                    assertThat(antwoord.statusCode()).as(waar).isEqualTo(200);
                    long nieuw = gelezen instanceof AanleverenAntwoord a ? a.getBerichtResultaat().stream()
                            .filter(r -> r.getStatus() == Ontvangststatus.ONTVANGEN).count() : 0;
                    ontvangen += (int) nieuw;
                    uitkomsten.merge(gelezen.getClass().getSimpleName() + (nieuw > 0 ? " with ontvangen" : ""), 1, Integer::sum);
                    assertThat(berichten()).as("exactly the acknowledged berichten are stored, " + waar).isEqualTo(berichtenVooraf + nieuw);
                }
            }
            JqwikSession.finish();
            // what the run covered, for a reader of the test output
            System.out.println("VijandigeSoapVerzoekenTest, seed " + zaad + ", " + aantal + " requests: " + uitkomsten);
            val.close();
            wacht.join(2000);
            assertThat(binnengekomen.get()).as("connections the hub made to an address a request named").isZero();

            // the hub is still serving, and every bericht it acknowledged was processed, none parked
            Bericht geldig = Berichten.inschrijven(Berichten.zonderPgn("2016-01-01"), Berichten.wec("2026-08-01"));
            assertThat(las.aanleveren(geldig).getBerichtResultaat().get(0).getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
            terugkoppelingVan(las, geldig.getIdentificatie());
            await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject(
                    "select count(*) from bericht where status <> 'VERWERKT'", Integer.class) == 0);
            assertThat(jdbc.queryForObject("select count(*) from geparkeerd_bericht", Integer.class)).isZero();
            // readiness: the database and the routes (the shared test hub has no mail relay, so overall health is DOWN)
            var gereed = operator().actuator("/health/readiness");
            assertThat(gereed.statusCode()).as(gereed.body()).isEqualTo(200);
            assertThat(ontvangen).as("some mutated requests were still valid").isPositive();
        }
        assertThat(PersoonsgegevensInLog.verzoekFouten().subList(foutenVooraf, PersoonsgegevensInLog.verzoekFouten().size()))
                .as("ERROR lines or stack traces while serving these requests").isEmpty();
        assertThat(PersoonsgegevensInLog.VONDSTEN.size()).as("personal data in the log: " + PersoonsgegevensInLog.VONDSTEN)
                .isEqualTo(vondstenVooraf);
    }

    private long berichten() {
        return jdbc.queryForObject("select count(*) from bericht", Long.class);
    }

    private static HttpResponse<byte[]> stuur(LasClient las, Verzoek verzoek) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(las.endpoint()).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(verzoek.inhoud()));
        if (!verzoek.contentType().isEmpty()) {
            b.header("Content-Type", verzoek.contentType());
        }
        if (!verzoek.soapAction().isEmpty()) {
            b.header("SOAPAction", verzoek.soapAction());
        }
        verzoek.headers().forEach(b::header);
        return las.http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The answer as a LAS reads it: a contract answer or a Fout; anything else fails the test. */
    private static Object lees(int status, String body, String waar) {
        assertThat(body).as("no stack trace, " + waar).doesNotContain("Exception").doesNotContain("\tat ");
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getNamespaceURI()).as(waar).isEqualTo(SOAP11);
            return LasClient.lees(new LasClient.Http(status, body));
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("not a SOAP answer (HTTP " + status + "): " + body + "\n" + waar, e);
        }
    }

    // ---- the generators ----

    private Arbitrary<Verzoek> verzoeken(LasClient las, String valAdres) {
        Arbitrary<String> basis = Arbitraries.integers().between(0, 5).map(soort -> switch (soort) {
            case 0, 1 -> LasClient.envelop(las.aanleverVerzoek(bericht()));
            case 2 -> LasClient.envelop(las.aanleverVerzoek(bericht(), bericht(), bericht()));
            case 3 -> LasClient.envelop(las.ophaalVerzoek(0, 5));
            default -> {
                var v = new RegistratieoverzichtVerzoek();
                v.setHeader(las.header());
                v.setPeildatum("2026-10-01");
                yield LasClient.envelop(v);
            }
        });
        Arbitrary<List<Mutatie>> mutaties = mutatie(valAdres).list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<Charset> tekenset = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.just(StandardCharsets.UTF_8)),
                Tuple.of(1, Arbitraries.just(StandardCharsets.UTF_16)),
                Tuple.of(1, Arbitraries.just(StandardCharsets.ISO_8859_1)));
        Arbitrary<Boolean> bom = Arbitraries.frequency(Tuple.of(15, false), Tuple.of(1, true));
        Arbitrary<String> contentType = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("text/xml; charset=utf-8")),
                Tuple.of(2, Arbitraries.of(CONTENT_TYPES)));
        Arbitrary<String> soapAction = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("\"\"")),
                Tuple.of(2, Arbitraries.of(SOAP_ACTIONS)));
        Arbitrary<Map<String, String>> headers = Arbitraries.frequencyOf(Tuple.of(15, Arbitraries.just(Map.<String, String>of())),
                Tuple.of(1, Arbitraries.of(Map.of("X-Opvulling", "a".repeat(20_000)), Map.of("X-Forwarded-For", "127.0.0.1"),
                        Map.of("X-Bsn", "999993847"), Map.of("Accept-Charset", "utf-7"), Map.of("Accept", "application/json"))));
        Arbitrary<List<int[]>> omgedraaid = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(List.<int[]>of())),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE - 1),
                        Arbitraries.integers().between(0, 255)).as((p, b) -> new int[] {p, b}).list().ofMinSize(1).ofMaxSize(3)));
        return Combinators.combine(basis, mutaties, tekenset, bom, contentType, soapAction, headers, omgedraaid)
                .as((xml, m, cs, metBom, ct, actie, h, flips) -> {
                    String tekst = xml;
                    List<String> namen = new ArrayList<>();
                    for (Mutatie mutatie : m) {
                        tekst = mutatie.pas().apply(tekst);
                        namen.add(mutatie.naam());
                    }
                    byte[] inhoud = tekst.getBytes(cs);
                    if (cs != StandardCharsets.UTF_8) {
                        namen.add("encoded " + cs.name());
                    }
                    for (int[] flip : flips) {
                        int plek = flip[0] % Math.max(1, inhoud.length);
                        namen.add("byte " + plek + " := " + flip[1]);
                        if (inhoud.length > 0) {
                            inhoud[plek] = (byte) flip[1];
                        }
                    }
                    if (metBom) {
                        namen.add("BOM");
                        byte[] b = new byte[inhoud.length + 3];
                        b[0] = (byte) 0xEF;
                        b[1] = (byte) 0xBB;
                        b[2] = (byte) 0xBF;
                        System.arraycopy(inhoud, 0, b, 3, inhoud.length);
                        inhoud = b;
                    }
                    return new Verzoek(inhoud, ct, actie, h, namen);
                });
    }

    private static Bericht bericht() {
        return Berichten.inschrijven(Berichten.zonderPgn("2016-01-01"), Berichten.wec("2026-08-01"));
    }

    private static Arbitrary<Mutatie> mutatie(String valAdres) {
        Arbitrary<Integer> plek = Arbitraries.integers().between(0, Integer.MAX_VALUE - 1);
        Arbitrary<String> veld = Arbitraries.of(VELDEN);
        return Arbitraries.oneOf(
                plek.map(p -> new Mutatie("truncated", x -> x.substring(0, p % Math.max(1, x.length())))),
                Arbitraries.of(
                        new Mutatie("SOAP 1.2 namespace", x -> x.replace(SOAP11, "http://www.w3.org/2003/05/soap-envelope")),
                        new Mutatie("other contract namespace", x -> x.replace("urn:nl:bron-hub:uitwisseling:v1", "urn:nl:bron-hub:uitwisseling:v2")),
                        new Mutatie("no namespace", x -> x.replace(" xmlns=\"urn:nl:bron-hub:uitwisseling:v1\"", "")),
                        new Mutatie("two Bodies", x -> {
                            int van = x.indexOf("<soapenv:Body>");
                            int tot = x.indexOf("</soapenv:Envelope>");
                            return van < 0 || tot < van ? x : x.substring(0, tot) + x.substring(van, tot) + x.substring(tot);
                        }),
                        new Mutatie("content after the Body", x -> x.replace("</soapenv:Body>", "</soapenv:Body><x>" + "<y>".repeat(30)
                                + "</y>".repeat(30) + "</x>")),
                        new Mutatie("content after the Envelope", x -> x + "<x/>"),
                        new Mutatie("empty Body", x -> x.replaceAll("(?s)<soapenv:Body>.*</soapenv:Body>", "<soapenv:Body/>")),
                        new Mutatie("DOCTYPE", x -> "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + x),
                        new Mutatie("XML declaration latin-1", x -> "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + x),
                        new Mutatie("XML declaration 1.1", x -> "<?xml version=\"1.1\"?>" + x),
                        new Mutatie("deep nesting", x -> x.replaceFirst("</soapenv:Body>", "</soapenv:Body>").replaceFirst("(<[a-zA-Z]+Verzoek[^>]*>)",
                                "$1" + "<a>".repeat(60) + "</a>".repeat(60))),
                        new Mutatie("wsa:ReplyTo elsewhere", x -> wsa(x, "ReplyTo", valAdres)),
                        new Mutatie("wsa:FaultTo elsewhere", x -> wsa(x, "FaultTo", valAdres)),
                        new Mutatie("wsa:ReplyTo none", x -> wsa(x, "ReplyTo", "http://www.w3.org/2005/08/addressing/none")),
                        new Mutatie("wsa:ReplyTo anonymous", x -> wsa(x, "ReplyTo", "http://www.w3.org/2005/08/addressing/anonymous")),
                        new Mutatie("wsa:Action other", x -> x.replace("<soapenv:Body>", "<soapenv:Header><wsa:Action xmlns:wsa=\""
                                + "http://www.w3.org/2005/08/addressing\">urn:onbekend</wsa:Action></soapenv:Header><soapenv:Body>")),
                        new Mutatie("mustUnderstand header", x -> x.replace("<soapenv:Body>", "<soapenv:Header><x:y xmlns:x=\"urn:x\" "
                                + "soapenv:mustUnderstand=\"1\"/></soapenv:Header><soapenv:Body>")),
                        new Mutatie("comment and PI in the Body", x -> x.replace("<soapenv:Body>", "<soapenv:Body><!-- c --><?pi x?>"))),
                veld.map(v -> new Mutatie("without " + v, x -> x.replaceFirst("(?s)<" + v + "(\\s[^>]*)?>.*?</" + v + ">|<" + v + "(\\s[^>]*)?/>", ""))),
                veld.map(v -> new Mutatie("doubled " + v, x -> {
                    Matcher m = Pattern.compile("(?s)<" + v + "(\\s[^>]*)?>.*?</" + v + ">").matcher(x);
                    return m.find() ? x.substring(0, m.end()) + m.group() + x.substring(m.end()) : x;
                })),
                Combinators.combine(veld, Arbitraries.of(VIJANDIGE_WAARDEN))
                        .as((v, w) -> new Mutatie(v + "=" + zichtbaar(w), x -> x.replaceFirst("(?s)(<" + v + "(\\s[^>]*)?>)[^<]*(</" + v + ">)",
                                "$1" + Matcher.quoteReplacement(w) + "$3"))));
    }

    private static String wsa(String xml, String veld, String adres) {
        return xml.replace("<soapenv:Body>", "<soapenv:Header xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><wsa:MessageID>urn:uuid:"
                + UUID.randomUUID() + "</wsa:MessageID><wsa:" + veld + "><wsa:Address>" + adres + "</wsa:Address></wsa:" + veld
                + "></soapenv:Header><soapenv:Body>");
    }

    private static String zichtbaar(String waarde) {
        String kort = waarde.length() > 20 ? waarde.substring(0, 20) + "…(" + waarde.length() + ")" : waarde;
        StringBuilder b = new StringBuilder();
        kort.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
