package nl.bronhub.controle;

import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.controle.ModelBerichten.InschrijvingBouwer;
import org.junit.jupiter.api.Test;

import static nl.bronhub.controle.ModelBerichten.CATALOGUS;
import static nl.bronhub.controle.ModelBerichten.WEC;
import static nl.bronhub.controle.ModelBerichten.d;
import static nl.bronhub.controle.ModelBerichten.leerling;
import static nl.bronhub.controle.ModelBerichten.signalen;
import static nl.bronhub.controle.ModelBerichten.verwerking;
import static nl.bronhub.controle.ModelBerichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pupil's age (333, 334): at least 4, or 3 for a deaf or hard-of-hearing indication, on the datum
 * indicatiestelling or the later datum inschrijving (handbook 8.1, signal 333), and under 20 on datum inschrijving.
 */
class LeeftijdRegelsTest {

    private final LeeftijdRegels regels = new LeeftijdRegels(CATALOGUS);

    private Verwerking controleer(String geboortedatum, InschrijvingBouwer inschrijving) {
        Verwerking v = verwerking(WEC, Mutatiesoort.INSCHRIJVEN, leerling(d(geboortedatum)), inschrijving.bouw());
        regels.controleer(v);
        return v;
    }

    @Test
    void zonderIndicatieTeltDeLeeftijdOpDeDatumInschrijving() {
        Verwerking v = controleer("2022-08-02", wec("2026-08-01").zonderIndicaties());
        assertThat(signalen(v)).containsExactly("333 geboortedatum");
        assertThat(v.isAfgekeurd()).as("333 is an attentie").isFalse();

        assertThat(signalen(controleer("2022-08-01", wec("2026-08-01").zonderIndicaties()))).as("four that day").isEmpty();
    }

    @Test
    void eenDoveOfSlechthorendeLeerlingMagVanafDrieJaar() {
        for (String doofOfSlechthorend : new String[] {"21", "22", "24", "25", "26"}) {
            assertThat(signalen(controleer("2023-08-01", wec("2026-08-01").zonderIndicaties().indicatie("2026-08-01", doofOfSlechthorend))))
                    .as("indication %s", doofOfSlechthorend).isEmpty();
        }
        assertThat(signalen(controleer("2023-08-02", wec("2026-08-01").zonderIndicaties().indicatie("2026-08-01", "21"))))
                .as("not yet three").containsExactly("333 geboortedatum");
        assertThat(signalen(controleer("2023-08-01", wec("2026-08-01").zonderIndicaties().indicatie("2026-08-01", "23"))))
                .as("23 (speech) is not one of them").containsExactly("333 geboortedatum");
    }

    @Test
    void deLeeftijdTeltOpDeDatumIndicatiestellingOfDeLatereDatumInschrijving() {
        // indicated at 3, enrolled at 4: the later date counts
        assertThat(signalen(controleer("2022-08-01", wec("2026-08-01").zonderIndicaties().indicatie("2026-03-01", "33")))).isEmpty();
        // enrolled at 3 and indicated once 4: the indication's date counts
        assertThat(signalen(controleer("2022-09-01", wec("2026-08-01").zonderIndicaties().indicatie("2026-09-01", "33")))).isEmpty();
        assertThat(signalen(controleer("2022-09-02", wec("2026-08-01").zonderIndicaties().indicatie("2026-09-01", "33"))))
                .containsExactly("333 geboortedatum");
    }

    @Test
    void elkeIndicatiestellingTelt() {
        // enrolled at 3 on a deaf indication, re-indicated for 33 while still 3: the re-indication needs 4
        InschrijvingBouwer herindicatie = wec("2026-08-01").zonderIndicaties()
                .indicatie("2026-08-01", "21").indicatie("2027-01-01", "33");
        assertThat(signalen(controleer("2023-08-01", herindicatie))).containsExactly("333 geboortedatum");

        InschrijvingBouwer laterHerindicatie = wec("2026-08-01").zonderIndicaties()
                .indicatie("2026-08-01", "21").indicatie("2027-08-01", "33");
        assertThat(signalen(controleer("2023-08-01", laterHerindicatie))).as("four by the re-indication").isEmpty();
    }

    @Test
    void twintigJaarOpDeDatumInschrijvingGeeftAttentie334() {
        Verwerking v = controleer("2006-08-01", wec("2026-08-01"));
        assertThat(signalen(v)).containsExactly("334 datum inschrijving");
        assertThat(v.isAfgekeurd()).isFalse();

        assertThat(signalen(controleer("2006-08-02", wec("2026-08-01")))).as("nineteen that day").isEmpty();
    }

    @Test
    void eenInschrijvingOpOfVoorDeGeboortedatumLaatDeLeeftijdAan305() {
        assertThat(signalen(controleer("2026-08-01", wec("2026-08-01")))).isEmpty();
        assertThat(signalen(controleer("2026-09-01", wec("2026-08-01")))).isEmpty();
    }
}
