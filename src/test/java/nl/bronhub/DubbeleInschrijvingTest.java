package nl.bronhub;

import java.util.List;

import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/** Dubbele inschrijving (handbook 7.7.4): both schools get a notice naming the other. */
class DubbeleInschrijvingTest extends SignaalTest {

    @Test
    void tweeScholenMetOverlappendeInschrijvingenKrijgenBeideEenMelding() {
        Persoon lina = leerling("999991085", "2014-11-11", "V", "Tweemaal", "8888HH");
        verwerk("70BN", inschrijven(lina, wec("2026-08-01")));
        verwerk("70BP", inschrijven(bekendeLeerling("2014-01-01"), wec("2026-08-01")));

        Inschrijving tweede = wec("2026-10-01");
        tweede.getIndicatiestelling().get(0).setDatumIndicatiestelling("2026-09-15");
        verwerk("70BO", inschrijven(lina, tweede));

        Terugkoppeling bijEerste = melding(alle(las("70BN", "1")));
        assertThat(bijEerste.getAndereInschrijving().getBrin()).isEqualTo("70BO");
        assertThat(bijEerste.getAndereInschrijving().getDatumInschrijving()).isEqualTo("2026-10-01");
        assertThat(bijEerste.getInschrijving().getDatumInschrijving()).isEqualTo("2026-08-01");
        assertThat(bijEerste.getLeerling().getBurgerservicenummer()).isEqualTo("999991085");

        List<Terugkoppeling> tweedeSchool = alle(las("70BO", "1"));
        assertThat(tweedeSchool).extracting(Terugkoppeling::getSoort)
                .containsExactly(SoortTerugkoppeling.VERWERKING, SoortTerugkoppeling.DUBBELE_INSCHRIJVING);
        Terugkoppeling bijTweede = melding(tweedeSchool);
        assertThat(bijTweede.getAndereInschrijving().getBrin()).isEqualTo("70BN");
        assertThat(bijTweede.getAndereInschrijving().getDatumInschrijving()).isEqualTo("2026-08-01");
        assertThat(bijTweede.getInschrijving().getDatumInschrijving()).isEqualTo("2026-10-01");

        assertThat(alle(las("70BP", "1"))).extracting(Terugkoppeling::getSoort).containsOnly(SoortTerugkoppeling.VERWERKING);

        // a later change of the same inschrijving does not report the pair again
        Inschrijving gewijzigd = wec("2026-10-01");
        gewijzigd.getIndicatiestelling().get(0).setDatumIndicatiestelling("2026-09-15");
        gewijzigd.getLeerjaar().get(0).setWaarde("4");
        verwerk("70BO", Berichten.bericht("wijzigen", lina, gewijzigd));
        assertThat(alle(las("70BO", "1"))).filteredOn(t -> t.getSoort() == SoortTerugkoppeling.DUBBELE_INSCHRIJVING).hasSize(1);
        assertThat(alle(las("70BN", "1"))).filteredOn(t -> t.getSoort() == SoortTerugkoppeling.DUBBELE_INSCHRIJVING).hasSize(1);
    }

    @Test
    void eenCrisisplaatsNaastDeEigenSchoolIsGeenDubbeleInschrijving() {
        Persoon stijn = leerling("999991097", "2014-12-12", "M", "Crisis", "9999JJ");
        verwerk("70BQ", inschrijven(stijn, wec("2026-08-01")));
        Inschrijving crisis = wec("2026-10-01");
        crisis.getIndicatiestelling().clear();
        crisis.getSoortVerblijf().get(0).setWaarde("1");
        geregistreerdZonderSignalen(verwerk("70BR", inschrijven(stijn, crisis)));

        assertThat(alle(las("70BQ", "1"))).extracting(Terugkoppeling::getSoort).containsOnly(SoortTerugkoppeling.VERWERKING);
        assertThat(alle(las("70BR", "1"))).extracting(Terugkoppeling::getSoort).containsOnly(SoortTerugkoppeling.VERWERKING);
    }

    /** Every period counts: a crisis place that becomes a regular one overlaps the other school from then on. */
    @Test
    void eenCrisisplaatsDieReguliereWordtIsVanafDanEenDubbeleInschrijving() {
        Persoon leerling = bekendeLeerling("2014-10-10");
        verwerk("73AJ", inschrijven(leerling, wec("2026-08-01")));
        Inschrijving crisis = wec("2026-08-01");
        crisis.getSoortVerblijf().get(0).setWaarde("1");
        crisis.getSoortVerblijf().add(Berichten.groep("2026-10-01", "0"));
        geregistreerdZonderSignalen(verwerk("73AK", inschrijven(leerling, crisis)));

        assertThat(melding(alle(las("73AJ", "1"))).getAndereInschrijving().getBrin()).isEqualTo("73AK");
        assertThat(melding(alle(las("73AK", "1"))).getAndereInschrijving().getBrin()).isEqualTo("73AJ");
    }

    /** ...but not while it is still a crisis place: the other enrolment ended before it became regular. */
    @Test
    void eenCrisisplaatsDiePasNaDeAndereInschrijvingReguliereWordtIsGeenDubbeleInschrijving() {
        Persoon leerling = bekendeLeerling("2014-09-09");
        Inschrijving eerder = wec("2026-08-01");
        eerder.setDatumUitschrijving("2026-09-30");
        verwerk("73AL", inschrijven(leerling, eerder));
        Inschrijving crisis = wec("2026-08-01");
        crisis.getSoortVerblijf().get(0).setWaarde("1");
        crisis.getSoortVerblijf().add(Berichten.groep("2026-10-01", "0"));
        geregistreerdZonderSignalen(verwerk("73AM", inschrijven(leerling, crisis)));

        assertThat(alle(las("73AM", "1"))).extracting(Terugkoppeling::getSoort).containsOnly(SoortTerugkoppeling.VERWERKING);
        assertThat(alle(las("73AL", "1"))).extracting(Terugkoppeling::getSoort).containsOnly(SoortTerugkoppeling.VERWERKING);
    }

    private static Terugkoppeling melding(List<Terugkoppeling> wachtrij) {
        Terugkoppeling m = wachtrij.stream().filter(t -> t.getSoort() == SoortTerugkoppeling.DUBBELE_INSCHRIJVING)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one notice");
                }).orElseThrow(() -> new AssertionError("no dubbele inschrijving notice in " + wachtrij.size() + " items"));
        assertThat(m.getResultaat()).isEqualTo(Verwerkingsresultaat.MELDING);
        assertThat(m.getBerichtIdentificatie()).isNull();
        return m;
    }
}
