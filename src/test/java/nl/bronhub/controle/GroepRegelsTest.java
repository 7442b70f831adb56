package nl.bronhub.controle;

import nl.bronhub.model.Groep;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.controle.ModelBerichten.InschrijvingBouwer;
import org.junit.jupiter.api.Test;

import static nl.bronhub.controle.ModelBerichten.CATALOGUS;
import static nl.bronhub.controle.ModelBerichten.INSTELLINGEN;
import static nl.bronhub.controle.ModelBerichten.ONBEKEND;
import static nl.bronhub.controle.ModelBerichten.WEC;
import static nl.bronhub.controle.ModelBerichten.WPO;
import static nl.bronhub.controle.ModelBerichten.ambulant;
import static nl.bronhub.controle.ModelBerichten.inschrijven;
import static nl.bronhub.controle.ModelBerichten.signalen;
import static nl.bronhub.controle.ModelBerichten.teksten;
import static nl.bronhub.controle.ModelBerichten.wec;
import static nl.bronhub.controle.ModelBerichten.wpo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The groups with history (handbook 8.1-8.4): mandatory groups (341), one occurrence starting on datum
 * inschrijving (303, also the ambulante begeleiding), every ingangsdatum within the enrolment (321), no date twice
 * in a group, an ambulante begeleiding or the indicatiestellingen (349), and the aanduiding NNCA of a WEC enrolment (740).
 */
class GroepRegelsTest {

    private final GroepRegels regels = new GroepRegels(INSTELLINGEN, CATALOGUS);

    private Verwerking controleer(String brin, InschrijvingBouwer inschrijving) {
        Verwerking v = inschrijven(brin, inschrijving);
        regels.controleer(v);
        return v;
    }

    @Test
    void eenWecInschrijvingMetGeschiedenisIsInOrde() {
        InschrijvingBouwer wec = wec("2026-08-01").uitgeschrevenOp("2028-07-31")
                .groep(Groep.LEERJAAR, "2027-08-01", "4")
                .groep(Groep.VESTIGING, "2027-08-01", "03")
                .groep(Groep.SOORT_ONDERWIJS, "2028-07-31", "11")
                .indicatie("2027-06-01", "11");
        assertThat(signalen(controleer(WEC, wec))).isEmpty();
        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", WPO)))).isEmpty();
        assertThat(signalen(controleer(WPO, wpo("2026-08-01")))).isEmpty();
    }

    @Test
    void eenWecInschrijvingZonderAanduidingNncaGeeft740() {
        Verwerking v = controleer(WEC, wec("2026-08-01").nnca(null));
        assertThat(signalen(v)).containsExactly("740 aanduiding NNCA");
        assertThat(teksten(v)).isEqualTo("740: Het veld Aanduiding niet-Nederlandse Culturele Achtergrond moet gevuld zijn.");

        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", WPO).nnca(null)))).as("ambulante begeleiding registers 0")
                .containsExactly("740 aanduiding NNCA");
        assertThat(signalen(controleer(WPO, wpo("2026-08-01")))).as("a WPO enrolment has none").isEmpty();
    }

    @Test
    void eenOntbrekendeGroepGeeft341() {
        Verwerking v = controleer(WEC, wec("2026-08-01").zonder(Groep.SOORT_VERBLIJF));
        assertThat(signalen(v)).containsExactly("341 soort verblijf");
        assertThat(teksten(v)).isEqualTo("341: Gegevens groep soort verblijf moet verplicht aanwezig zijn.");
    }

    @Test
    void eenWpoInschrijvingVraagtAlleenVestigingEnLeerjaar() {
        assertThat(signalen(controleer(WPO, wpo("2026-08-01").zonder(Groep.LEERJAAR)))).containsExactly("341 leerjaar/groep");
        assertThat(signalen(controleer(WPO, wpo("2026-08-01").zonder(Groep.VESTIGING)))).containsExactly("341 vestiging");
        // a school the register does not know is held to the WEC rules
        assertThat(signalen(controleer(ONBEKEND, wpo("2026-08-01")))).containsExactly("740 aanduiding NNCA",
                "341 soort verblijf", "341 schoolsoort", "341 soort onderwijs", "341 indicatie bekostiging");
    }

    @Test
    void eenGroepZonderVoorkomenOpDeDatumInschrijvingGeeft303() {
        Verwerking v = controleer(WEC, wec("2026-08-01").alleen(Groep.LEERJAAR, "2026-09-01", "3"));
        // the leerjaar's first occurrence starts a month late: 321 is not in question, 303 is
        assertThat(signalen(v)).containsExactly("303 leerjaar/groep");
        assertThat(teksten(v)).isEqualTo("303: Er ontbreekt een voorkomen van de gegevensgroep leerjaar/groep waarvan de "
                + "ingangsdatum gelijk is aan de datum inschrijving 01-08-2026.");

        assertThat(signalen(controleer(WEC, wec("2026-08-01").groep(Groep.LEERJAAR, "2026-09-01", "4"))))
                .as("a later occurrence beside the one on datum inschrijving").isEmpty();
    }

    @Test
    void eenAmbulanteBegeleidingDieLaterBegintDanDeDatumInschrijvingGeeft303() {
        Verwerking v = controleer(WEC, ambulant("2026-09-01", WPO).ambulanteBegeleiding("2027-01-01", WPO)
                .zonderAmbulanteBegeleidingOp("2026-09-01"));
        assertThat(signalen(v)).containsExactly("303 ambulante begeleiding");
        assertThat(teksten(v)).contains("gegevensgroep ambulante begeleiding waarvan de ingangsdatum gelijk is aan de datum inschrijving 01-09-2026");

        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", WPO).ambulanteBegeleiding("2027-01-01", WPO))))
                .as("a second school from a later date").isEmpty();
    }

    @Test
    void eenIngangsdatumNaDeDatumUitschrijvingGeeft321() {
        // moves to vestiging 03 the day after leaving
        Verwerking v = controleer(WEC, wec("2026-08-01").uitgeschrevenOp("2027-07-31").groep(Groep.VESTIGING, "2027-08-01", "03"));
        assertThat(signalen(v)).containsExactly("321 vestiging");
        assertThat(teksten(v)).isEqualTo("321: Datum ingang plaatsing vestiging 01-08-2027 moet op of na datum inschrijving "
                + "01-08-2026 en op of voor datum uitschrijving 31-07-2027 liggen.");

        assertThat(signalen(controleer(WEC, wec("2026-08-01").uitgeschrevenOp("2027-07-31").groep(Groep.VESTIGING, "2027-07-31", "03"))))
                .as("on the last day itself").isEmpty();
    }

    @Test
    void eenIngangsdatumVoorDeDatumInschrijvingGeeft321() {
        Verwerking v = controleer(WEC, wec("2026-08-01").groep(Groep.SCHOOLSOORT, "2026-07-01", "2"));
        assertThat(signalen(v)).containsExactly("321 schoolsoort");
        assertThat(teksten(v)).contains("Datum ingang schoolsoort 01-07-2026 moet op of na datum inschrijving 01-08-2026 "
                + "en op of voor datum uitschrijving (geen) liggen.");
    }

    @Test
    void elkVoorkomenVanElkeGroepWordtBeoordeeld() {
        // the third occurrence of the leerjaar and the second of the soort onderwijs lie after the uitschrijving
        InschrijvingBouwer inschrijving = wec("2026-08-01").uitgeschrevenOp("2027-12-31")
                .groep(Groep.LEERJAAR, "2027-08-01", "4")
                .groep(Groep.LEERJAAR, "2028-08-01", "5")
                .groep(Groep.SOORT_ONDERWIJS, "2028-01-01", "34");
        assertThat(signalen(controleer(WEC, inschrijving))).containsExactly("321 leerjaar/groep", "321 soort onderwijs");
    }

    @Test
    void eenIngangsdatumTweeKeerInEenGroepGeeft349() {
        Verwerking v = controleer(WEC, wec("2026-08-01").groep(Groep.LEERJAAR, "2027-08-01", "4").groep(Groep.LEERJAAR, "2027-08-01", "5"));
        assertThat(signalen(v)).containsExactly("349 leerjaar/groep");
        assertThat(teksten(v)).isEqualTo("349: Datum ingang leerjaar/groep 01-08-2027 komt vaker dan eens voor binnen de gegevensgroep leerjaar/groep.");

        assertThat(signalen(controleer(WEC, wec("2026-08-01").groep(Groep.VESTIGING, "2027-08-01", "03"))))
                .as("the same date in two groups").isEmpty();
    }

    @Test
    void tweeIndicatiestellingenOpEenDatumGeven349() {
        Verwerking v = controleer(WEC, wec("2026-08-01").indicatie("2027-03-01", "33").indicatie("2027-03-01", "34"));
        assertThat(signalen(v)).containsExactly("349 indicatiestelling");
        assertThat(teksten(v)).isEqualTo("349: Datum indicatiestelling 01-03-2027 komt vaker dan eens voor binnen de gegevensgroep indicatiestelling.");

        assertThat(signalen(controleer(WEC, wec("2026-08-01").indicatie("2027-03-01", "34")))).as("a re-indication").isEmpty();
    }

    @Test
    void tweeKeerAmbulanteBegeleidingOpEenDatumGeeft349() {
        Verwerking v = controleer(WEC, ambulant("2026-09-01", WPO).ambulanteBegeleiding("2026-09-01", "71WB"));
        assertThat(signalen(v)).containsExactly("349 ambulante begeleiding");
        assertThat(teksten(v)).isEqualTo("349: Datum ingang ambulante begeleiding 01-09-2026 komt vaker dan eens voor binnen "
                + "de gegevensgroep ambulante begeleiding.");
    }
}
