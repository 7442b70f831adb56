package nl.bronhub;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake parses XML from outside: no DTD (so no entities, external or expanding), a bounded
 * nesting depth and a bounded request size. Each is refused whole with signal 360 naming the limit,
 * never with a stack trace, and the hub goes on serving.
 */
class XmlVerhardingTest extends HubTest {

    private static final String ENVELOP_OPEN = "<soapenv:Envelope xmlns:soapenv=\"" + LasClient.SOAP_NS + "\"><soapenv:Body>";
    private static final String ENVELOP_DICHT = "</soapenv:Body></soapenv:Envelope>";
    private static final String VERZOEK_OPEN = "<bron:aanleverenVerzoek xmlns:bron=\"urn:nl:bron-hub:uitwisseling:v1\">";
    private static final String VERZOEK_DICHT = "</bron:aanleverenVerzoek>";

    private LasClient las() {
        return las("10AI", "1");
    }

    @Test
    void eenExterneEntiteitWordtNietGelezen() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY geheim SYSTEM \"file:///etc/passwd\">]>"
                + ENVELOP_OPEN + "<bron:aanleverenVerzoek xmlns:bron=\"urn:nl:bron-hub:uitwisseling:v1\">&geheim;"
                + "</bron:aanleverenVerzoek>" + ENVELOP_DICHT;

        LasClient.Http http = las().post(xxe);

        assertThat(http.body()).doesNotContain("root:");
        geweigerdMet360(http, "DOCTYPE");
    }

    @Test
    void eenEntiteitenbomWordtNietUitgepakt() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol0 \"lollollollollol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bom = dtd + ENVELOP_OPEN + "<x>&lol9;</x>" + ENVELOP_DICHT;

        geweigerdMet360(las().post(bom), "DOCTYPE");
        blijftWerken();
    }

    @Test
    void eenTeDiepGenesteAanvraagWordtGeweigerd() {
        String diep = ENVELOP_OPEN + VERZOEK_OPEN + "<a>".repeat(100_000) + "</a>".repeat(100_000) + VERZOEK_DICHT + ENVELOP_DICHT;

        geweigerdMet360(las().post(diep), "nestingdiepte");
        blijftWerken();
    }

    /** A text, or whitespace between elements, longer than the door reads in one run: 360 naming that limit (it named none). */
    @Test
    void eenTeLangeTekstOfWitruimteNoemtDeGrens() {
        for (String lang : List.of("<x>" + "a".repeat(2 * 1024 * 1024) + "</x>", "<x/>" + " ".repeat(2 * 1024 * 1024) + "<x/>")) {
            geweigerdMet360(las().post(ENVELOP_OPEN + VERZOEK_OPEN + lang + VERZOEK_DICHT + ENVELOP_DICHT), "tekst of witruimte aan één stuk");
        }
        blijftWerken();
    }

    @Test
    void eenTeGrootVerzoekWordtGeweigerdVoordatHetGelezenIs() throws Exception {
        // bron.intake.max-verzoek-bytes is 4 MB in the tests
        String groot = ENVELOP_OPEN + VERZOEK_OPEN + ("<x>" + "a".repeat(1000) + "</x>").repeat(5 * 1024) + VERZOEK_DICHT + ENVELOP_DICHT;

        geweigerdMet360(las().post(groot), "omvang verzoek");

        // without a Content-Length (chunked), the limit is counted while reading
        HttpRequest chunked = HttpRequest.newBuilder(las().endpoint())
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(groot.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> antwoord = las().http().send(chunked, HttpResponse.BodyHandlers.ofString());
        geweigerdMet360(new LasClient.Http(antwoord.statusCode(), antwoord.body()), "omvang verzoek");
        blijftWerken();
    }

    /**
     * A request declared XML 1.1 may carry control characters (as character references), which XML 1.0, the answer's, cannot:
     * the 359 that repeats the schema's finding is still a whole fault (it was cut off after its faultstring, a 500 with no
     * signal, found by a hostile LAS on 6 December).
     */
    @Test
    void eenStuurtekenUitEenXml11VerzoekBreektDeFoutNiet() {
        String verzoek = "<?xml version=\"1.1\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + LasClient.SOAP_NS + "\" "
                + "xmlns:bron=\"urn:nl:bron-hub:uitwisseling:v1\"><soapenv:Body><bron:terugkoppelingVerzoek><bron:header>"
                + "<bron:identificatiecodeBedrijfsdocument>a&#1;x</bron:identificatiecodeBedrijfsdocument><bron:verzendendeInstantie>"
                + "<bron:brin>10AI</bron:brin><bron:aanleverpuntnummer>1</bron:aanleverpuntnummer></bron:verzendendeInstantie>"
                + "<bron:ontvangendeInstantie>BRON</bron:ontvangendeInstantie><bron:datumTijdBedrijfsdocument>2026-11-22T10:01:00+01:00"
                + "</bron:datumTijdBedrijfsdocument></bron:header><bron:laatstOntvangenVolgnummer>0&#x1F;</bron:laatstOntvangenVolgnummer>"
                + "</bron:terugkoppelingVerzoek>" + ENVELOP_DICHT;

        LasClient.Http http = las().post(verzoek);

        assertThat(http.body()).as("no stack trace").doesNotContain("Exception").doesNotContain("at org.").endsWith("</soap:Envelope>");
        assertThat(http.status()).isEqualTo(500);
        LasClient.Fout fout = (LasClient.Fout) LasClient.lees(http);
        assertThat(fout.faultcode()).endsWith("Client");
        assertThat(fout.faultstring()).startsWith("359: ");
        assertThat(fout.signalen()).extracting(s -> s.getCode()).containsOnly("359");
        blijftWerken();
    }

    /**
     * SOAP 1.1 allows mustUnderstand "1" or "0": another value is an envelope outside the specification (360), not a
     * header to ignore (CXF took "2" as "0"; found by a hostile LAS on 6 December). "0" on an unknown header is served,
     * "1" is the unknown header's own 360.
     */
    @Test
    void eenMustUnderstandAndersDan0Of1IsEenFouteEnvelop() {
        String ophalen = LasClient.envelop(las().ophaalVerzoek(0, null));
        java.util.function.Function<String, String> metKop = waarde -> ophalen.replace("<soapenv:Body>",
                "<soapenv:Header><u:Onbekend xmlns:u=\"urn:onbekend\" soapenv:mustUnderstand=\"" + waarde + "\">x</u:Onbekend>"
                        + "</soapenv:Header><soapenv:Body>");

        geweigerdMet360(las().post(metKop.apply("2")), "mustUnderstand (alleen 0 of 1)");
        geweigerdMet360(las().post(metKop.apply("ja")), "mustUnderstand (alleen 0 of 1)");
        geweigerdMet360(las().post(metKop.apply("1")), "mustUnderstand (een kop die de hub niet kent)");
        LasClient.Http genegeerd = las().post(metKop.apply("0"));
        assertThat(genegeerd.status()).isEqualTo(200);
        assertThat(LasClient.lees(genegeerd)).isInstanceOf(nl.bronhub.contract.v1.TerugkoppelingAntwoord.class);
        blijftWerken();
    }

    private static void geweigerdMet360(LasClient.Http http, String gegeven) {
        assertThat(http.body()).as("no stack trace").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(http.status()).isEqualTo(500);
        LasClient.Fout fout = (LasClient.Fout) LasClient.lees(http);
        assertThat(fout.faultcode()).endsWith("Client");
        assertThat(fout.faultstring()).isEqualTo("360: De SOAP-envelop voldoet niet aan de specificaties.");
        assertThat(fout.signalen()).singleElement().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("360");
            assertThat(s.getGegeven()).startsWith(gegeven);
        });
    }

    private void blijftWerken() {
        Bericht bericht = inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"));
        AanleverenAntwoord antwoord = las().aanleveren(bericht);
        assertThat(antwoord.getBerichtResultaat()).singleElement().satisfies(r -> assertThat(r.getSignaal()).isEmpty());
    }
}
