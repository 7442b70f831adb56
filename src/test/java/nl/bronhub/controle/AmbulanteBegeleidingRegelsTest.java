package nl.bronhub.controle;

import nl.bronhub.model.Groep;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.controle.ModelBerichten.InschrijvingBouwer;
import org.junit.jupiter.api.Test;

import static nl.bronhub.controle.ModelBerichten.CATALOGUS;
import static nl.bronhub.controle.ModelBerichten.WEC;
import static nl.bronhub.controle.ModelBerichten.WPO;
import static nl.bronhub.controle.ModelBerichten.ambulant;
import static nl.bronhub.controle.ModelBerichten.inschrijven;
import static nl.bronhub.controle.ModelBerichten.signalen;
import static nl.bronhub.controle.ModelBerichten.teksten;
import static nl.bronhub.controle.ModelBerichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ambulante begeleiding (handbook 7.3.2, 8.6): soort onderwijs, leerjaar, schoolsoort and soort verblijf 0 in
 * every period (338), NNCA 0 (343), the school coached at filled in (740), and each coaching starting on or after
 * the indication and the datum inschrijving and not after the uitschrijving (328). The builder's case: coached from
 * 1 September 2026 at a WPO school, indicated on 15 June 2026.
 */
class AmbulanteBegeleidingRegelsTest {

    private final AmbulanteBegeleidingRegels regels = new AmbulanteBegeleidingRegels(CATALOGUS);

    private Verwerking controleer(InschrijvingBouwer inschrijving) {
        Verwerking v = inschrijven(WEC, inschrijving);
        regels.controleer(v);
        return v;
    }

    @Test
    void eenAmbulantBegeleideLeerlingIsInOrde() {
        assertThat(signalen(controleer(ambulant("2026-09-01", WPO)))).isEmpty();
        assertThat(signalen(controleer(ambulant("2026-09-01", WPO).uitgeschrevenOp("2027-07-31")
                .ambulanteBegeleiding("2027-01-01", "71WB")))).as("another school from January").isEmpty();
    }

    @Test
    void eenPlaatsOpDeSchoolIsGeenAmbulanteBegeleiding() {
        assertThat(signalen(controleer(wec("2026-08-01").nnca("2")))).isEmpty();
    }

    @Test
    void eenGroepAndersDanNulGeeft338() {
        Verwerking leerjaar = controleer(ambulant("2026-09-01", WPO).alleen(Groep.LEERJAAR, "2026-09-01", "3"));
        assertThat(signalen(leerjaar)).containsExactly("338 Leerjaar/groep");
        assertThat(teksten(leerjaar)).isEqualTo("338: Leerjaar/groep mag alleen '0' zijn bij ambulante begeleiding.");

        assertThat(signalen(controleer(ambulant("2026-09-01", WPO).alleen(Groep.SOORT_ONDERWIJS, "2026-09-01", "33"))))
                .containsExactly("338 Soort onderwijs");
        assertThat(signalen(controleer(ambulant("2026-09-01", WPO).alleen(Groep.SOORT_VERBLIJF, "2026-09-01", "1"))))
                .containsExactly("338 Soort verblijf");
        assertThat(signalen(controleer(ambulant("2026-09-01", WPO).alleen(Groep.INDICATIE_BEKOSTIGING, "2026-09-01", "N"))))
                .as("indicatie bekostiging is registered as for any pupil").isEmpty();
    }

    @Test
    void eenLaterVoorkomenAndersDanNulGeeft338() {
        Verwerking v = controleer(ambulant("2026-09-01", WPO).groep(Groep.SCHOOLSOORT, "2027-01-01", "1"));
        assertThat(signalen(v)).containsExactly("338 Schoolsoort");

        assertThat(signalen(controleer(ambulant("2026-09-01", WPO).groep(Groep.SCHOOLSOORT, "2027-01-01", "0"))))
                .as("a later occurrence that is 0").isEmpty();
    }

    @Test
    void eenAanduidingNncaAndersDanNulGeeft343() {
        Verwerking v = controleer(ambulant("2026-09-01", WPO).nnca("2"));
        assertThat(signalen(v)).containsExactly("343 aanduiding NNCA");
        assertThat(teksten(v)).isEqualTo("343: Aanduiding niet-Nederlandse Culturele Achtergrond 2 moet 0 zijn bij ambulante begeleiding.");

        assertThat(signalen(controleer(ambulant("2026-09-01", WPO).nnca(null)))).as("missing: GroepRegels' 740").isEmpty();
    }

    @Test
    void eenAmbulanteBegeleidingZonderSchoolGeeft740() {
        Verwerking v = controleer(ambulant("2026-09-01", null));
        assertThat(signalen(v)).containsExactly("740 BRIN-nummer school ambulante begeleiding");
        assertThat(teksten(v)).isEqualTo("740: Het veld BRIN-nummer van de school of instelling waar de leerling ambulant "
                + "begeleid wordt moet gevuld zijn.");
    }

    @Test
    void begeleidingVoorDeIndicatiestellingGeeft328() {
        Verwerking v = controleer(ambulant("2026-09-01", WPO).zonderIndicaties().indicatie("2026-09-15", "33"));
        assertThat(signalen(v)).containsExactly("328 datum ingang ambulante begeleiding");
        assertThat(teksten(v)).isEqualTo("328: Datum ingang ambulante begeleiding 01-09-2026 moet gelijk zijn aan/liggen na "
                + "datum indicatiestelling 15-09-2026 en datum inschrijving 01-09-2026 en moet liggen voor of op de datum "
                + "uitschrijving (geen).");

        assertThat(signalen(controleer(ambulant("2026-09-01", WPO).zonderIndicaties().indicatie("2026-09-01", "33"))))
                .as("from the day of the indication").isEmpty();
    }

    @Test
    void begeleidingVoorDeDatumInschrijvingGeeft328() {
        Verwerking v = controleer(ambulant("2026-09-01", WPO).ambulanteBegeleiding("2026-08-15", "71WB"));
        assertThat(signalen(v)).containsExactly("328 datum ingang ambulante begeleiding");
        assertThat(teksten(v)).startsWith("328: Datum ingang ambulante begeleiding 15-08-2026 moet");
    }

    @Test
    void eenLatereBegeleidingNaDeDatumUitschrijvingGeeft328() {
        Verwerking v = controleer(ambulant("2026-09-01", WPO).uitgeschrevenOp("2027-07-31").ambulanteBegeleiding("2027-08-01", "71WB"));
        assertThat(signalen(v)).containsExactly("328 datum ingang ambulante begeleiding");
        assertThat(teksten(v)).isEqualTo("328: Datum ingang ambulante begeleiding 01-08-2027 moet gelijk zijn aan/liggen na "
                + "datum indicatiestelling 15-06-2026 en datum inschrijving 01-09-2026 en moet liggen voor of op de datum "
                + "uitschrijving 31-07-2027.");

        assertThat(signalen(controleer(ambulant("2026-09-01", WPO).uitgeschrevenOp("2027-07-31").ambulanteBegeleiding("2027-07-31", "71WB"))))
                .as("from the last day").isEmpty();
    }

    @Test
    void deEersteIndicatiestellingTeltVoor328() {
        // a re-indication in March does not make the January coaching at another school too early
        InschrijvingBouwer herindicatie = ambulant("2026-09-01", WPO).indicatie("2027-03-01", "33").ambulanteBegeleiding("2027-01-01", "71WB");
        assertThat(signalen(controleer(herindicatie))).isEmpty();
    }
}
