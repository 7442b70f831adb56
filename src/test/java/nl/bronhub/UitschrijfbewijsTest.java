package nl.bronhub;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;

import nl.bronhub.contract.v1.Bekostigingsstatus;
import nl.bronhub.contract.v1.GtbSignaal;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.RedenUitschrijfbewijs;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Uitschrijfbewijs;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.wpo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digital uitschrijfbewijs and the funding status (the 2019 letter: po-informatiediensten, po-bekostigen), end to
 * end: berichten of two schools over SOAP, each with its own LAS, and both queues fetched. Today is 2 November 2026;
 * a WEC school's peildata are 17-08-2026, 01-10-2026, 16-01-2027, 01-03-2027. Schools of this test only: 70CF, 70CL,
 * 70CO, 70CP, 73AY.
 */
class UitschrijfbewijsTest extends SignaalTest {

    /**
     * A pupil enrolled at 70CL while still at 70CF; 70CF then uitschrijft them the day before. 70CL gets the
     * uitschrijfbewijs (reden ingeschreven), 70CF the confirmation; resending either school's bericht makes no second.
     */
    @Test
    void eenLeerlingDieVanSchoolWisseltGeeftDeNieuweSchoolEenUitschrijfbewijs() throws Exception {
        Persoon leerling = bekendeLeerling("2015-04-04");
        Terugkoppeling bijA = verwerk("70CF", inschrijven(leerling, wec("2026-08-01")));
        bekostiging(bijA, true, "2026-08-17");
        Terugkoppeling bijB = verwerk("70CL", inschrijven(leerling, wec("2026-10-01")));
        bekostiging(bijB, true, "2026-10-01");

        Inschrijving uit = wec("2026-08-01");
        uit.setDatumUitschrijving("2026-09-30");
        Terugkoppeling uitgeschreven = verwerk("70CF", Berichten.bericht("uitschrijven", leerling, uit));
        // the uitschrijving's own status: counted from the first school day (until the uitschrijving)
        bekostiging(uitgeschreven, true, "2026-08-17");

        Terugkoppeling bewijs = een(las("70CL", "1"), SoortTerugkoppeling.UITSCHRIJFBEWIJS, leerling);
        assertThat(bewijs.getResultaat()).isEqualTo(Verwerkingsresultaat.MELDING);
        assertThat(bewijs.getBerichtIdentificatie()).isNull();
        assertThat(bewijs.getInschrijving()).as("the other school's enrolment is not the receiving school's").isNull();
        // what the receiving school needs to recognise the pupil, not their address
        assertThat(bewijs.getLeerling().getGeboortedatum()).isEqualTo("2015-04-04");
        assertThat(bewijs.getLeerling().getAchternaam()).isEqualTo(leerling.getAchternaam());
        assertThat(bewijs.getLeerling().getStraatnaam()).isNull();
        assertThat(bewijs.getLeerling().getPostcode()).isNull();
        Uitschrijfbewijs u = bewijs.getUitschrijfbewijs();
        assertThat(u.getVorigeBrin()).isEqualTo("70CF");
        assertThat(u.getVorigeVestiging()).isEqualTo("01");
        assertThat(u.getLeerjaar()).isEqualTo("3");
        assertThat(u.getDatumInschrijving()).isEqualTo("2026-08-01");
        assertThat(u.getDatumUitschrijving()).isEqualTo("2026-09-30");
        assertThat(u.getReden()).isEqualTo(RedenUitschrijfbewijs.INGESCHREVEN);
        assertThat(u.getNieuweBrin()).isEqualTo("70CL");
        assertThat(u.getNieuweDatumInschrijving()).isEqualTo("2026-10-01");

        Terugkoppeling bevestiging = een(las("70CF", "1"), SoortTerugkoppeling.UITSCHRIJVING_BEVESTIGD, leerling);
        assertThat(bevestiging.getUitschrijfbewijs().getNieuweBrin()).isEqualTo("70CL");
        assertThat(bevestiging.getInschrijving().getDatumUitschrijving()).isEqualTo("2026-09-30");

        // made once: the uitschrijving sent again, and the new school's enrolment corrected, make no second one
        Inschrijving nogmaals = wec("2026-08-01");
        nogmaals.setDatumUitschrijving("2026-09-30");
        verwerk("70CF", Berichten.bericht("uitschrijven", leerling, nogmaals));
        Inschrijving gewijzigd = wec("2026-10-01");
        gewijzigd.getLeerjaar().get(0).setWaarde("4");
        verwerk("70CL", Berichten.bericht("wijzigen", leerling, gewijzigd));
        een(las("70CL", "1"), SoortTerugkoppeling.UITSCHRIJFBEWIJS, leerling);
        een(las("70CF", "1"), SoortTerugkoppeling.UITSCHRIJVING_BEVESTIGD, leerling);
        assertThat(alle(las("70CF", "1"))).noneMatch(t -> t.getSoort() == SoortTerugkoppeling.UITSCHRIJFBEWIJS);
        assertThat(alle(las("70CL", "1"))).noneMatch(t -> t.getSoort() == SoortTerugkoppeling.UITSCHRIJVING_BEVESTIGD);
        assertThat(jdbc.queryForObject("select count(*) from uitschrijfbewijs where van_brin = '70CF'", Integer.class)).isOne();

        // the answer on the wire is what the contract says; a LAS built on the contract before these additions,
        // skipping the items and elements it does not know, reads an answer its own schema accepts
        LasClient b = las("70CL", "1");
        Element antwoord = antwoord(b.post(LasClient.envelop(b.ophaalVerzoek(0, null))).body());
        assertThat(antwoord.getElementsByTagNameNS(NS, "uitschrijfbewijs").getLength()).isPositive();
        assertThat(antwoord.getElementsByTagNameNS(NS, "bekostiging").getLength()).isPositive();
        valideer("wsdl/bron-uitwisseling-v1.xsd", antwoord);
        slaOverWatEenEerdereLasNietKent(antwoord);
        assertThat(antwoord.getElementsByTagNameNS(NS, "terugkoppeling").getLength()).isPositive();
        valideer("src/test/resources/contract/bron-uitwisseling-v1-eerder.xsd", antwoord);
    }

    /**
     * The uitschrijving names the school the pupil goes to (BRIN teruggeplaatste leerling): that school hears nothing of
     * the pupil until it registers them itself (a school named has not shown the pupil goes there), then it gets the
     * uitschrijfbewijs (reden teruggeplaatst), also more than 62 days after the uitschrijving, and the school left the
     * confirmation (enrolled 2 November, 63 days after the uitschrijving).
     */
    @Test
    void eenGenoemdeSchoolKrijgtHetBewijsPasAlsZeDeLeerlingInschrijft() {
        alle(las("72WG", "1")); // the WPO school 72WG fetches its queue: connected
        Persoon naarDeWpoSchool = bekendeLeerling("2015-05-05");
        Inschrijving uit = wec("2026-08-01");
        uit.setDatumUitschrijving("2026-08-31");
        uit.setBrinTeruggeplaatsteLeerling("72WG");
        geregistreerdZonderSignalen(verwerk("70CO", inschrijven(naarDeWpoSchool, uit)));
        assertThat(van(alle(las("72WG", "1")), naarDeWpoSchool)).isEmpty();
        assertThat(van(alle(las("70CO", "1")), naarDeWpoSchool)).extracting(Terugkoppeling::getSoort).containsOnly(SoortTerugkoppeling.VERWERKING);
        assertThat(jdbc.queryForObject("select count(*) from uitschrijfbewijs where naar_brin = '72WG'", Integer.class)).isZero();

        geregistreerdZonderSignalen(verwerk("72WG", inschrijven(naarDeWpoSchool, wpo("2026-11-02"))));
        Terugkoppeling bewijs = een(las("72WG", "1"), SoortTerugkoppeling.UITSCHRIJFBEWIJS, naarDeWpoSchool);
        assertThat(bewijs.getUitschrijfbewijs().getReden()).isEqualTo(RedenUitschrijfbewijs.TERUGGEPLAATST);
        assertThat(bewijs.getUitschrijfbewijs().getVorigeBrin()).isEqualTo("70CO");
        assertThat(bewijs.getUitschrijfbewijs().getNieuweDatumInschrijving()).isEqualTo("2026-11-02");
        een(las("70CO", "1"), SoortTerugkoppeling.UITSCHRIJVING_BEVESTIGD, naarDeWpoSchool);
    }

    /**
     * A school that knows a pupil registers a made-up earlier enrolment, ending the day before the pupil's enrolment at
     * the school they attend now: its confirmation would name that school. The current enrolment was registered first,
     * so there is no bewijs: the sender's queue names no other school, and the current school gets no false bewijs.
     */
    @Test
    void eenVerzonnenEerdereInschrijvingVerraadtDeHuidigeSchoolNiet() {
        Persoon leerling = bekendeLeerling("2015-09-09");
        geregistreerdZonderSignalen(verwerk("72WH", inschrijven(leerling, wpo("2026-08-01"))));
        Inschrijving verzonnen = wec("2025-08-01");
        verzonnen.setDatumUitschrijving("2026-07-31");
        assertThat(verwerk("70CO", inschrijven(leerling, verzonnen)).getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        Inschrijving genoemd = wec("2024-08-01");
        genoemd.setDatumUitschrijving("2025-07-31");
        genoemd.setBrinTeruggeplaatsteLeerling("72WH");
        assertThat(verwerk("70CO", inschrijven(leerling, genoemd)).getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);

        List<Terugkoppeling> bijDeAfzender = van(alle(las("70CO", "1")), leerling);
        assertThat(bijDeAfzender).extracting(Terugkoppeling::getSoort).containsOnly(SoortTerugkoppeling.VERWERKING);
        assertThat(bijDeAfzender).allSatisfy(t -> assertThat(t.getUitschrijfbewijs()).isNull());
        assertThat(van(alle(las("72WH", "1")), leerling)).extracting(Terugkoppeling::getSoort)
                .containsOnly(SoortTerugkoppeling.VERWERKING);
        assertThat(jdbc.queryForObject("select count(*) from uitschrijfbewijs where van_brin = '70CO' and naar_brin = '72WH'",
                Integer.class)).isZero();
    }

    /**
     * Never to a school the pupil does not go to: re-enrolled at the same school, and another pupil enrolled at another
     * school the next day, give no uitschrijfbewijs. That other pupil's funding status: indicatie bekostiging N keeps
     * them out, with GTB signal 12.
     */
    @Test
    void dezelfdeSchoolOfEenAndereLeerlingKrijgtGeenBewijs() {
        Persoon leerling = bekendeLeerling("2015-07-07");
        Inschrijving uit = wec("2026-08-01");
        uit.setDatumUitschrijving("2026-09-30");
        verwerk("73AY", inschrijven(leerling, uit));
        geregistreerdZonderSignalen(verwerk("73AY", inschrijven(leerling, wec("2026-10-01"))));
        // the uitschrijving sent again once the new enrolment is registered: still the same school
        Inschrijving nogmaals = wec("2026-08-01");
        nogmaals.setDatumUitschrijving("2026-09-30");
        verwerk("73AY", Berichten.bericht("uitschrijven", leerling, nogmaals));

        Persoon ander = bekendeLeerling("2015-07-07");
        Inschrijving nietBekostigd = wec("2026-10-01");
        nietBekostigd.getIndicatieBekostiging().get(0).setWaarde("N");
        Terugkoppeling t = verwerk("70CF", inschrijven(ander, nietBekostigd));
        Bekostigingsstatus b = bekostiging(t, false, "2026-10-01");
        assertThat(b.getGtbSignaal()).extracting(GtbSignaal::getCode).containsExactly(12);
        assertThat(b.getGtbSignaal().get(0).getOmschrijving()).contains("ongeoorloofd verzuim");

        assertThat(alle(las("73AY", "1"))).extracting(Terugkoppeling::getSoort).containsOnly(SoortTerugkoppeling.VERWERKING);
        assertThat(van(alle(las("70CF", "1")), ander)).extracting(Terugkoppeling::getSoort)
                .containsOnly(SoortTerugkoppeling.VERWERKING);
        assertThat(jdbc.queryForObject("select count(*) from uitschrijfbewijs where van_brin = '73AY'", Integer.class)).isZero();
    }

    /**
     * Undone before the uitschrijving: the new school deletes its enrolment (verwijderen), then the old school
     * uitschrijft the pupil. The pupil does not go there (any more): no uitschrijfbewijs, no confirmation.
     */
    @Test
    void eenVerwijderdeInschrijvingKrijgtGeenBewijs() {
        Persoon leerling = bekendeLeerling("2015-08-08");
        verwerk("70CP", inschrijven(leerling, wec("2026-10-01")));
        Terugkoppeling verwijderd = verwerk("70CP", Berichten.bericht("verwijderen", leerling, wec("2026-10-01")));
        assertThat(verwijderd.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(verwijderd.getBekostiging()).isNull();

        Inschrijving uit = wec("2026-08-01");
        uit.setDatumUitschrijving("2026-09-30");
        verwerk("70CO", inschrijven(leerling, uit));
        assertThat(van(alle(las("70CP", "1")), leerling)).extracting(Terugkoppeling::getSoort)
                .containsOnly(SoortTerugkoppeling.VERWERKING);
        assertThat(van(alle(las("70CO", "1")), leerling)).extracting(Terugkoppeling::getSoort)
                .containsOnly(SoortTerugkoppeling.VERWERKING);
    }

    private static final String NS = "urn:nl:bron-hub:uitwisseling:v1";

    private static Element antwoord(String soap) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(soap)));
        return (Element) d.getElementsByTagNameNS(NS, "terugkoppelingAntwoord").item(0);
    }

    private static void valideer(String xsd, Element element) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of(xsd).toFile()).newValidator()
                .validate(new DOMSource(element));
    }

    /** What a LAS on the earlier contract does with what it does not know: skips the new soorten and elements. */
    private static void slaOverWatEenEerdereLasNietKent(Element antwoord) {
        for (String nieuw : List.of("bekostiging", "uitschrijfbewijs")) {
            NodeList l = antwoord.getElementsByTagNameNS(NS, nieuw);
            for (int n = l.getLength() - 1; n >= 0; n--) {
                Node e = l.item(n);
                if (e.getParentNode().getLocalName().equals("terugkoppeling")) {
                    e.getParentNode().removeChild(e);
                }
            }
        }
        NodeList items = antwoord.getElementsByTagNameNS(NS, "terugkoppeling");
        for (int n = items.getLength() - 1; n >= 0; n--) {
            Element t = (Element) items.item(n);
            String soort = t.getElementsByTagNameNS(NS, "soort").item(0).getTextContent();
            if (!List.of("verwerking", "spontaneMutatie", "dubbeleInschrijving").contains(soort)) {
                antwoord.removeChild(t);
            }
        }
    }

    private static Bekostigingsstatus bekostiging(Terugkoppeling t, boolean telt, String peildatum) {
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        Bekostigingsstatus b = t.getBekostiging();
        assertThat(b).as("bekostiging").isNotNull();
        assertThat(b.isTelt()).as("telt").isEqualTo(telt);
        assertThat(b.getPeildatum()).isEqualTo(peildatum);
        return b;
    }

    /** The queue's items about this pupil (by the onderwijsnummer the hub gave them). */
    private static List<Terugkoppeling> van(List<Terugkoppeling> wachtrij, Persoon leerling) {
        return wachtrij.stream().filter(t -> t.getLeerling() != null
                && leerling.getOnderwijsnummer().equals(t.getLeerling().getOnderwijsnummer())).toList();
    }

    /** Exactly one item of this soort about this pupil in the LAS's queue. */
    private static Terugkoppeling een(LasClient las, SoortTerugkoppeling soort, Persoon leerling) {
        List<Terugkoppeling> gevonden = van(alle(las), leerling).stream().filter(t -> t.getSoort() == soort).toList();
        assertThat(gevonden).as(soort + " items").hasSize(1);
        return gevonden.get(0);
    }
}
