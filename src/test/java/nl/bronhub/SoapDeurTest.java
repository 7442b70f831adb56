package nl.bronhub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocket;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.RegistratieoverzichtAntwoord;
import nl.bronhub.contract.v1.RegistratieoverzichtVerzoek;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.FoutenInLog;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.PersoonsgegevensInLog;
import nl.bronhub.support.SignaalTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LAS door as a careless or hostile client meets it (issue 16): every answer is a contract answer or
 * a fault with a signal code, the answer comes back on the request's own connection and nowhere else, no
 * HTTP header carries more than HTTP needs, and a refused request stores nothing.
 */
class SoapDeurTest extends SignaalTest {

    private static final String SOAP = LasClient.SOAP_NS;
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String WSA_2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

    private static final Set<String> TOEGESTANE_HEADERS = LasClient.TOEGESTANE_HEADERS;

    @Test
    void eenNietAnoniemReplyToOfFaultToWordtGeweigerdZonderUitgaandeVerbinding() throws Exception {
        LasClient las = las("70DQ", "1");
        try (ServerSocket val = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            val.setSoTimeout(200);
            String adres = "http://127.0.0.1:" + val.getLocalPort() + "/antwoord";
            // both the W3C namespace and the 2004 submission's
            for (String[] veld : List.of(new String[] {WSA, "ReplyTo"}, new String[] {WSA, "FaultTo"},
                    new String[] {WSA_2004, "ReplyTo"}, new String[] {WSA_2004, "FaultTo"})) {
                Bericht bericht = inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"));
                String verzoek = metWsAdressering(LasClient.envelop(las.aanleverVerzoek(bericht)), veld[0], veld[1], adres);

                LasClient.Http http = las.post(verzoek);

                geweigerd(http, "360");
                assertThat(fout(http).signalen().get(0).getGegeven()).contains(veld[1]);
                assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie = ?", Integer.class,
                        bericht.getIdentificatie())).as("nothing stored").isZero();
            }
            // the hub's answer went back on the request's connection; nobody knocks on the address the LAS named
            long tot = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < tot) {
                try (Socket binnen = val.accept()) {
                    throw new AssertionError("the hub connected to the address in the request: " + binnen);
                } catch (SocketTimeoutException stil) {
                    // nobody came in this interval
                }
            }
        }
        // the anonymous address (the same connection) is what the contract allows, and it works
        Bericht bericht = inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"));
        String anoniem = metWsAdressering(LasClient.envelop(las.aanleverVerzoek(bericht)), "ReplyTo", WSA + "/anonymous")
                .replace("</soapenv:Header>", "<wsa:Action>urn:nl:bron-hub:uitwisseling:v1:aanleveren</wsa:Action><wsa:To>"
                        + las.endpoint() + "</wsa:To></soapenv:Header>");
        LasClient.Http http = las.post(anoniem);
        assertThat(http.status()).as(http.body()).isEqualTo(200);
        assertThat(http.body()).contains("ontvangen");
    }

    @Test
    void eenAntwoordDraagtGeenHeadersVanDeUitwisselingOfVanHetVerzoek() throws Exception {
        LasClient las = las("70DR", "1");
        Persoon sanne = Berichten.sanne();
        Terugkoppeling t = verwerk("70DR", inschrijven(sanne, wec("2026-08-01")));
        String onderwijsnummer = t.getLeerling().getOnderwijsnummer() != null ? t.getLeerling().getOnderwijsnummer() : sanne.getBurgerservicenummer();

        List<String> verzoeken = List.of(
                LasClient.envelop(las.aanleverVerzoek(inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01")))),
                LasClient.envelop(las.ophaalVerzoek(0, 10)),
                LasClient.envelop(registratieoverzichtVerzoek(las, "2026-10-01", sanne.getBurgerservicenummer())),
                LasClient.envelop(registratieoverzichtVerzoek(las, "2026-10-01", onderwijsnummer)),
                // refused ones too
                LasClient.envelop(registratieoverzichtVerzoek(las, "2026-13-45", sanne.getBurgerservicenummer())),
                "<x/>");
        for (String xml : verzoeken) {
            HttpResponse<String> antwoord = las.http().send(HttpRequest.newBuilder(las.endpoint())
                    .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                    .header("User-Agent", "lastig-las/1.0").header("X-Spion", "terug?")
                    .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = antwoord.headers().map();
            assertThat(headers.keySet()).as("headers of the answer to " + xml.substring(0, Math.min(120, xml.length())))
                    .allMatch(h -> TOEGESTANE_HEADERS.contains(h.toLowerCase()));
            assertThat(headers.toString()).doesNotContain(sanne.getBurgerservicenummer()).doesNotContain("lastig-las")
                    .doesNotContain("terug?");
            assertThat(antwoord.body()).startsWith("<");
        }
    }

    /**
     * A LAS is known by its certificate; an Authorization header at its door is not read: it was checked against the
     * operator's password (401 in JSON for a wrong one, 200 for the right one), and wrong ones locked the operator out.
     */
    @Test
    void eenWachtwoordAanDeLasDeurWordtNietGelezen() throws Exception {
        LasClient las = las("70DR", "1");
        String xml = LasClient.envelop(las.ophaalVerzoek(0, 10));
        List<String> wachtwoorden = new ArrayList<>(Collections.nCopies(12, "geraden"));
        wachtwoorden.add(OperatorClient.WACHTWOORD);
        for (String wachtwoord : wachtwoorden) {
            HttpResponse<String> antwoord = las.http().send(HttpRequest.newBuilder(las.endpoint())
                    .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("operator:" + wachtwoord).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(200);
            assertThat(antwoord.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
            assertThat(antwoord.headers().map().keySet()).allMatch(h -> TOEGESTANE_HEADERS.contains(h.toLowerCase()));
            assertThat(antwoord.body()).contains("terugkoppelingAntwoord").doesNotContain("probleem");
        }
        // the operator's door is not held back by what was tried at the LAS door
        assertThat(operator().get("/aanleverpunten").status()).isEqualTo(200);
    }

    @Test
    void eenRegelovergangInEenNummerIs742() {
        LasClient las = las("70DR", "2");
        String verzoek = LasClient.envelop(registratieoverzichtVerzoek(las, "2026-10-01", "PLACEHOLDER"))
                .replace("PLACEHOLDER", "99999&#13;&#10;3847");

        LasClient.Http http = las.post(verzoek);

        assertThat(http.body()).isNotEmpty();
        geweigerd(http, "742");
    }

    /** A 359 names the element and quotes the parser, which repeats names and values whole: both are cut short. */
    @Test
    void een359HerhaaltGeenEindelozeNaamOfWaarde() {
        LasClient las = las("70DS", "2");
        String goed = LasClient.envelop(las.aanleverVerzoek(inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"))));
        String langeNaam = "n".repeat(20_000);
        for (String verzoek : List.of(goed.replace("<mutatiesoort>", "<" + langeNaam + "/><mutatiesoort>"),
                goed.replaceAll("<achternaam>[^<]*</achternaam>", "<achternaam>" + "x".repeat(100_000) + "</achternaam>"))) {
            LasClient.Http http = las.post(verzoek);
            assertThat(http.body().length()).as("the whole fault").isLessThan(4_000);
            Object antwoord = LasClient.lees(http);
            if (antwoord instanceof LasClient.Fout fout) {
                assertThat(fout.signalen()).allSatisfy(sg -> {
                    assertThat(sg.getCode()).isEqualTo("359");
                    assertThat(sg.getGegeven()).hasSizeLessThanOrEqualTo(100);
                    assertThat(sg.getOmschrijving()).hasSizeLessThanOrEqualTo(500);
                });
            } else {
                assertThat(((nl.bronhub.contract.v1.AanleverenAntwoord) antwoord).getBerichtResultaat()).singleElement().satisfies(r ->
                        assertThat(r.getSignaal()).isNotEmpty().allSatisfy(sg -> {
                            assertThat(sg.getCode()).isEqualTo("359");
                            assertThat(sg.getGegeven()).hasSizeLessThanOrEqualTo(100);
                            assertThat(sg.getOmschrijving()).hasSizeLessThanOrEqualTo(500);
                        }));
            }
        }
    }

    /**
     * The header's document id is 1 to 50 of letters, digits, _ and - (DUO's convention; the audit keeps it as sent), and
     * its datumTijdBedrijfsdocument lies in 1900-2099: otherwise 359, and nothing of the request is stored.
     */
    @Test
    void eenVreemdDocumentnummerOfJaarInDeHeaderIs359() {
        LasClient las = las("70DS", "3");
        String goed = LasClient.envelop(las.aanleverVerzoek(inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"))));
        int berichtenVooraf = jdbc.queryForObject("select count(*) from bericht", Integer.class);
        List<String> fout = List.of("vals&#10;ERROR 999993847", "999 993 847", "Jansen,Piet", "=1+1", "d\u00e9j\u00e0", "a".repeat(51),
                "a&#8203;b", "");
        for (String id : fout) {
            String verzoek = goed.replaceAll("<identificatiecodeBedrijfsdocument>[^<]*<",
                    "<identificatiecodeBedrijfsdocument>" + id + "<");
            geweigerd(las.post(verzoek), "359");
        }
        for (String jaar : List.of("99999-01-01T10:00:00", "0001-01-01T10:00:00Z", "-2026-01-01T10:00:00", "2100-01-01T00:00:00+01:00",
                "1899-12-31T23:59:59")) {
            geweigerd(las.post(goed.replaceAll("<datumTijdBedrijfsdocument>[^<]*<", "<datumTijdBedrijfsdocument>" + jaar + "<")), "359");
        }
        // an aanleverpuntnummer with a leading zero, or 0, names no aanleverpunt: the header does not fit (it was 366)
        for (String nummer : List.of("03", "00003", "0")) {
            geweigerd(las.post(goed.replaceAll("<aanleverpuntnummer>3<", "<aanleverpuntnummer>" + nummer + "<")), "359");
        }
        assertThat(jdbc.queryForObject("select count(*) from bericht", Integer.class)).isEqualTo(berichtenVooraf);
        // the operator's audit keeps nothing of a refused id
        assertThat(jdbc.queryForObject("select count(*) from audit where document like '%999993847%' or document like '%999 993%' "
                + "or document like '%Jansen,Piet%'", Integer.class)).isZero();

        // blanks around the id are not part of it (a pretty-printed element)
        String mooi = goed.replaceAll("<identificatiecodeBedrijfsdocument>([^<]*)<", "<identificatiecodeBedrijfsdocument>\n   $1\n <")
                .replaceAll("<datumTijdBedrijfsdocument>[^<]*<", "<datumTijdBedrijfsdocument>2026-12-06T10:00:00+01:00<");
        LasClient.Http http = las.post(mooi);
        assertThat(http.status()).as(http.body()).isEqualTo(200);
        assertThat(http.body()).contains("ontvangen");
    }

    @Test
    void eenVerzoekZonderHeaderIs359EnEenLegeBodyIs360() {
        LasClient las = las("70DS", "1");
        int foutenVooraf = PersoonsgegevensInLog.verzoekFouten().size();
        for (String operatie : List.of("aanleverenVerzoek", "terugkoppelingVerzoek", "registratieoverzichtVerzoek")) {
            String zonderHeader = "<soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\"><soapenv:Body><bron:" + operatie
                    + " xmlns:bron=\"urn:nl:bron-hub:uitwisseling:v1\">"
                    + ("registratieoverzichtVerzoek".equals(operatie) ? "<bron:peildatum>2026-10-01</bron:peildatum>" : "")
                    + ("terugkoppelingVerzoek".equals(operatie) ? "<bron:laatstOntvangenVolgnummer>0</bron:laatstOntvangenVolgnummer>" : "")
                    + ("aanleverenVerzoek".equals(operatie) ? LasClient.envelop(las.aanleverVerzoek(inschrijven(zonderPgn("2016-01-01"),
                    wec("2026-08-01")))).replaceAll("(?s).*(<bericht>.*</bericht>).*", "$1")
                    .replace("<", "<bron:").replace("<bron:/", "</bron:") : "")
                    + "</bron:" + operatie + "></soapenv:Body></soapenv:Envelope>";
            geweigerd(las.post(zonderHeader), "359");
        }
        for (String soapAction : List.of("\"\"", "\"urn:onbekend\"", "\"urn:nl:bron-hub:uitwisseling:v1/aanleveren\"")) {
            LasClient.Http http = post(las, "<soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\"><soapenv:Body/></soapenv:Envelope>",
                    "text/xml; charset=utf-8", soapAction);
            geweigerd(http, "360");
        }
        assertThat(PersoonsgegevensInLog.verzoekFouten()).as("no ERROR or stack trace logged for a malformed request")
                .hasSize(foutenVooraf);
    }

    @Test
    void eenOnbekendeTekensetOfTeGroteHeadersGevenEenSoapFout() throws Exception {
        LasClient las = las("70DT", "1");
        String geldig = LasClient.envelop(las.ophaalVerzoek(0, 1));

        geweigerd(post(las, geldig, "text/xml; charset=foo-bar", "\"\""), "360");
        // the XML declaration names the encoding too: an unknown one, or one that contradicts the Content-Type
        String onbekend = "<?xml version=\"1.0\" encoding=\"x-onbekend\"?>" + geldig;
        geweigerd(post(las, onbekend, "text/xml", "\"\""), "360");
        geweigerd(post(las, onbekend, "text/xml; charset=utf-8", "\"\""), "360");
        String latijn = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + geldig;
        geweigerd(post(las, latijn, "text/xml; charset=utf-8", "\"\""), "360");
        // the same encoding by another name is no contradiction
        String utf8 = "<?xml version=\"1.0\" encoding=\"UTF8\"?>" + geldig;
        assertThat(post(las, utf8, "text/xml; charset=utf-8", "\"\"").status()).isEqualTo(200);
        assertThat(post(las, latijn, "text/xml", "\"\"").status()).isEqualTo(200);

        HttpResponse<String> grote = las.http().send(HttpRequest.newBuilder(las.endpoint())
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .header("X-Opvulling", "a".repeat(20_000))
                .POST(HttpRequest.BodyPublishers.ofString(geldig)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(grote.headers().firstValue("content-type")).as(grote.statusCode() + " " + grote.body()).hasValueSatisfying(c -> assertThat(c).startsWith("text/xml"));
        geweigerd(new LasClient.Http(grote.statusCode(), grote.body()), "360");
    }

    /**
     * A name with a letter outside the BMP, fetched by a LAS that speaks windows-1252: the answer is UTF-8 and well-formed
     * (it held two surrogate character references, which no XML parser takes, so the LAS could never confirm its page).
     */
    @Test
    void eenAntwoordIsWelgevormdUtf8WelkeTekensetHetVerzoekOokHad() throws Exception {
        LasClient las = las("70DT", "6");
        String achternaam = "\uD840\uDC0B" + "Ab-" + Berichten.uniekeLetters();
        Persoon leerling = Berichten.leerling(null, "2018-03-01", "M", achternaam, "1234AB");
        Bericht bericht = inschrijven(leerling, wec("2026-08-01"));
        assertThat(las.aanleveren(bericht).getBerichtResultaat()).extracting(r -> r.getStatus()).containsOnly(Ontvangststatus.ONTVANGEN);
        terugkoppelingVan(las, bericht.getIdentificatie());

        RegistratieoverzichtVerzoek overzicht = registratieoverzichtVerzoek(las, "2026-10-01", null);
        for (String verzoek : List.of(LasClient.envelop(las.ophaalVerzoek(0, 100)), LasClient.envelop(overzicht))) {
            for (String tekenset : List.of("windows-1252", "ISO-8859-15", "Shift_JIS", "ISO-8859-1", "UTF-16")) {
                byte[] body = ("<?xml version=\"1.0\" encoding=\"" + tekenset + "\"?>" + verzoek).getBytes(java.nio.charset.Charset.forName(tekenset));
                HttpResponse<byte[]> antwoord = las.http().send(HttpRequest.newBuilder(las.endpoint())
                        .header("Content-Type", "text/xml; charset=" + tekenset).header("SOAPAction", "\"\"")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(antwoord.statusCode()).as(tekenset).isEqualTo(200);
                assertThat(antwoord.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT).replace(" ", ""))
                        .as(tekenset).isEqualTo("text/xml;charset=utf-8");
                // a strict parser (it refuses a surrogate's character reference), reading the bytes as XML does
                var dom = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                        .parse(new java.io.ByteArrayInputStream(antwoord.body()));
                var namen = dom.getElementsByTagNameNS("*", "achternaam");
                List<String> gelezen = new ArrayList<>();
                for (int i = 0; i < namen.getLength(); i++) {
                    gelezen.add(namen.item(i).getTextContent());
                }
                assertThat(gelezen).as(tekenset).contains(achternaam);
            }
        }
    }

    /**
     * A registratieoverzicht asking for 50,000 numbers (2.5 MB, within the size limit) is within CXF's limit of elements in
     * one element no more: 360 naming that limit (CXF refused it without a word of why). One below it is answered.
     */
    @Test
    void teVeelElementenInEenElementIs360MetDeGrens() {
        LasClient las = las("70DT", "6");
        RegistratieoverzichtVerzoek verzoek = registratieoverzichtVerzoek(las, "2026-10-01", null);
        String envelop = LasClient.envelop(verzoek);
        int plek = envelop.indexOf("</peildatum>") + "</peildatum>".length();
        String voorvoegsel = envelop.substring(envelop.lastIndexOf('<', envelop.indexOf("peildatum>")) + 1, envelop.indexOf("peildatum>"));
        for (int aantal : List.of(49_998, 49_999)) {
            String nummers = ("<" + voorvoegsel + "persoonsgebondenNummer>101000012</" + voorvoegsel + "persoonsgebondenNummer>").repeat(aantal);
            LasClient.Http http = las.post(envelop.substring(0, plek) + nummers + envelop.substring(plek));
            if (aantal == 49_998) {
                // the header, the peildatum and 49,998 numbers: 50,000 elements in the verzoek
                assertThat(http.status()).as(http.body()).isEqualTo(200);
            } else {
                geweigerd(http, "360");
                assertThat(fout(http).signalen().get(0).getGegeven()).isEqualTo("elementen direct in één element (maximaal 50000)");
            }
        }
    }

    /** A vestigingsvolgnummer in other digits (full-width, Arabic-Indic) or with a zero-width space matches none: 742. */
    @Test
    void eenVestigingsvolgnummerInAndereCijfersIs742() {
        LasClient las = las("70DT", "2");
        for (String vestiging : List.of("\uFF10\uFF11", "0\u200B1", "\u0660\u0661", "001")) {
            RegistratieoverzichtVerzoek verzoek = registratieoverzichtVerzoek(las, "2026-10-01", null);
            verzoek.setVestigingsvolgnummer(vestiging);
            geweigerd(las.post(LasClient.envelop(verzoek)), "742");
        }
        RegistratieoverzichtVerzoek verzoek = registratieoverzichtVerzoek(las, "2026-10-01", null);
        verzoek.setVestigingsvolgnummer(" 01 ");
        assertThat(las.post(LasClient.envelop(verzoek)).status()).isEqualTo(200);
    }

    /**
     * Bytes that are not UTF-8 as the standard has it, though a lenient decoder makes characters of them: an overlong
     * form (C0 AF, a '/'), an encoded surrogate (ED A0 80), a byte cut off. Each is 360 and nothing is stored.
     */
    @Test
    void eenOngeldigeUtf8ReeksIs360() throws Exception {
        LasClient las = las("70DT", "3");
        for (byte[] fout : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})) {
            Persoon leerling = zonderPgn("2016-01-01");
            leerling.setAchternaam("Tekens-PLEKHOUDER");
            Bericht bericht = Berichten.aanmelden(leerling);
            byte[] tekst = LasClient.envelop(las.aanleverVerzoek(bericht)).getBytes(StandardCharsets.UTF_8);
            byte[] plek = "PLEKHOUDER".getBytes(StandardCharsets.UTF_8);
            int waar = indexOf(tekst, plek);
            byte[] verzoek = new byte[tekst.length - plek.length + fout.length];
            System.arraycopy(tekst, 0, verzoek, 0, waar);
            System.arraycopy(fout, 0, verzoek, waar, fout.length);
            System.arraycopy(tekst, waar + plek.length, verzoek, waar + fout.length, tekst.length - waar - plek.length);
            HttpResponse<byte[]> antwoord = las.http().send(HttpRequest.newBuilder(las.endpoint())
                    .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(verzoek)).build(), HttpResponse.BodyHandlers.ofByteArray());
            LasClient.Http http = new LasClient.Http(antwoord.statusCode(), new String(antwoord.body(), StandardCharsets.UTF_8));
            geweigerd(http, "360");
            assertThat(fout(http).signalen().get(0).getGegeven()).contains("UTF-8");
            assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie = ?", Integer.class,
                    bericht.getIdentificatie())).as("nothing stored").isZero();
        }
    }

    private static int indexOf(byte[] in, byte[] zoek) {
        for (int i = 0; i + zoek.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + zoek.length, zoek, 0, zoek.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void eenDatumMetEenJaartalVanMeerDanVierCijfersIs742() {
        LasClient las = las("70DT", "2");
        for (String peildatum : List.of("-999999999-10-01", "+2026-10-01", "20260-10-01", "026-10-01")) {
            geweigerd(las.post(LasClient.envelop(registratieoverzichtVerzoek(las, peildatum, null))), "742");
        }
    }

    @Test
    void eenAnderAdresOfEenAndereMethodeIs360() throws Exception {
        LasClient las = las("70DT", "3");
        HttpResponse<String> get = las.http().send(HttpRequest.newBuilder(las.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
        geweigerd(new LasClient.Http(get.statusCode(), get.body()), "360");
        HttpResponse<String> anders = las.http().send(HttpRequest.newBuilder(las.endpoint().resolve("/services/anders"))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(LasClient.envelop(las.ophaalVerzoek(0, 1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        geweigerd(new LasClient.Http(anders.statusCode(), anders.body()), "360");
        // the contract itself stays readable, with the schema it imports
        HttpResponse<String> wsdl = las.http().send(HttpRequest.newBuilder(URI.create(las.endpoint() + "?wsdl")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("opvragenRegistratieoverzicht");
        HttpResponse<String> xsd = las.http().send(HttpRequest.newBuilder(URI.create(las.endpoint() + "?xsd=bron-uitwisseling-v1.xsd"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xsd.statusCode()).isEqualTo(200);
        assertThat(xsd.body()).contains("aanleverenVerzoek");
    }

    /**
     * Every other path, query, or method at the LAS door, also those the HTTP firewall refuses (';', an encoded '.' or
     * line break, TRACE) and CXF's own pages (its service list, WADL): a SOAP fault with 360, never HTML, an empty
     * answer or a 358, and nothing logged as an error.
     */
    @Test
    void elkAnderAdresOfElkeAndereMethodeIsEen360ZonderFoutInHetLog() throws Exception {
        LasClient las = las("70DT", "3");
        try (FoutenInLog log = FoutenInLog.open()) {
            for (String pad : List.of("/services/uitwisseling/v1?foo=bar", "/services/uitwisseling/v1?_wadl", "/services/uitwisseling/v1?wsdl&x=1",
                    "/services", "/services?formatted=false", "/services/?stylesheet=1", "/services/uitwisseling/v1;jsessionid=abc",
                    "/services/uitwisseling/%2e%2e/uitwisseling/v1", "/services/uitwisseling/v1%0d%0aX-Vals:%20ja", "/", "/index.html",
                    "/operator/aanleveringen")) {
                HttpResponse<String> a = las.http().send(HttpRequest.newBuilder(URI.create("https://localhost:" + las.endpoint().getPort() + pad))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(a.headers().firstValue("Content-Type")).as(pad).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
                geweigerd(new LasClient.Http(a.statusCode(), a.body()), "360");
                assertThat(a.headers().map().keySet()).as(pad).allMatch(TOEGESTANE_HEADERS::contains);
            }
            for (String methode : List.of("TRACE", "PROPFIND", "FOO", "PUT", "DELETE", "OPTIONS", "PATCH")) {
                HttpResponse<String> a = las.http().send(HttpRequest.newBuilder(las.endpoint())
                        .method(methode, HttpRequest.BodyPublishers.ofString("<x/>")).build(), HttpResponse.BodyHandlers.ofString());
                geweigerd(new LasClient.Http(a.statusCode(), a.body()), "360");
                // no Allow (Tomcat's refusal of TRACE listed methods every door refuses)
                assertThat(a.headers().map().keySet()).as(methode).allMatch(TOEGESTANE_HEADERS::contains);
            }
            // a request with a query is no request, whatever the query (it was served as one)
            String ophalen = LasClient.envelop(las.ophaalVerzoek(0, 1));
            for (String vraag : List.of("?xsd=../../etc/passwd", "?foo=bar", "?wsdl")) {
                HttpResponse<String> a = las.http().send(HttpRequest.newBuilder(URI.create(las.endpoint() + vraag))
                        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(ophalen)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(a.body()).as(vraag).doesNotContain("terugkoppelingAntwoord");
                geweigerd(new LasClient.Http(a.statusCode(), a.body()), "360");
            }
            geweigerd(rauw(las, "CONNECT /services/uitwisseling/v1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), "360");
            // the contract names the configured address, not the Host header a sender made up
            LasClient.Http wsdl = rauw(las, "GET /services/uitwisseling/v1?wsdl HTTP/1.1\r\nHost: evil.example:1234\r\nConnection: close\r\n\r\n");
            assertThat(wsdl.status()).isEqualTo(200);
            assertThat(wsdl.body()).contains("soap:address location=\"https://localhost:" + las.endpoint().getPort()
                    + "/services/uitwisseling/v1\"").doesNotContain("evil.example");
            assertThat(log.neem()).as("ERROR lines or stack traces").isEmpty();
        }
    }

    /**
     * A sender that opens many requests and sends their bodies a byte at a time holds at most its certificate's share of
     * the door (bron.intake.max-gelijktijdig-per-certificaat, 6 in the tests): one more request hears 358 at once. Each
     * slow body is refused with 360 when it has not arrived within bron.intake.max-leestijd (5 s), and the door
     * serves the certificate again.
     */
    @Test
    void eenAfzenderDieTraagVerstuurtHoudtDeDeurNietBezet() throws Exception {
        LasClient las = las("70DT", "5");
        byte[] body = LasClient.envelop(las.ophaalVerzoek(0, 1)).getBytes(StandardCharsets.UTF_8);
        List<SSLSocket> traag = new ArrayList<>();
        ScheduledExecutorService druppel = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 6; i++) {
                SSLSocket s = (SSLSocket) las.http().sslContext().getSocketFactory().createSocket("localhost", las.endpoint().getPort());
                s.setSoTimeout(30_000);
                s.getOutputStream().write(("POST /services/uitwisseling/v1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                traag.add(s);
            }
            AtomicInteger positie = new AtomicInteger();
            druppel.scheduleAtFixedRate(() -> {
                int p = positie.getAndIncrement();
                for (SSLSocket s : traag) {
                    try {
                        s.getOutputStream().write(body[p % body.length]);
                        s.getOutputStream().flush();
                    } catch (Exception weg) {
                        // the hub answered and closed
                    }
                }
            }, 0, 300, TimeUnit.MILLISECONDS);

            // while the six are open, a seventh of the same certificate is turned away at once
            await().atMost(Duration.ofSeconds(5)).until(() -> LasClient.lees(las.post(new String(body, StandardCharsets.UTF_8)))
                    instanceof LasClient.Fout f && f.faultstring().startsWith("358: "));
            LasClient.Fout vol = (LasClient.Fout) LasClient.lees(las.post(new String(body, StandardCharsets.UTF_8)));
            assertThat(vol.signalen().get(0).getGegeven()).isEqualTo("gelijktijdige verzoeken (maximaal 6 per certificaat; verstuur opnieuw)");

            // each slow body ends in a 360 that says why
            for (SSLSocket s : traag) {
                String antwoord = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(antwoord).startsWith("HTTP/1.1 500").contains(">360<").contains("niet binnen 5 seconden ontvangen");
            }
        } finally {
            druppel.shutdownNow();
            for (SSLSocket s : traag) {
                s.close();
            }
        }
        // and the certificate is served again
        assertThat(las.ophalen(0).getTerugkoppeling()).isEmpty();
    }

    @Test
    void eenOnleesbaarHttpVerzoekIs360() throws Exception {
        LasClient las = las("70DT", "4");
        String body = LasClient.envelop(las.ophaalVerzoek(0, 1));
        // a chunk size that is no number
        geweigerd(rauw(las, "POST /services/uitwisseling/v1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n" + body + "\r\n0\r\n\r\n"), "360");
        // a request line Tomcat cannot parse at all: no path to go by, the door it came in by says it is the LAS's
        geweigerd(rauw(las, "\u0001\u0002 / HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"), "360");
        // an asterisk for a path (Tomcat's own 400) is the LAS door's too
        geweigerd(rauw(las, "POST * HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), "360");

        // Tomcat's refusals and the door's own carry the fixed headers of every answer here, and their length
        for (String verzoek : List.of("POST /services/uitwisseling/v1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n" + body + "\r\n0\r\n\r\n",
                "FOO /services/uitwisseling/v1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /services/../operator/audit HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) {
            String koppen = rauwAntwoord(las, verzoek);
            koppen = koppen.substring(0, koppen.indexOf("\r\n\r\n")).toLowerCase();
            assertThat(koppen).as(verzoek.lines().findFirst().orElse("")).contains("x-content-type-options: nosniff")
                    .contains("cache-control: no-cache, no-store").contains("x-frame-options: deny").contains("strict-transport-security")
                    .contains("content-length:").doesNotContain("transfer-encoding").doesNotContain("allow:");
        }
    }

    @Test
    void wsAdresseringZonderActionNoemtWatOntbreekt() {
        LasClient las = las("70DT", "5");
        Bericht bericht = inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"));
        LasClient.Http http = las.post(metWsAdressering(LasClient.envelop(las.aanleverVerzoek(bericht)), "ReplyTo", WSA + "/anonymous"));
        geweigerd(http, "360");
        assertThat(fout(http).signalen().get(0).getGegeven()).contains("wsa:Action").contains("wsa:MessageID");

        // reference parameters would come back as headers of the answer: refused, and nothing of them comes back
        String metParameters = LasClient.envelop(las.aanleverVerzoek(inschrijven(zonderPgn("2016-01-02"), wec("2026-08-01"))))
                .replace("<soapenv:Body>", "<soapenv:Header><wsa:Action xmlns:wsa=\"" + WSA + "\">urn:nl:bron-hub:uitwisseling:v1:aanleveren"
                        + "</wsa:Action><wsa:MessageID xmlns:wsa=\"" + WSA + "\">urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID>"
                        + "<wsa:ReplyTo xmlns:wsa=\"" + WSA + "\"><wsa:Address>" + WSA + "/anonymous</wsa:Address><wsa:ReferenceParameters>"
                        + "<x:Spiegel xmlns:x=\"urn:spiegel\">TERUGGEKAATST</x:Spiegel></wsa:ReferenceParameters></wsa:ReplyTo>"
                        + "</soapenv:Header><soapenv:Body>");
        LasClient.Http metKoppen = las.post(metParameters);
        geweigerd(metKoppen, "360");
        assertThat(fout(metKoppen).signalen().get(0).getGegeven()).contains("ReferenceParameters");
        assertThat(metKoppen.body()).doesNotContain("TERUGGEKAATST");
    }

    /** Raw bytes over the LAS's TLS connection, for requests no HTTP client will send; the whole answer, headers and all. */
    private static String rauwAntwoord(LasClient las, String verzoek) throws Exception {
        try (SSLSocket socket = (SSLSocket) las.http().sslContext().getSocketFactory()
                .createSocket("localhost", las.endpoint().getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(verzoek.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Raw bytes over the LAS's TLS connection, for requests no HTTP client will send; the answer as status and body. */
    private static LasClient.Http rauw(LasClient las, String verzoek) throws Exception {
        String antwoord = rauwAntwoord(las, verzoek);
        int status = Integer.parseInt(antwoord.substring(9, 12));
        String rest = antwoord.substring(antwoord.indexOf("\r\n\r\n") + 4);
        if (antwoord.toLowerCase().contains("transfer-encoding: chunked")) {
            rest = rest.substring(rest.indexOf("\r\n") + 2, rest.lastIndexOf("\r\n0\r\n"));
        }
        return new LasClient.Http(status, rest.strip());
    }

    @Test
    void tweeBodiesOfInhoudNaDeBodyIsEenKapotteEnvelop() {
        LasClient las = las("70DU", "1");
        Bericht eerste = inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"));
        Bericht tweede = inschrijven(zonderPgn("2016-01-02"), wec("2026-08-01"));
        String een = LasClient.envelop(las.aanleverVerzoek(eerste));
        String body2 = LasClient.envelop(las.aanleverVerzoek(tweede));
        String tweeBodies = een.replace("</soapenv:Body>", "</soapenv:Body>" + body2.substring(body2.indexOf("<soapenv:Body>"),
                body2.indexOf("</soapenv:Envelope>")));
        String naDeBody = een.replace("</soapenv:Body>", "</soapenv:Body><x>" + "<y>".repeat(30) + "</y>".repeat(30) + "</x>");
        String tweedeVerzoek = body2.substring(body2.indexOf("<soapenv:Body>") + "<soapenv:Body>".length(), body2.indexOf("</soapenv:Body>"));
        String tweeVerzoeken = een.replace("</soapenv:Body>", tweedeVerzoek + "</soapenv:Body>");

        for (String verzoek : List.of(tweeBodies, naDeBody, tweeVerzoeken)) {
            geweigerd(las.post(verzoek), "360");
        }
        assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie in (?, ?)", Integer.class,
                eerste.getIdentificatie(), tweede.getIdentificatie())).as("nothing stored").isZero();
    }

    @Test
    void gegevensMetOngeldigeXmlTekensBrekenGeenAntwoord() {
        LasClient las = las("70DV", "1");
        Persoon leerling = bekendeLeerling("2016-02-02");
        verwerk("70DV", inschrijven(leerling, wec("2026-08-01")));
        // as a GBA change once could: control characters (SOH, ESC) in a name in the register (PostgreSQL stores no NUL)
        jdbc.update("update persoon set achternaam = ? where pgn = ?", "Jan\u0001\u001bsen", leerling.getOnderwijsnummer());

        RegistratieoverzichtAntwoord antwoord = las.registratieoverzicht("2026-10-01", null, leerling.getOnderwijsnummer());

        assertThat(antwoord.getRegistratie()).singleElement()
                .satisfies(r -> assertThat(r.getLeerling().getAchternaam()).isEqualTo("Jan\uFFFD\uFFFDsen"));
    }

    @Test
    void eenOverzichtTerwijlLeerlingenWordenVerwijderdLuktAltijd() throws Exception {
        LasClient las = las("70DW", "1");
        // a school with 30 pupils: reading its overview takes a while (each inschrijving with its groups)
        List<Bericht> inschrijvingen = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            inschrijvingen.add(inschrijven(zonderPgn("2016-03-" + String.format("%02d", 1 + i)), wec("2026-08-01")));
        }
        las.aanleveren(inschrijvingen.toArray(Bericht[]::new));
        List<Persoon> leerlingen = new ArrayList<>();
        for (Bericht b : inschrijvingen) {
            Persoon p = b.getLeerling();
            p.setOnderwijsnummer(terugkoppelingVan(las, b.getIdentificatie()).getLeerling().getOnderwijsnummer());
            leerlingen.add(p);
        }
        AtomicBoolean klaar = new AtomicBoolean();
        AtomicInteger gelezen = new AtomicInteger();
        List<String> fouten = Collections.synchronizedList(new ArrayList<>());
        ExecutorService lezers = Executors.newFixedThreadPool(2);
        List<Future<?>> taken = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            taken.add(lezers.submit(() -> {
                while (!klaar.get()) {
                    Object antwoord = las.verstuur(registratieoverzichtVerzoek(las, "2026-10-01", null));
                    gelezen.incrementAndGet();
                    if (!(antwoord instanceof RegistratieoverzichtAntwoord)) {
                        fouten.add(String.valueOf(antwoord));
                    }
                }
                return null;
            }));
        }
        // meanwhile the school deletes the enrolments one by one, each committed on its own: an inschrijving
        // the overview has just listed may be gone before it is read
        for (Persoon leerling : leerlingen) {
            assertThat(las.aanleveren(Berichten.bericht("verwijderen", leerling, wec("2026-08-01"))).getBerichtResultaat())
                    .extracting(r -> r.getStatus()).containsOnly(Ontvangststatus.ONTVANGEN);
            allesVerwerkt("70DW");
        }
        klaar.set(true);
        for (Future<?> taak : taken) {
            taak.get(60, TimeUnit.SECONDS);
        }
        lezers.shutdown();
        assertThat(gelezen.get()).isGreaterThan(10);
        assertThat(fouten).as("failed reads of " + gelezen.get()).isEmpty();
        assertThat(las.registratieoverzicht("2026-10-01", null).getRegistratie()).isEmpty();
    }

    /** Waits until no bericht of the school waits for processing any more. */
    private void allesVerwerkt(String brin) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from bericht b join aanleverpunt a on a.id = b.aanleverpunt_id where a.brin = ? and b.status = 'ONTVANGEN'",
                Integer.class, brin) == 0);
    }

    private static RegistratieoverzichtVerzoek registratieoverzichtVerzoek(LasClient las, String peildatum, String pgn) {
        var verzoek = new RegistratieoverzichtVerzoek();
        verzoek.setHeader(las.header());
        verzoek.setPeildatum(peildatum);
        if (pgn != null) {
            verzoek.getPersoonsgebondenNummer().add(pgn);
        }
        return verzoek;
    }

    private static String metWsAdressering(String envelop, String veld, String adres) {
        return metWsAdressering(envelop, WSA, veld, adres);
    }

    private static String metWsAdressering(String envelop, String namespace, String veld, String adres) {
        return envelop.replace("<soapenv:Body>", "<soapenv:Header xmlns:wsa=\"" + namespace + "\"><wsa:MessageID>urn:uuid:"
                + UUID.randomUUID() + "</wsa:MessageID><wsa:" + veld + "><wsa:Address>" + adres + "</wsa:Address></wsa:" + veld
                + "></soapenv:Header><soapenv:Body>");
    }

    private static LasClient.Http post(LasClient las, String xml, String contentType, String soapAction) {
        try {
            HttpResponse<byte[]> antwoord = las.http().send(HttpRequest.newBuilder(las.endpoint())
                    .header("Content-Type", contentType).header("SOAPAction", soapAction)
                    .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new LasClient.Http(antwoord.statusCode(), new String(antwoord.body(), StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LasClient.Fout fout(LasClient.Http http) {
        return (LasClient.Fout) LasClient.lees(http);
    }

    /** A SOAP fault (HTTP 500) whose faultstring and first signal carry the code, and no stack trace. */
    private static void geweigerd(LasClient.Http http, String code) {
        assertThat(http.body()).as("no stack trace").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(http.status()).as(http.body()).isEqualTo(500);
        assertThat(LasClient.lees(http)).as(http.body()).isInstanceOfSatisfying(LasClient.Fout.class, f -> {
            assertThat(f.faultstring()).startsWith(code + ": ");
            assertThat(f.signalen()).first().satisfies(s -> assertThat(s.getCode()).isEqualTo(code));
        });
    }
}
