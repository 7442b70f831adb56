package nl.bronhub.controle;

import java.util.List;

import nl.bronhub.model.Groep;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.controle.ModelBerichten.InschrijvingBouwer;

import org.junit.jupiter.api.Test;

import static nl.bronhub.controle.ModelBerichten.CATALOGUS;
import static nl.bronhub.controle.ModelBerichten.INSTELLINGEN;
import static nl.bronhub.controle.ModelBerichten.MBO;
import static nl.bronhub.controle.ModelBerichten.ONBEKEND;
import static nl.bronhub.controle.ModelBerichten.OPGEHEVEN;
import static nl.bronhub.controle.ModelBerichten.VGK;
import static nl.bronhub.controle.ModelBerichten.WEC;
import static nl.bronhub.controle.ModelBerichten.WPO;
import static nl.bronhub.controle.ModelBerichten.WVO;
import static nl.bronhub.controle.ModelBerichten.ambulant;
import static nl.bronhub.controle.ModelBerichten.inschrijven;
import static nl.bronhub.controle.ModelBerichten.signalen;
import static nl.bronhub.controle.ModelBerichten.teksten;
import static nl.bronhub.controle.ModelBerichten.wec;
import static nl.bronhub.controle.ModelBerichten.wpo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enrolment against the BRIN register (the tests' reference register): the school (301), its vestigingen
 * (397, 348), the soort onderwijs a vestiging gives in every period both are in force (337), a WPO school's
 * enrolments (356), the school coached at (399, 301) and the school a pupil returns to (301).
 */
class InstellingRegelsTest {

    private final InstellingRegels regels = new InstellingRegels(INSTELLINGEN, CATALOGUS);

    private Verwerking controleer(String brin, InschrijvingBouwer inschrijving) {
        Verwerking v = inschrijven(brin, inschrijving);
        regels.controleer(v);
        return v;
    }

    @Test
    void eenInschrijvingOpEenBestaandeSchoolIsInOrde() {
        assertThat(signalen(controleer(WEC, wec("2026-08-01")))).isEmpty();
        assertThat(signalen(controleer(WPO, wpo("2026-08-01")))).isEmpty();
        assertThat(signalen(controleer(VGK, wec("2026-08-01").alleen(Groep.SOORT_ONDERWIJS, "2026-08-01", "11")))).isEmpty();
    }

    @Test
    void eenSchoolDieOpDeDatumInschrijvingNietGeldigIsGeeft301() {
        Verwerking v = controleer(OPGEHEVEN, wec("2026-08-01"));
        assertThat(signalen(v)).containsExactly("301 datum inschrijving");
        assertThat(teksten(v)).isEqualTo("301: BRIN-nummer 71XA is niet geldig op datum inschrijving 01-08-2026 volgens BRIN.");

        assertThat(signalen(controleer(OPGEHEVEN, wec("2019-08-01")))).as("enrolled while the school existed").isEmpty();
        assertThat(signalen(controleer(ONBEKEND, wec("2026-08-01")))).containsExactly("301 datum inschrijving");
    }

    @Test
    void eenOnbekendeVestigingGeeft397() {
        Verwerking v = controleer(WEC, wec("2026-08-01").alleen(Groep.VESTIGING, "2026-08-01", "09"));
        assertThat(signalen(v)).containsExactly("397 vestiging");
        assertThat(teksten(v)).isEqualTo("397: Vestiging 09 is in de BRIN-tabellen van DUO-CFI niet bekend als vestiging van de school.");
    }

    @Test
    void eenOnbekendeVestigingInEenLaterePeriodeGeeft397() {
        assertThat(signalen(controleer(WEC, wec("2026-08-01").groep(Groep.VESTIGING, "2027-08-01", "09"))))
                .containsExactly("397 vestiging");
    }

    @Test
    void eenVestigingDieOpDeIngangsdatumNietGeldigIsGeeftAttentie348() {
        // vestiging 02 (only 33) closed after 31 July 2024
        Verwerking v = controleer(WEC, wec("2026-08-01").alleen(Groep.VESTIGING, "2026-08-01", "02"));
        assertThat(signalen(v)).containsExactly("348 vestiging");
        assertThat(v.isAfgekeurd()).isFalse();
        assertThat(teksten(v)).isEqualTo("348: Vestigingsvolgnummer 02 is niet geldig op datum ingang plaatsing vestiging 01-08-2026.");

        // at 02 while it was open, then to 01 the day after it closed
        InschrijvingBouwer opTijdVerhuisd = wec("2023-08-01").alleen(Groep.VESTIGING, "2023-08-01", "02")
                .groep(Groep.VESTIGING, "2024-08-01", "01");
        assertThat(signalen(controleer(WEC, opTijdVerhuisd))).isEmpty();
    }

    @Test
    void eenVestigingDieOpDeIngangsdatumVanEenLaterePlaatsingNietGeldigIsGeeft348() {
        // at 01 from 2023, moved to 02 (closed after 31 July 2024) in September 2024
        Verwerking v = controleer(WEC, wec("2023-08-01").groep(Groep.VESTIGING, "2024-09-01", "02"));
        assertThat(signalen(v)).containsExactly("348 vestiging");
        assertThat(teksten(v)).isEqualTo("348: Vestigingsvolgnummer 02 is niet geldig op datum ingang plaatsing vestiging 01-09-2024.");
    }

    @Test
    void eenSoortOnderwijsDieDeVestigingNietGeeftGeeftAttentie337() {
        Verwerking v = controleer(WEC, wec("2026-08-01").alleen(Groep.SOORT_ONDERWIJS, "2026-08-01", "11"));
        assertThat(signalen(v)).containsExactly("337 soort onderwijs");
        assertThat(v.isAfgekeurd()).isFalse();
        assertThat(teksten(v)).isEqualTo("337: Soort onderwijs onderwijs aan visueel gehandicapte kinderen is niet toegestaan "
                + "voor deze vestiging 10AA01.");
    }

    @Test
    void eenSoortOnderwijsDieAlleenInEenLaterePeriodeNietPastGeeft337() {
        // 33 at vestiging 01 from the start, 11 (which 01 does not give) from January
        Verwerking v = controleer(WEC, wec("2026-08-01").groep(Groep.SOORT_ONDERWIJS, "2027-01-01", "11"));
        assertThat(signalen(v)).containsExactly("337 soort onderwijs");
        assertThat(teksten(v)).contains("Soort onderwijs onderwijs aan visueel gehandicapte kinderen", "vestiging 10AA01");
    }

    @Test
    void eenVestigingDieDeSoortOnderwijsNietGeeftInEenLaterePeriodeGeeft337() {
        // 33 throughout, but from January at vestiging 03 (only 11 and 12)
        Verwerking v = controleer(WEC, wec("2026-08-01").groep(Groep.VESTIGING, "2027-01-01", "03"));
        assertThat(signalen(v)).containsExactly("337 soort onderwijs");
        assertThat(teksten(v)).isEqualTo("337: Soort onderwijs onderwijs aan zeer moeilijk lerende kinderen is niet toegestaan "
                + "voor deze vestiging 10AA03.");
    }

    @Test
    void soortOnderwijsEnVestigingDieSamenWisselenGevenGeen337() {
        InschrijvingBouwer samen = wec("2026-08-01")
                .groep(Groep.VESTIGING, "2027-01-01", "03")
                .groep(Groep.SOORT_ONDERWIJS, "2027-01-01", "11");
        assertThat(signalen(controleer(WEC, samen))).isEmpty();
    }

    @Test
    void eenPeriodeNaDeDatumUitschrijvingWordtNietBeoordeeldOp337() {
        // the soort changes the day after leaving: 321's (GroepRegels), not a period in force
        InschrijvingBouwer naVertrek = wec("2026-08-01").uitgeschrevenOp("2027-07-31")
                .groep(Groep.SOORT_ONDERWIJS, "2027-08-01", "11");
        assertThat(signalen(controleer(WEC, naVertrek))).isEmpty();

        InschrijvingBouwer opDeLaatsteDag = wec("2026-08-01").uitgeschrevenOp("2027-07-31")
                .groep(Groep.SOORT_ONDERWIJS, "2027-07-31", "11");
        assertThat(signalen(controleer(WEC, opDeLaatsteDag))).as("the last day is in force").containsExactly("337 soort onderwijs");
    }

    @Test
    void soortOnderwijsNulHoortBijAmbulanteBegeleidingNietBijEenPlaats() {
        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", WPO)))).isEmpty();
        Verwerking v = controleer(WEC, wec("2026-08-01").alleen(Groep.SOORT_ONDERWIJS, "2026-08-01", "00"));
        assertThat(signalen(v)).containsExactly("337 soort onderwijs");
        assertThat(teksten(v)).isEqualTo("337: Soort onderwijs niet van toepassing is niet toegestaan voor deze vestiging 10AA01.");
    }

    @Test
    void eenWpoSchoolMetWecGegevensGeeft356() {
        Verwerking v = controleer(WPO, wpo("2026-08-01").nnca("1"));
        assertThat(signalen(v)).containsExactly("356");
        assertThat(teksten(v)).isEqualTo("356: Uw WPO school mag alleen WPO inschrijvingen in BRON registreren.");

        assertThat(signalen(controleer(WPO, wpo("2026-08-01").indicatie("2026-08-01", "33")))).containsExactly("356");
        assertThat(signalen(controleer(WPO, wpo("2026-08-01").groep(Groep.SOORT_VERBLIJF, "2026-08-01", "0")))).containsExactly("356");
    }

    @Test
    void ambulanteBegeleidingOpEenWecSchoolGeeft399() {
        Verwerking v = controleer(WEC, ambulant("2026-09-01", "10AB"));
        assertThat(signalen(v)).containsExactly("399 BRIN-nummer school ambulante begeleiding");
        assertThat(teksten(v)).isEqualTo("399: BRIN-nummer van de school of instelling waar de leerling ambulant begeleid wordt "
                + "10AB moet van een WPO-, WVO- of WEB-instelling zijn.");

        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", WVO)))).isEmpty();
        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", MBO)))).isEmpty();
        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", WPO).ambulanteBegeleiding("2027-01-01", VGK))))
                .as("a later school of the wrong kind").containsExactly("399 BRIN-nummer school ambulante begeleiding");
    }

    /** The school a pupil is placed back at is a regular one, as for ambulante begeleiding (a hostile LAS named its own). */
    @Test
    void eenTeruggeplaatsteLeerlingNaarEenWecSchoolGeeft399() {
        Verwerking v = controleer(WEC, wec("2026-08-01").uitgeschrevenOp("2027-07-31").teruggeplaatstOp(WEC));
        assertThat(signalen(v)).containsExactly("399 BRIN-nummer teruggeplaatste leerling");
        assertThat(teksten(v)).isEqualTo("399: BRIN-nummer teruggeplaatste leerling 10AA moet van een WPO-, WVO- of WEB-instelling zijn.");
        assertThat(signalen(controleer(WEC, wec("2026-08-01").uitgeschrevenOp("2027-07-31").teruggeplaatstOp(VGK))))
                .containsExactly("399 BRIN-nummer teruggeplaatste leerling");
        assertThat(signalen(controleer(WEC, wec("2026-08-01").teruggeplaatstOp(VGK)))).as("without a datum uitschrijving (340) too")
                .containsExactly("399 BRIN-nummer teruggeplaatste leerling");
        for (String regulier : List.of(WPO, WVO, MBO)) {
            assertThat(signalen(controleer(WEC, wec("2026-08-01").uitgeschrevenOp("2027-07-31").teruggeplaatstOp(regulier)))).as(regulier).isEmpty();
        }
    }

    @Test
    void ambulanteBegeleidingOpEenSchoolDieDanNietBestaatGeeft301() {
        Verwerking v = controleer(WEC, ambulant("2026-09-01", OPGEHEVEN));
        assertThat(signalen(v)).containsExactly("301 datum ingang ambulante begeleiding");
        assertThat(teksten(v)).isEqualTo("301: BRIN-nummer 71XA is niet geldig op datum ingang ambulante begeleiding 01-09-2026 volgens BRIN.");
        // without a school it is missing, not invalid: AmbulanteBegeleidingRegels' 740
        assertThat(signalen(controleer(WEC, ambulant("2026-09-01", null)))).isEmpty();
    }

    @Test
    void eenTeruggeplaatsteLeerlingNaarEenSchoolDieNietBestaatGeeft301() {
        Verwerking v = controleer(WEC, wec("2026-08-01").uitgeschrevenOp("2027-07-31").teruggeplaatstOp(ONBEKEND));
        assertThat(signalen(v)).containsExactly("301 datum uitschrijving");
        assertThat(teksten(v)).isEqualTo("301: BRIN-nummer 99ZZ is niet geldig op datum uitschrijving 31-07-2027 volgens BRIN.");

        assertThat(signalen(controleer(WEC, wec("2026-08-01").uitgeschrevenOp("2027-07-31").teruggeplaatstOp(WPO)))).isEmpty();
        assertThat(signalen(controleer(WEC, wec("2026-08-01").teruggeplaatstOp(ONBEKEND))))
                .as("without a datum uitschrijving: MutatieRegels' 340").isEmpty();
    }
}
