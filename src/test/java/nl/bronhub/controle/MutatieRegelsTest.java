package nl.bronhub.controle;

import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.controle.ModelBerichten.InschrijvingBouwer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static nl.bronhub.controle.ModelBerichten.CATALOGUS;
import static nl.bronhub.controle.ModelBerichten.WEC;
import static nl.bronhub.controle.ModelBerichten.WPO;
import static nl.bronhub.controle.ModelBerichten.sanne;
import static nl.bronhub.controle.ModelBerichten.signalen;
import static nl.bronhub.controle.ModelBerichten.teksten;
import static nl.bronhub.controle.ModelBerichten.verwerking;
import static nl.bronhub.controle.ModelBerichten.wec;
import static nl.bronhub.controle.ModelBerichten.zonderNummer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mutation rules (handbook 7.3-7.6, 8.2). First the parts that need nothing from the register: an uitschrijven
 * without its datum uitschrijving (740) and a BRIN teruggeplaatste leerling without one (340); there the register
 * holds the enrolment the bericht is about, so nothing else comes into play. Then, against a register a test fills
 * (no database), a second overlapping enrolment (311), a change without the original (400) and a re-indication on
 * a registered date (349).
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

    /** The same rules against what a register holds (a VastRegister, no database): 311, 400 and 349. */
    @Nested
    class TegenHetRegister {

        private final VastRegister leeg = new VastRegister();

        private Verwerking controleer(VastRegister register, Mutatiesoort soort, InschrijvingBouwer inschrijving) {
            Verwerking v = verwerking(WEC, soort, sanne(), inschrijving.bouw());
            new MutatieRegels(register, CATALOGUS).controleer(v);
            return v;
        }

        @Test
        void eenTweedeInschrijvingDieDeEersteOverlaptGeeft311() {
            VastRegister open = new VastRegister().met("999993847", WEC, wec("2025-08-01").bouw());
            Verwerking v = controleer(open, Mutatiesoort.INSCHRIJVEN, wec("2026-08-01"));
            assertThat(signalen(v)).containsExactly("311");
            assertThat(teksten(v)).isEqualTo("311: Deze leerling heeft al een andere inschrijving op uw school.");

            VastRegister afgesloten = new VastRegister().met("999993847", WEC, wec("2025-08-01").uitgeschrevenOp("2026-07-31").bouw());
            assertThat(signalen(controleer(afgesloten, Mutatiesoort.INSCHRIJVEN, wec("2026-08-01")))).as("the day after leaving").isEmpty();
            assertThat(signalen(controleer(afgesloten, Mutatiesoort.INSCHRIJVEN, wec("2026-07-31")))).as("on the last day")
                    .containsExactly("311");
            assertThat(signalen(controleer(afgesloten, Mutatiesoort.INSCHRIJVEN, wec("2025-01-06").uitgeschrevenOp("2025-08-01"))))
                    .as("an earlier enrolment ending on the first day").containsExactly("311");
        }

        @Test
        /** Handbook 7.4.1 and 10.1: a corrected datum uitschrijving may not run into the next enrolment at the school. */
        void eenWijzigenDatDeEersteInschrijvingOverDeTweedeHeenVerlengtGeeft311() {
            // an earlier enrolment that ended in July 2025 and the current one from August 2025; the LAS sends the
            // earlier one again with its datum uitschrijving moved a year on, into the current one
            VastRegister tweeInschrijvingen = new VastRegister()
                    .met("999993847", WEC, wec("2024-08-01").uitgeschrevenOp("2025-07-31").bouw())
                    .met("999993847", WEC, wec("2025-08-01").bouw());
            assertThat(signalen(controleer(tweeInschrijvingen, Mutatiesoort.WIJZIGEN, wec("2024-08-01").uitgeschrevenOp("2026-07-31"))))
                    .containsExactly("311");
        }

        @Test
        void eenWijzigenOfUitschrijvenZonderDeOorspronkelijkeInschrijvingGeeftAttentie400() {
            Verwerking v = controleer(leeg, Mutatiesoort.WIJZIGEN, wec("2026-08-01"));
            assertThat(signalen(v)).containsExactly("400");
            assertThat(v.isAfgekeurd()).isFalse();
            assertThat(signalen(controleer(leeg, Mutatiesoort.UITSCHRIJVEN, wec("2026-08-01").uitgeschrevenOp("2027-07-31"))))
                    .containsExactly("400");
            assertThat(signalen(controleer(leeg, Mutatiesoort.INSCHRIJVEN, wec("2026-08-01")))).isEmpty();
            assertThat(signalen(controleer(register, Mutatiesoort.WIJZIGEN, wec("2026-08-01")))).as("the original is there").isEmpty();
        }

        @Test
        void eenHerindicatieMetEenAndereOnderwijssoortOpEenGeregistreerdeDatumGeeft349() {
            Verwerking v = controleer(register, Mutatiesoort.WIJZIGEN, wec("2026-08-01").zonderIndicaties().indicatie("2026-08-01", "34"));
            assertThat(signalen(v)).containsExactly("349 indicatiestelling");
            assertThat(teksten(v)).isEqualTo("349: Datum indicatiestelling 01-08-2026 komt vaker dan eens voor binnen de "
                    + "gegevensgroep indicatiestelling.");

            assertThat(signalen(controleer(register, Mutatiesoort.WIJZIGEN, wec("2026-08-01")))).as("the registered one again").isEmpty();
            assertThat(signalen(controleer(register, Mutatiesoort.WIJZIGEN, wec("2026-08-01").indicatie("2027-03-01", "34"))))
                    .as("a re-indication on a date of its own").isEmpty();
        }

        @Test
        void eenLeerlingZonderNummerWordtPasNaDeIdentificatieTegenHetRegisterGehouden() {
            MutatieRegels mutatieRegels = new MutatieRegels(leeg, CATALOGUS);
            Verwerking v = verwerking(WEC, Mutatiesoort.WIJZIGEN, zonderNummer(sanne()), wec("2026-08-01").bouw());
            mutatieRegels.controleer(v);
            assertThat(signalen(v)).isEmpty();
            assertThat(leeg.gevraagd()).isZero();

            // identification found the pupil's BSN through the GBA (755): BRON has no enrolment under it
            v.setPgn("999993847");
            v.voegToe(CATALOGUS.signaal("755"));
            mutatieRegels.naIdentificatie(v);
            assertThat(signalen(v)).containsExactly("755", "400");
            assertThat(leeg.gevraagd()).isEqualTo(1);
        }

        @Test
        void naDeIdentificatieZonderIdentificatiesignaalGebeurtNiets() {
            MutatieRegels mutatieRegels = new MutatieRegels(leeg, CATALOGUS);
            Verwerking v = verwerking(WEC, Mutatiesoort.WIJZIGEN, sanne(), wec("2026-08-01").bouw());
            mutatieRegels.naIdentificatie(v);
            assertThat(signalen(v)).isEmpty();
            assertThat(leeg.gevraagd()).isZero();
        }
    }
}
