package nl.bronhub;

import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused bericht shows the register's record of the pupil only to a school the pupil is enrolled at: any other
 * school could otherwise send a number with made-up data and read a stranger's name, birth date and address.
 */
class AfgekeurdePrivacyTest extends SignaalTest {

    @Test
    void eenAndereSchoolLeestBijEenAfgekeurdOnderwijsnummerNietsUitHetRegister() {
        Persoon leerling = bekendeLeerling("2015-04-04");
        verwerk("77AA", inschrijven(leerling, wec("2026-08-01")));

        Persoon geraden = Berichten.zonderPgn("2011-01-01");
        geraden.setOnderwijsnummer(leerling.getOnderwijsnummer());
        Terugkoppeling vreemd = verwerk("77AB", inschrijven(geraden, wec("2026-08-01")));
        afgekeurdMet(vreemd, "752", vreemd.getSignaal().get(0).getOmschrijving(), "77AB");
        assertThat(vreemd.getLeerling()).isNull();

        // the school the pupil is enrolled at still sees what the register holds when it sends a wrong birth date
        Terugkoppeling eigen = verwerk("77AA", Berichten.bericht("wijzigen", geraden, wec("2026-08-01")));
        assertThat(eigen.getSignaal()).extracting(s -> s.getCode()).contains("752");
        assertThat(eigen.getLeerling().getAchternaam()).isEqualTo(leerling.getAchternaam());
        assertThat(eigen.getLeerling().getGeboortedatum()).isEqualTo("2015-04-04");
    }

    @Test
    void eenAndereSchoolLeestBijEenAfgekeurdBsnNietsUitHetRegister() {
        Persoon sanne = Berichten.sanne();
        verwerk("77AC", inschrijven(sanne, wec("2026-08-01")));

        Persoon geraden = Berichten.leerling(sanne.getBurgerservicenummer(), "2016-03-14", "M", "Onbekend", "9999ZZ");
        Terugkoppeling vreemd = verwerk("77AD", inschrijven(geraden, wec("2026-08-01")));
        afgekeurdMet(vreemd, "753", vreemd.getSignaal().get(0).getOmschrijving(), "77AD");
        assertThat(vreemd.getLeerling()).isNull();
        assertThat(vreemd.getAndereInschrijving()).isNull();
    }
}
