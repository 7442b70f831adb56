package nl.bronhub;

import java.util.Map;

import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Signaal;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pupil without a BSN has the personal data their school sends, and any school can find such a pupil (756: surname,
 * birth date and sex; or the onderwijsnummer with birth date and sex). Only the school of the pupil's latest
 * inschrijving changes those data; another school's bericht is registered with 771 for each field it has otherwise,
 * the register keeps its data, and the other school's terugkoppeling does not show them. Schools 77AE (where the
 * pupil is enrolled) and 77AF.
 */
class PersoonsgegevensTest extends SignaalTest {

    @Test
    void eenSchoolZonderInschrijvingVerandertDeGegevensVanEenLeerlingZonderBsnNiet() {
        Persoon leerling = inHetBuitenland(Berichten.zonderPgn("2015-04-04"));
        Terugkoppeling ingeschreven = verwerk("77AE", inschrijven(leerling, wec("2026-08-01")));
        leerling.setOnderwijsnummer(ingeschreven.getLeerling().getOnderwijsnummer());
        Map<String, Object> voor = persoon(leerling);

        // by number, birth date and sex: another name and address abroad
        Persoon anders = inHetBuitenland(Berichten.zonderPgn("2015-04-04"));
        anders.setOnderwijsnummer(leerling.getOnderwijsnummer());
        anders.setVoornamen("Andere");
        anders.setAdresregelBuitenland1("Elders 9");
        Terugkoppeling perNummer = verwerk("77AF", Berichten.aanmelden(anders));
        assertThat(perNummer.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        // and no 771: to a school the pupil is not enrolled at, it would tell field by field what the register holds
        // (a hostile LAS tried postcodes and names this way)
        assertThat(perNummer.getSignaal()).isEmpty();
        // the school reads back what it sent, not the register's data
        assertThat(perNummer.getLeerling().getAchternaam()).isEqualTo(anders.getAchternaam());
        assertThat(perNummer.getLeerling().getAdresregelBuitenland1()).isEqualTo("Elders 9");

        // found by surname, birth date and sex (756), with an address that erases the second line
        Persoon gevonden = inHetBuitenland(Berichten.zonderPgn("2015-04-04"));
        gevonden.setAchternaam(leerling.getAchternaam());
        gevonden.setAdresregelBuitenland1("Elders 9");
        gevonden.setAdresregelBuitenland2(null);
        Terugkoppeling perNaam = verwerk("77AF", Berichten.aanmelden(gevonden));
        assertThat(perNaam.getSignaal()).extracting(Signaal::getCode).containsExactly("756");
        assertThat(perNaam.getLeerling().getOnderwijsnummer()).isEqualTo(leerling.getOnderwijsnummer());
        assertThat(perNaam.getLeerling().getAdresregelBuitenland2()).isNull();
        assertThat(persoon(leerling)).isEqualTo(voor);

        // ambulante begeleiding does not make 77AF the pupil's school: coaching, registered by any school, changes nothing
        Persoon begeleid = inHetBuitenland(Berichten.zonderPgn("2015-04-04"));
        begeleid.setOnderwijsnummer(leerling.getOnderwijsnummer());
        begeleid.setAdresregelBuitenland1("Elders 9");
        Terugkoppeling ab = verwerk("77AF", inschrijven(begeleid, Berichten.ambulant("2026-11-02", "72WB", "01")));
        assertThat(ab.getSignaal()).extracting(Signaal::getCode).doesNotContain("771");
        // once 77AF coaches the pupil, it is told that its data are not the register's
        Terugkoppeling naAb = verwerk("77AF", Berichten.aanmelden(anders));
        assertThat(naAb.getSignaal()).extracting(Signaal::getCode).contains("771");
        assertThat(naAb.getSignaal()).extracting(Signaal::getOmschrijving).anyMatch(o -> o.contains("achternaam"))
                .anyMatch(o -> o.contains("voornamen")).anyMatch(o -> o.contains("adresregel buitenland 1"));
        assertThat(persoon(leerling)).isEqualTo(voor);

        // the school the pupil is enrolled at changes them
        Persoon verhuisd = inHetBuitenland(Berichten.zonderPgn("2015-04-04"));
        verhuisd.setOnderwijsnummer(leerling.getOnderwijsnummer());
        verhuisd.setAchternaam(leerling.getAchternaam());
        verhuisd.setAdresregelBuitenland1("Nieuwe weg 2");
        Terugkoppeling eigen = verwerk("77AE", Berichten.bericht("wijzigen", verhuisd, wec("2026-08-01")));
        assertThat(eigen.getSignaal()).extracting(s -> s.getCode() + ": " + s.getOmschrijving())
                .containsExactly("772: Het veld adresregel buitenland 1 vervangt reeds in BRON geregistreerde waarde.");
        assertThat(persoon(leerling).get("adresregel_buitenland1")).isEqualTo("Nieuwe weg 2");

        // a school that enrols the pupil later, the pupil's latest inschrijving, changes them too
        Inschrijving later = wec("2026-11-02");
        Persoon bijDeNieuweSchool = inHetBuitenland(Berichten.zonderPgn("2015-04-04"));
        bijDeNieuweSchool.setOnderwijsnummer(leerling.getOnderwijsnummer());
        bijDeNieuweSchool.setAchternaam(leerling.getAchternaam());
        bijDeNieuweSchool.setAdresregelBuitenland1("Derde laan 3");
        Terugkoppeling nieuw = verwerk("77AF", inschrijven(bijDeNieuweSchool, later));
        assertThat(nieuw.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(nieuw.getSignaal()).extracting(Signaal::getCode).doesNotContain("771");
        assertThat(persoon(leerling).get("adresregel_buitenland1")).isEqualTo("Derde laan 3");
    }

    /**
     * What another school reads back of a pupil it found by surname, birth date and sex: a refused verwijderen shows nothing
     * of the register's record (756 confirms no key data), an enrolment on the same day as the pupil's own school takes
     * nothing over (the first registered of a day counts), and its registratieoverzicht shows the pupil by number, birth
     * date, sex and achternaam only. Found by a hostile LAS against a hub of this build.
     */
    @Test
    void eenAndereSchoolLeestDeGegevensVanDeLeerlingNietTerug() {
        Persoon leerling = inHetBuitenland(Berichten.zonderPgn("2015-06-06"));
        leerling.setVoornamen("Merel");
        Terugkoppeling ingeschreven = verwerk("77AE", inschrijven(leerling, wec("2026-08-01")));
        leerling.setOnderwijsnummer(ingeschreven.getLeerling().getOnderwijsnummer());
        Map<String, Object> voor = persoon(leerling);

        // found by name, a verwijderen of an inschrijving 77AF does not have: refused, and no record of the register's
        Persoon gevonden = inHetBuitenland(Berichten.zonderPgn("2015-06-06"));
        gevonden.setAchternaam(leerling.getAchternaam());
        gevonden.setVoornamen("Anders");
        gevonden.setAdresregelBuitenland1("Elders 9");
        Terugkoppeling verwijderd = verwerk("77AF", Berichten.bericht("verwijderen", gevonden, wec("2026-08-01")));
        assertThat(verwijderd.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
        assertThat(verwijderd.getSignaal()).extracting(Signaal::getCode).contains("756", "304");
        assertThat(verwijderd.getLeerling()).as("the register's record of another school's pupil").isNull();

        // enrolled on the same day as at 77AE: registered, but the register keeps 77AE's data
        Terugkoppeling zelfdeDag = verwerk("77AF", inschrijven(gevonden, wec("2026-08-01")));
        assertThat(zelfdeDag.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(zelfdeDag.getSignaal()).extracting(Signaal::getCode).doesNotContain("771");
        assertThat(persoon(leerling)).isEqualTo(voor);
        // enrolled at 77AF now (77AE's, registered first that day, still counts): a change is not taken, and 77AF hears so
        Terugkoppeling gewijzigd = verwerk("77AF", Berichten.bericht("wijzigen", gevonden, wec("2026-08-01")));
        assertThat(gewijzigd.getSignaal()).extracting(Signaal::getCode).contains("771");
        assertThat(persoon(leerling)).isEqualTo(voor);

        // now enrolled at 77AF too, a refused bericht still shows it nothing of 77AE's data
        Terugkoppeling weerVerwijderd = verwerk("77AF", Berichten.bericht("verwijderen", gevonden, wec("2026-09-01")));
        assertThat(weerVerwijderd.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
        assertThat(weerVerwijderd.getLeerling()).isNull();

        // 77AF's registratieoverzicht: the pupil, identified, without 77AE's first names and address
        Persoon gezienDoorAnder = registratie(las("77AF", "1").registratieoverzicht("2026-10-01", null), leerling);
        assertThat(gezienDoorAnder.getAchternaam()).isEqualTo(leerling.getAchternaam());
        assertThat(gezienDoorAnder.getGeboortedatum()).isEqualTo("2015-06-06");
        assertThat(gezienDoorAnder.getVoornamen()).isNull();
        assertThat(gezienDoorAnder.getLandcode()).isNull();
        assertThat(gezienDoorAnder.getAdresregelBuitenland1()).isNull();
        // 77AE's shows them
        Persoon eigen = registratie(las("77AE", "1").registratieoverzicht("2026-10-01", null), leerling);
        assertThat(eigen.getVoornamen()).isEqualTo("Merel");
        assertThat(eigen.getAdresregelBuitenland1()).isEqualTo("Rue de la Paix 1");
    }

    private static Persoon registratie(nl.bronhub.contract.v1.RegistratieoverzichtAntwoord overzicht, Persoon leerling) {
        return overzicht.getRegistratie().stream().map(r -> r.getLeerling())
                .filter(l -> leerling.getOnderwijsnummer().equals(l.getOnderwijsnummer())).findFirst().orElseThrow();
    }

    private Map<String, Object> persoon(Persoon leerling) {
        return jdbc.queryForMap("select achternaam, voornamen, landcode, adresregel_buitenland1, adresregel_buitenland2 "
                + "from persoon where pgn = ?", leerling.getOnderwijsnummer());
    }

    private static Persoon inHetBuitenland(Persoon p) {
        p.setStraatnaam(null);
        p.setHuisnummer(null);
        p.setPostcode(null);
        p.setWoonplaats(null);
        p.setLandcode("5002");
        p.setAdresregelBuitenland1("Rue de la Paix 1");
        p.setAdresregelBuitenland2("75001 Paris");
        return p;
    }
}
