package nl.bronhub;

import java.util.List;

import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.BerichtResultaat;
import nl.bronhub.contract.v1.Ernst;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Signaal;
import nl.bronhub.aanlevering.Pgn;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/** The synchronous format check (handbook 6.3): each signal through SOAP, with its code and text. */
class FormaatControleTest extends HubTest {

    private LasClient las() {
        return las("20AA", "1");
    }

    /** Sends the bericht beside a valid one: only the faulty one is refused, the other is received. */
    private List<Signaal> afkeurVan(Bericht fout) {
        Bericht goed = Berichten.aanmelden(zonderPgn("2018-06-01"));
        AanleverenAntwoord antwoord = las().aanleveren(goed, fout);
        assertThat(antwoord.getBerichtResultaat()).extracting(BerichtResultaat::getStatus)
                .containsExactly(Ontvangststatus.ONTVANGEN, Ontvangststatus.AFKEUR);
        BerichtResultaat r = antwoord.getBerichtResultaat().get(1);
        assertThat(r.getPositie()).isEqualTo(2);
        assertThat(r.getBerichtIdentificatie()).isEqualTo(fout.getIdentificatie());
        assertThat(r.getSignaal()).allSatisfy(s -> assertThat(s.getErnst()).isEqualTo(Ernst.AFKEUR));
        assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie = ?", Integer.class,
                fout.getIdentificatie())).as("a refused bericht is not stored").isZero();
        return r.getSignaal();
    }

    private static void heeft(List<Signaal> signalen, String code, String omschrijving) {
        assertThat(signalen).anySatisfy(s -> {
            assertThat(s.getCode()).isEqualTo(code);
            assertThat(s.getOmschrijving()).isEqualTo(omschrijving);
        });
    }

    @Test
    void leegVerplichtVeldGeeft740() {
        var leerling = zonderPgn("2018-06-01");
        leerling.setAchternaam(" ");
        heeft(afkeurVan(Berichten.aanmelden(leerling)), "740", "Het veld achternaam moet gevuld zijn.");
    }

    @Test
    void inschrijvenZonderInschrijvingGeeft740() {
        heeft(afkeurVan(Berichten.bericht("inschrijven", zonderPgn("2018-06-01"), null)), "740",
                "Het veld inschrijving moet gevuld zijn.");
    }

    @Test
    void waardeBuitenDeWaardelijstGeeft741() {
        var leerling = zonderPgn("2018-06-01");
        leerling.setGeslacht("X");
        heeft(afkeurVan(Berichten.aanmelden(leerling)), "741", "Het veld geslacht moet voorkomen in de bijbehorende waardelijst.");

        var inschrijving = wec("2026-08-01");
        inschrijving.getSoortOnderwijs().get(0).setWaarde("99");
        heeft(afkeurVan(inschrijven(zonderPgn("2018-06-01"), inschrijving)), "741",
                "Het veld soort onderwijs moet voorkomen in de bijbehorende waardelijst.");
    }

    @Test
    void verkeerdFormaatGeeft742() {
        var leerling = zonderPgn("2018-06-01");
        leerling.setGeboortedatum("01-06-2018");
        heeft(afkeurVan(Berichten.aanmelden(leerling)), "742", "Het formaat van het veld geboortedatum is niet conform de voorschriften.");

        var postcode = zonderPgn("2018-06-01");
        postcode.setPostcode("1234 ab");
        heeft(afkeurVan(Berichten.aanmelden(postcode)), "742", "Het formaat van het veld postcode is niet conform de voorschriften.");

        var kortBsn = zonderPgn("2018-06-01");
        kortBsn.setBurgerservicenummer("12345678");
        heeft(afkeurVan(Berichten.aanmelden(kortBsn)), "742",
                "Het formaat van het veld burgerservicenummer is niet conform de voorschriften.");
    }

    @Test
    void bsnDieDeElfproefNietHaaltGeeft750() {
        assertThat(Pgn.isGeldigBsn("123456789")).isFalse();
        var leerling = zonderPgn("2018-06-01");
        leerling.setBurgerservicenummer("123456789");
        heeft(afkeurVan(Berichten.aanmelden(leerling)), "750", "Het burgerservicenummer voldoet niet aan de burgerservicenummerproef.");
    }

    @Test
    void onderwijsnummerDatDeProefNietHaaltGeeft751() {
        assertThat(Pgn.isGeldigOnderwijsnummer("101234567")).isFalse();
        var leerling = zonderPgn("2018-06-01");
        leerling.setOnderwijsnummer("101234567");
        heeft(afkeurVan(Berichten.aanmelden(leerling)), "751", "Het onderwijsnummer voldoet niet aan de onderwijsnummerproef.");
    }

    @Test
    void geboortedatumInDeToekomstGeeft843() {
        heeft(afkeurVan(Berichten.aanmelden(zonderPgn("2026-11-03"))), "843", "Het veld geboortedatum mag niet in de toekomst liggen.");
    }

    @Test
    void onjuisteIdentificatieGeeft396() {
        Bericht b = Berichten.aanmelden(zonderPgn("2018-06-01"));
        b.setIdentificatie("met spatie");
        heeft(afkeurVan(b), "396", "Er is een al eerder gebruikte of anderszins onjuiste berichtidentificatie gebruikt.");
    }

    @Test
    void eenBerichtDatNietAanDeXsdVoldoetGeeft359MetHetElement() {
        Bericht goed = Berichten.aanmelden(zonderPgn("2018-06-01"));
        Bericht fout = Berichten.aanmelden(zonderPgn("2018-06-01"));
        String xml = LasClient.envelop(las().aanleverVerzoek(goed, fout))
                .replace("</woonplaats></leerling></bericht></aanleverenVerzoek>",
                        "</woonplaats><schoenmaat>31</schoenmaat></leerling></bericht></aanleverenVerzoek>");
        assertThat(xml).contains("schoenmaat");

        AanleverenAntwoord antwoord = (AanleverenAntwoord) LasClient.lees(las().post(xml));

        assertThat(antwoord.getBerichtResultaat()).extracting(BerichtResultaat::getStatus)
                .containsExactly(Ontvangststatus.ONTVANGEN, Ontvangststatus.AFKEUR);
        assertThat(antwoord.getBerichtResultaat().get(1).getSignaal()).singleElement().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("359");
            assertThat(s.getGegeven()).isEqualTo("schoenmaat");
            assertThat(s.getOmschrijving()).startsWith("Het XML-bericht voldoet niet aan de XSD-definitie: element 'schoenmaat'");
        });
        assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie in (?, ?)", Integer.class,
                goed.getIdentificatie(), fout.getIdentificatie())).isEqualTo(1);
    }

    /**
     * More than 100 occurrences of one group: 359 for that bericht alone, the others received. A hostile LAS sent a
     * megabyte of them: acknowledged, its terugkoppeling (a signal per occurrence) was too large to store and it was
     * parked for good; larger still, the whole request was 358.
     */
    @Test
    void meerDan100VoorkomensVanEenGroepIs359VoorDatBericht() {
        Bericht goed = Berichten.aanmelden(zonderPgn("2018-06-01"));
        Bericht groot = inschrijven(zonderPgn("2016-06-01"), wec("2026-09-01"));
        while (groot.getInschrijving().getLeerjaar().size() < 100) {
            groot.getInschrijving().getLeerjaar().add(Berichten.groep("2026-09-01", "3"));
        }
        Bericht teGroot = inschrijven(zonderPgn("2016-06-01"), wec("2026-09-01"));
        while (teGroot.getInschrijving().getLeerjaar().size() < 101) {
            teGroot.getInschrijving().getLeerjaar().add(Berichten.groep("2026-09-01", "3"));
        }

        AanleverenAntwoord antwoord = las().aanleveren(goed, groot, teGroot);

        assertThat(antwoord.getBerichtResultaat()).extracting(BerichtResultaat::getStatus)
                .containsExactly(Ontvangststatus.ONTVANGEN, Ontvangststatus.ONTVANGEN, Ontvangststatus.AFKEUR);
        assertThat(antwoord.getBerichtResultaat().get(2).getSignaal()).singleElement().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("359");
            assertThat(s.getGegeven()).isEqualTo("leerjaar");
        });
        assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie = ?", Integer.class,
                teGroot.getIdentificatie())).isZero();
    }

    @Test
    void eenOngeldigeHeaderWeigertHetHeleVerzoekMet359() {
        Bericht b = Berichten.aanmelden(zonderPgn("2018-06-01"));
        String xml = LasClient.envelop(las().aanleverVerzoek(b)).replace("<brin>20AA</brin>", "<brin>2A</brin>");

        LasClient.Fout fout = (LasClient.Fout) LasClient.lees(las().post(xml));

        assertThat(fout.httpStatus()).isEqualTo(500);
        assertThat(fout.faultstring()).startsWith("359: Het XML-bericht voldoet niet aan de XSD-definitie: element 'brin'");
        assertThat(fout.signalen()).first().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("359");
            assertThat(s.getGegeven()).isEqualTo("brin");
        });
        assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie = ?", Integer.class,
                b.getIdentificatie())).isZero();
    }

    @Test
    void eenKapotteEnvelopGeeftEenSoapFaultMet360() {
        for (String kapot : List.of(
                "<soapenv:Envelope xmlns:soapenv=\"" + LasClient.SOAP_NS + "\"><soapenv:Body><bron:aanleverenVerzoek",
                "<geenEnvelop/>",
                "<soap12:Envelope xmlns:soap12=\"http://www.w3.org/2003/05/soap-envelope\"><soap12:Body/></soap12:Envelope>",
                "dit is geen XML")) {
            LasClient.Http http = las().post(kapot);
            LasClient.Fout fout = (LasClient.Fout) LasClient.lees(http);
            assertThat(fout.faultstring()).as(kapot).isEqualTo("360: De SOAP-envelop voldoet niet aan de specificaties.");
            assertThat(fout.signalen()).as(kapot).singleElement().satisfies(s -> {
                assertThat(s.getCode()).isEqualTo("360");
                assertThat(s.getErnst()).isEqualTo(Ernst.AFKEUR);
            });
            assertThat(http.body()).as("no stack trace").doesNotContain("Exception").doesNotContain("at org.");
        }
    }
}
