package nl.bronhub.controle;

import nl.bronhub.model.Groep;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.controle.ModelBerichten.InschrijvingBouwer;
import org.junit.jupiter.api.Test;

import static nl.bronhub.controle.ModelBerichten.CATALOGUS;
import static nl.bronhub.controle.ModelBerichten.INSTELLINGEN;
import static nl.bronhub.controle.ModelBerichten.KLOK;
import static nl.bronhub.controle.ModelBerichten.VGK;
import static nl.bronhub.controle.ModelBerichten.WEC;
import static nl.bronhub.controle.ModelBerichten.WPO;
import static nl.bronhub.controle.ModelBerichten.ambulant;
import static nl.bronhub.controle.ModelBerichten.sanne;
import static nl.bronhub.controle.ModelBerichten.signalen;
import static nl.bronhub.controle.ModelBerichten.teksten;
import static nl.bronhub.controle.ModelBerichten.verwerking;
import static nl.bronhub.controle.ModelBerichten.wec;
import static nl.bronhub.controle.ModelBerichten.zonderNummer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicatiestelling (handbook 7.3, 8.5): not in the future (326, today being 15 September 2026), not after the
 * uitschrijving (325), a REC BRIN and CVI-nummer except for cluster 1 and a VGK institution (740), none needed only
 * on a crisis-, observatie- or residential place (740), and the soort onderwijs fitting the indication in force in
 * every period (345). The register is asked only about a bericht without indicatiestelling.
 */
class IndicatieRegelsTest {

    private final VastRegister register = new VastRegister();
    private final IndicatieRegels regels = new IndicatieRegels(INSTELLINGEN, register, CATALOGUS, KLOK);

    private Verwerking controleer(String brin, InschrijvingBouwer inschrijving) {
        return controleer(brin, Mutatiesoort.INSCHRIJVEN, inschrijving);
    }

    private Verwerking controleer(String brin, Mutatiesoort soort, InschrijvingBouwer inschrijving) {
        Verwerking v = verwerking(brin, soort, sanne(), inschrijving.bouw());
        regels.controleer(v);
        return v;
    }

    @Test
    void eenGeindiceerdeLeerlingIsInOrde() {
        assertThat(signalen(controleer(WEC, wec("2026-08-01")))).isEmpty();
        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", WPO)))).isEmpty();
        assertThat(register.gevraagd()).as("with an indicatiestelling the register is not asked").isZero();
    }

    @Test
    void eenIndicatiestellingInDeToekomstGeeft326() {
        Verwerking v = controleer(WEC, wec("2026-08-01").indicatie("2026-09-16", "33"));
        assertThat(signalen(v)).containsExactly("326 datum indicatiestelling");
        assertThat(teksten(v)).isEqualTo("326: Datum ingang indicatiestelling 16-09-2026 mag niet in de toekomst liggen.");

        assertThat(signalen(controleer(WEC, wec("2026-08-01").indicatie("2026-09-15", "33")))).as("today").isEmpty();
    }

    @Test
    void eenIndicatiestellingNaDeDatumUitschrijvingGeeft325() {
        Verwerking v = controleer(WEC, wec("2026-01-05").uitgeschrevenOp("2026-03-31").indicatie("2026-04-01", "33"));
        assertThat(signalen(v)).containsExactly("325 datum indicatiestelling");
        assertThat(teksten(v)).isEqualTo("325: Datum ingang indicatiestelling 01-04-2026 moet op of voor de datum uitschrijving liggen.");

        assertThat(signalen(controleer(WEC, wec("2026-01-05").uitgeschrevenOp("2026-03-31").indicatie("2026-03-31", "33"))))
                .as("on the last day").isEmpty();
    }

    @Test
    void eenIndicatiestellingZonderRecOfCviNummerGeeft740() {
        Verwerking zonderRec = controleer(WEC, wec("2026-08-01").zonderIndicaties().indicatie("2026-08-01", "33", null, "1234567"));
        assertThat(signalen(zonderRec)).containsExactly("740 BRIN-nummer REC indicatiestelling");
        assertThat(teksten(zonderRec)).isEqualTo("740: Het veld BRIN-nummer REC indicatiestelling moet gevuld zijn.");

        Verwerking zonderCvi = controleer(WEC, wec("2026-08-01").zonderIndicaties().indicatie("2026-08-01", "33", "12RC", null));
        assertThat(signalen(zonderCvi)).containsExactly("740 CVI-nummer");
        assertThat(teksten(zonderCvi)).isEqualTo("740: Het veld CVI-nummer moet gevuld zijn.");

        // every indication is judged: the first is complete, the re-indication lacks both
        assertThat(signalen(controleer(WEC, wec("2026-08-01").indicatie("2026-06-01", "33", null, null))))
                .containsExactly("740 BRIN-nummer REC indicatiestelling", "740 CVI-nummer");
    }

    @Test
    void clusterEenEnEenVgkInstellingHebbenGeenRec() {
        for (String visueel : new String[] {"11", "12"}) {
            InschrijvingBouwer cluster = wec("2026-08-01").alleen(Groep.SOORT_ONDERWIJS, "2026-08-01", visueel)
                    .zonderIndicaties().indicatie("2026-08-01", visueel, null, null);
            assertThat(signalen(controleer(WEC, cluster))).as("indication %s", visueel).isEmpty();
        }
        assertThat(signalen(controleer(VGK, wec("2026-08-01").zonderIndicaties().indicatie("2026-08-01", "33", null, null)))).isEmpty();
    }

    @Test
    void eenReguliereplaatsZonderIndicatiestellingGeeft740() {
        Verwerking v = controleer(WEC, wec("2026-08-01").zonderIndicaties());
        assertThat(signalen(v)).containsExactly("740 datum indicatiestelling");
        assertThat(teksten(v)).isEqualTo("740: Het veld Datum indicatiestelling moet gevuld zijn.");

        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", WPO).zonderIndicaties()))).as("ambulante begeleiding")
                .containsExactly("740 datum indicatiestelling");
    }

    @Test
    void eenCrisisObservatieOfResidentielePlaatsVraagtGeenIndicatiestelling() {
        for (String verblijf : new String[] {"1", "2", "3", "4", "5", "6"}) {
            InschrijvingBouwer plaats = wec("2026-08-01").zonderIndicaties().alleen(Groep.SOORT_VERBLIJF, "2026-08-01", verblijf);
            assertThat(signalen(controleer(WEC, plaats))).as("soort verblijf %s", verblijf).isEmpty();
        }
    }

    @Test
    void eenCrisisplaatsDieLaterEenReguliereplaatsWordtVraagtEenIndicatiestelling() {
        InschrijvingBouwer crisisDanRegulier = wec("2026-08-01").zonderIndicaties()
                .alleen(Groep.SOORT_VERBLIJF, "2026-08-01", "1")
                .groep(Groep.SOORT_VERBLIJF, "2026-11-01", "0");
        assertThat(signalen(controleer(WEC, crisisDanRegulier))).containsExactly("740 datum indicatiestelling");
    }

    @Test
    void eenWijzigenZonderIndicatiestellingenLaatDieVanHetRegisterStaan() {
        register.met("999993847", WEC, wec("2026-08-01").bouw());
        assertThat(signalen(controleer(WEC, Mutatiesoort.WIJZIGEN, wec("2026-08-01").zonderIndicaties()))).isEmpty();
        assertThat(register.gevraagd()).isEqualTo(1);

        assertThat(signalen(controleer(WEC, Mutatiesoort.WIJZIGEN, wec("2025-08-01").zonderIndicaties())))
                .as("another enrolment of the pupil").containsExactly("740 datum indicatiestelling");
    }

    @Test
    void eenGeregistreerdeInschrijvingZonderIndicatiestellingHelptNiet() {
        register.met("999993847", WEC, wec("2026-08-01").zonderIndicaties().bouw());
        assertThat(signalen(controleer(WEC, Mutatiesoort.WIJZIGEN, wec("2026-08-01").zonderIndicaties())))
                .containsExactly("740 datum indicatiestelling");
    }

    @Test
    void eenLeerlingZonderNummerWordtNietInHetRegisterGezocht() {
        register.met("999993847", WEC, wec("2026-08-01").bouw());
        Verwerking v = verwerking(WEC, Mutatiesoort.INSCHRIJVEN, zonderNummer(sanne()), wec("2026-08-01").zonderIndicaties().bouw());
        regels.controleer(v);
        assertThat(signalen(v)).containsExactly("740 datum indicatiestelling");
        assertThat(register.gevraagd()).isZero();
    }

    @Test
    void eenVerwijderenVraagtGeenIndicatiestelling() {
        assertThat(signalen(controleer(WEC, Mutatiesoort.VERWIJDEREN, wec("2026-08-01").zonderIndicaties()))).isEmpty();
        assertThat(register.gevraagd()).isZero();
    }

    @Test
    void eenSoortOnderwijsDieNietBijDeIndicatiePastGeeftAttentie345() {
        Verwerking v = controleer(WEC, wec("2026-08-01").zonderIndicaties().indicatie("2026-08-01", "21"));
        assertThat(signalen(v)).containsExactly("345 soort onderwijs");
        assertThat(v.isAfgekeurd()).isFalse();
        assertThat(teksten(v)).isEqualTo("345: Als soort onderwijs > 0 en onderwijssoort indicatie is gevuld, dan moet soort "
                + "onderwijs onderwijs aan zeer moeilijk lerende kinderen consistent zijn met de indicatiestelling doof.");
    }

    @Test
    void deIndicatieKanBijMeerSoortenOnderwijsPassen() {
        assertThat(signalen(controleer(WEC, wec("2026-08-01").zonderIndicaties().indicatie("2026-08-01", "35")))).as("Down: 33")
                .isEmpty();
        for (String clusterVier : new String[] {"41", "42", "43"}) {
            InschrijvingBouwer vier = wec("2026-08-01").alleen(Groep.SOORT_ONDERWIJS, "2026-08-01", clusterVier)
                    .zonderIndicaties().indicatie("2026-08-01", "40");
            assertThat(signalen(controleer(WEC, vier))).as("soort %s on indication 40", clusterVier).isEmpty();
        }
        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", WPO)))).as("00 is judged by no indication").isEmpty();
    }

    @Test
    void eenHerindicatieDieNietBijDeSoortOnderwijsPastGeeft345() {
        // 33 throughout; indicated for 33, re-indicated for deafness from March
        InschrijvingBouwer herindicatie = wec("2025-08-01").indicatie("2026-03-01", "21");
        Verwerking v = controleer(WEC, herindicatie);
        assertThat(signalen(v)).containsExactly("345 soort onderwijs");
        assertThat(teksten(v)).contains("soort onderwijs onderwijs aan zeer moeilijk lerende kinderen", "indicatiestelling doof.");

        InschrijvingBouwer samen = wec("2025-08-01").indicatie("2026-03-01", "21").groep(Groep.SOORT_ONDERWIJS, "2026-03-01", "21");
        assertThat(signalen(controleer(WEC, samen))).as("the soort changes with the indication").isEmpty();
    }

    @Test
    void eenLatereSoortOnderwijsDieNietBijDeIndicatiePastGeeft345() {
        Verwerking v = controleer(WEC, wec("2026-08-01").groep(Groep.SOORT_ONDERWIJS, "2027-01-01", "34"));
        assertThat(signalen(v)).containsExactly("345 soort onderwijs");
        assertThat(teksten(v)).contains("soort onderwijs onderwijs aan kinderen met een lichamelijke handicap die tevens zeer "
                + "moeilijk lerend zijn consistent zijn met de indicatiestelling zeer moeilijk lerend.");
    }

    @Test
    void eenIndicatieDieAlVervangenWasVoorDeSoortOnderwijsBegonTeltNiet() {
        // indicated for 21 in 2025, re-indicated for 33 before the enrolment: only 33 is in force while enrolled
        InschrijvingBouwer vervangen = wec("2026-08-01").zonderIndicaties().indicatie("2025-06-01", "21").indicatie("2026-06-01", "33");
        assertThat(signalen(controleer(WEC, vervangen))).isEmpty();
    }
}
