package nl.bronhub.validation;

import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.validation.ModelBerichten.InschrijvingBouwer;
import org.junit.jupiter.api.Test;

import static nl.bronhub.validation.ModelBerichten.CATALOGUS;
import static nl.bronhub.validation.ModelBerichten.WEC;
import static nl.bronhub.validation.ModelBerichten.WPO;
import static nl.bronhub.validation.ModelBerichten.sanne;
import static nl.bronhub.validation.ModelBerichten.signalen;
import static nl.bronhub.validation.ModelBerichten.teksten;
import static nl.bronhub.validation.ModelBerichten.verwerking;
import static nl.bronhub.validation.ModelBerichten.wec;
import static nl.bronhub.validation.ModelBerichten.zonderNummer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of the mutation rules that need nothing from the register (handbook 7.5, 8.2): an uitschrijven
 * without its datum uitschrijving (740) and a BRIN teruggeplaatste leerling without one (340). The register holds
 * the enrolment the bericht is about, so nothing else (311, 400) comes into play.
 */
class MutatieRegelsTest {

    private final VastRegister register = new VastRegister().met("999993847", WEC, wec("2026-08-01").bouw());
    private final MutatieRegels regels = new MutatieRegels(register, CATALOGUS);

    private Verwerking controleer(Mutatiesoort soort, InschrijvingBouwer inschrijving) {
        return controleer(soort, inschrijving.bouw());
    }

    private Verwerking controleer(Mutatiesoort soort, Inschrijving inschrijving) {
        Verwerking v = verwerking(WEC, soort, sanne(), inschrijving);
        regels.controleer(v);
        return v;
    }

    @Test
    void eenUitschrijvenMetDatumUitschrijvingIsInOrde() {
        assertThat(signalen(controleer(Mutatiesoort.UITSCHRIJVEN, wec("2026-08-01").uitgeschrevenOp("2027-07-31")))).isEmpty();
        assertThat(signalen(controleer(Mutatiesoort.UITSCHRIJVEN, wec("2026-08-01").uitgeschrevenOp("2027-07-31").teruggeplaatstOp(WPO))))
                .as("back to a regular school (TAB)").isEmpty();
    }

    @Test
    void eenUitschrijvenZonderDatumUitschrijvingGeeft740() {
        Verwerking v = controleer(Mutatiesoort.UITSCHRIJVEN, wec("2026-08-01"));
        assertThat(signalen(v)).containsExactly("740 datum uitschrijving");
        assertThat(teksten(v)).isEqualTo("740: Het veld Datum uitschrijving moet gevuld zijn.");

        assertThat(signalen(controleer(Mutatiesoort.WIJZIGEN, wec("2026-08-01")))).as("a wijzigen may leave it open").isEmpty();
        assertThat(signalen(controleer(Mutatiesoort.INSCHRIJVEN, wec("2026-08-01")))).as("the enrolment itself").isEmpty();
    }

    @Test
    void eenUitschrijvenVanEenLeerlingZonderNummerGeeftOok740() {
        Verwerking v = verwerking(WEC, Mutatiesoort.UITSCHRIJVEN, zonderNummer(sanne()), wec("2026-08-01").bouw());
        regels.controleer(v);
        assertThat(signalen(v)).containsExactly("740 datum uitschrijving");
    }

    @Test
    void eenTeruggeplaatsteLeerlingZonderDatumUitschrijvingGeeft340() {
        Verwerking v = controleer(Mutatiesoort.WIJZIGEN, wec("2026-08-01").teruggeplaatstOp(WPO));
        assertThat(signalen(v)).containsExactly("340 BRIN-nummer teruggeplaatste leerling");
        assertThat(teksten(v)).isEqualTo("340: Als BRIN-nummer terugplaatsing 71WA is gevuld moet de datum uitschrijving ook gevuld zijn.");

        assertThat(signalen(controleer(Mutatiesoort.UITSCHRIJVEN, wec("2026-08-01").teruggeplaatstOp(WPO))))
                .containsExactly("740 datum uitschrijving", "340 BRIN-nummer teruggeplaatste leerling");
    }

    @Test
    void eenVerwijderenWordtNietBeoordeeld() {
        assertThat(signalen(controleer(Mutatiesoort.VERWIJDEREN, wec("2026-08-01").teruggeplaatstOp(WPO)))).isEmpty();
        assertThat(register.gevraagd()).isZero();
    }

    @Test
    void eenAanmeldenZonderInschrijvingWordtNietBeoordeeld() {
        assertThat(signalen(controleer(Mutatiesoort.AANMELDEN, (Inschrijving) null))).isEmpty();
        assertThat(register.gevraagd()).isZero();
    }
}
