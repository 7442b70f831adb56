package nl.bronhub.controle;

import nl.bronhub.model.Groep;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.controle.ModelBerichten.InschrijvingBouwer;
import org.junit.jupiter.api.Test;

import static nl.bronhub.controle.ModelBerichten.CATALOGUS;
import static nl.bronhub.controle.ModelBerichten.KLOK;
import static nl.bronhub.controle.ModelBerichten.WEC;
import static nl.bronhub.controle.ModelBerichten.d;
import static nl.bronhub.controle.ModelBerichten.inschrijven;
import static nl.bronhub.controle.ModelBerichten.leerling;
import static nl.bronhub.controle.ModelBerichten.signalen;
import static nl.bronhub.controle.ModelBerichten.teksten;
import static nl.bronhub.controle.ModelBerichten.verwerking;
import static nl.bronhub.controle.ModelBerichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates against the birth date (305), each other (314) and the calendar (331, 332), today being 15 September
 * 2026 (a fixed clock). Sanne was born on 14 March 2016.
 */
class DatumRegelsTest {

    private final DatumRegels regels = new DatumRegels(CATALOGUS, KLOK);

    private Verwerking controleer(InschrijvingBouwer inschrijving) {
        Verwerking v = inschrijven(WEC, inschrijving);
        regels.controleer(v);
        return v;
    }

    @Test
    void eenGewoneInschrijvingIsInOrde() {
        assertThat(signalen(controleer(wec("2026-08-01").uitgeschrevenOp("2027-07-31")))).isEmpty();
    }

    @Test
    void eenAanmeldenZonderInschrijvingWordtNietBeoordeeld() {
        Verwerking v = verwerking(WEC, Mutatiesoort.AANMELDEN, leerling(d("2016-03-14")), null);
        regels.controleer(v);
        assertThat(signalen(v)).isEmpty();
    }

    @Test
    void eenIndicatiestellingOpDeGeboortedatumGeeft305() {
        Verwerking v = controleer(wec("2026-08-01").indicatie("2016-03-14", "33"));
        assertThat(signalen(v)).containsExactly("305 datum indicatiestelling");
        assertThat(teksten(v)).isEqualTo("305: Het veld datum indicatiestelling 14-03-2016 moet na de geboortedatum 14-03-2016 liggen.");

        assertThat(signalen(controleer(wec("2026-08-01").indicatie("2016-03-15", "33")))).as("the day after the birth").isEmpty();
    }

    @Test
    void elkeDatumVanDeInschrijvingLigtNaDeGeboortedatumOok305VoorEenLatereAndereDatumNiet() {
        // a pupil born after the school year started: datum inschrijving, every group and the indication on or before the birth
        Verwerking v = verwerking(WEC, Mutatiesoort.INSCHRIJVEN, leerling(d("2026-08-01")),
                wec("2026-08-01").groep(Groep.LEERJAAR, "2026-09-01", "4").ambulanteBegeleiding("2026-07-01", "71WA").bouw());
        regels.controleer(v);
        assertThat(signalen(v)).containsExactly("305 datum inschrijving", "305 datum ingang plaatsing vestiging",
                "305 datum ingang leerjaar/groep", "305 datum ingang soort verblijf", "305 datum ingang schoolsoort",
                "305 datum ingang soort onderwijs", "305 datum ingang indicatie bekostiging", "305 datum indicatiestelling",
                "305 datum ingang ambulante begeleiding");
    }

    @Test
    void eenDatumUitschrijvingVoorDeDatumInschrijvingGeeft314() {
        Verwerking v = controleer(wec("2026-08-01").uitgeschrevenOp("2026-07-31"));
        assertThat(signalen(v)).containsExactly("314 datum uitschrijving");
        assertThat(teksten(v)).isEqualTo("314: Datum uitschrijving 31-07-2026 ligt voor de datum inschrijving 01-08-2026.");

        assertThat(signalen(controleer(wec("2026-08-01").uitgeschrevenOp("2026-08-01")))).as("one day at school").isEmpty();
    }

    @Test
    void eenDatumInschrijvingMeerDanEenJaarVooruitGeeft332() {
        Verwerking v = controleer(wec("2027-09-16"));
        assertThat(signalen(v)).containsExactly("332 datum inschrijving");
        assertThat(v.isAfgekeurd()).isTrue();
        assertThat(teksten(v)).isEqualTo("332: Datum inschrijving 16-09-2027 mag niet verder dan één jaar in de toekomst liggen.");

        assertThat(signalen(controleer(wec("2027-09-15")))).as("exactly a year ahead").isEmpty();
    }

    @Test
    void eenDatumUitschrijvingMeerDanEenJaarVooruitGeeftAttentie331() {
        Verwerking v = controleer(wec("2026-08-01").uitgeschrevenOp("2027-09-16"));
        assertThat(signalen(v)).containsExactly("331 datum uitschrijving");
        assertThat(v.isAfgekeurd()).as("331 is an attentie").isFalse();
        assertThat(teksten(v)).isEqualTo("331: Datum uitschrijving 16-09-2027 ligt verder dan één jaar in de toekomst, wat normaal gesproken niet juist is.");

        assertThat(signalen(controleer(wec("2026-08-01").uitgeschrevenOp("2027-09-15")))).isEmpty();
    }

    /** Every date that may lie ahead is judged, not only the datum uitschrijving: a group's and ambulante begeleiding's too. */
    @Test
    void eenPeriodeMeerDanEenJaarVooruitGeeftAttentie331() {
        Verwerking v = controleer(wec("2026-08-01").groep(Groep.VESTIGING, "2099-01-01", "03").groep(Groep.VESTIGING, "2098-01-01", "01")
                .groep(Groep.LEERJAAR, "2027-09-16", "4"));
        assertThat(signalen(v)).containsExactly("331 datum ingang plaatsing vestiging", "331 datum ingang leerjaar/groep");
        assertThat(v.isAfgekeurd()).isFalse();
        assertThat(teksten(v)).isEqualTo("331: Datum ingang plaatsing vestiging 01-01-2098 ligt verder dan één jaar in de toekomst, wat "
                + "normaal gesproken niet juist is.\n331: Datum ingang leerjaar/groep 16-09-2027 ligt verder dan één jaar in de toekomst, "
                + "wat normaal gesproken niet juist is.");
        assertThat(signalen(controleer(ModelBerichten.ambulant("2026-09-01", "71WA").ambulanteBegeleiding("2099-01-01", "71WB"))))
                .containsExactly("331 datum ingang ambulante begeleiding");
        assertThat(signalen(controleer(wec("2026-08-01").groep(Groep.LEERJAAR, "2027-09-15", "4")))).as("exactly a year ahead").isEmpty();
        // an indication's date ahead is IndicatieRegels' 326
        assertThat(signalen(controleer(wec("2026-08-01").indicatie("2099-01-01", "33")))).isEmpty();
    }
}
