package nl.bronhub;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.gba.GbaRegister;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static nl.bronhub.support.Berichten.groep;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Berichten processed in reeksen (route verwerk-aanleverpunt): the berichten of one request reach the hub's
 * processing together, yet each sees what the ones before it did about the same pupil, and the person register
 * is asked once per bericht. The GBA is watched (a spy on the stub), the boundary the issue names. The spy makes
 * this a hub of its own beside the shared one, so it watches directories of its own: the shared hub's GBA change
 * files are the shared hub's to take.
 */
@TestPropertySource(properties = {"bron.gba.mutaties.map=target/test-data/gba-mutaties-reeksen",
        "bron.gtb.ab-opgaven.map=target/test-data/ab-opgaven-reeksen"})
class ReeksVerwerkingTest extends SignaalTest {

    @MockitoSpyBean
    GbaRegister gba;

    @Test
    void berichtenOverEenLeerlingInEenVerzoekZienElkaarsEffectInVolgorde() {
        Persoon fenna = leerling("999991036", "2015-07-07", "V", "Slotboom", "4444DD");
        Persoon ties = leerling("999991048", "2015-08-08", "M", "Verhuizer", "5555EE");
        Inschrijving overgang = wec("2026-08-01");
        overgang.getLeerjaar().add(groep("2026-10-01", "4"));
        Inschrijving vertrek = wec("2026-08-01");
        vertrek.getLeerjaar().add(groep("2026-10-01", "4"));
        vertrek.setDatumUitschrijving("2026-12-01");
        List<Bericht> berichten = List.of(inschrijven(fenna, wec("2026-08-01")), inschrijven(ties, wec("2026-08-01")),
                Berichten.bericht("wijzigen", fenna, overgang), Berichten.bericht("uitschrijven", fenna, vertrek));

        LasClient las = las("76AA", "1");
        las.aanleveren(berichten.toArray(Bericht[]::new));
        List<Terugkoppeling> ontvangen = alleVanVerwerkt(las, "76AA", berichten.size());

        // in arrival order, each registered without a signal: the wijzigen and uitschrijven found the inschrijving
        // the first bericht made (no 400), the uitschrijven kept the wijzigen's leerjaar (no 772)
        assertThat(ontvangen).extracting(Terugkoppeling::getBerichtIdentificatie)
                .containsExactlyElementsOf(berichten.stream().map(Bericht::getIdentificatie).toList());
        ontvangen.forEach(SignaalTest::geregistreerdZonderSignalen);
        assertThat(ontvangen.get(3).getInschrijving().getDatumUitschrijving()).isEqualTo("2026-12-01");
        assertThat(ontvangen.get(3).getInschrijving().getLeerjaar()).extracting(g -> g.getWaarde()).containsExactly("3", "4");
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = '76AA'", Integer.class)).isEqualTo(2);

        // the person register: asked once for each bericht, never again inside the transaction
        verify(gba, times(3)).zoekOpBsn("999991036");
        verify(gba, times(1)).zoekOpBsn("999991048");
        verify(gba, never()).zoekOpNaamEnGeboortedatum(any(), any());
    }

    @Test
    void eenLeerlingZonderNummerWordtEenmaalGezochtEnKrijgtZijnNummerNaDeVoorgaande() {
        Persoon zonder = Berichten.zonderPgn("2016-04-04");
        Persoon roos = leerling("999991061", "2016-09-09", "V", "Jarig", "6666FF");
        Bericht eerst = inschrijven(roos, wec("2026-08-01"));
        Bericht dan = inschrijven(zonder, wec("2026-08-01"));

        LasClient las = las("76AB", "1");
        las.aanleveren(eerst, dan);
        List<Terugkoppeling> ontvangen = alleVanVerwerkt(las, "76AB", 2);

        assertThat(ontvangen).extracting(Terugkoppeling::getBerichtIdentificatie)
                .containsExactly(eerst.getIdentificatie(), dan.getIdentificatie());
        assertThat(ontvangen).extracting(Terugkoppeling::getResultaat).containsOnly(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(ontvangen.get(1).getSignaal()).extracting(s -> s.getCode()).containsExactly("757");
        verify(gba, times(1)).zoekOpNaamEnGeboortedatum(zonder.getAchternaam(), LocalDate.of(2016, 4, 4));
    }

    @Test
    void eenLeerlingZonderNummerTweemaalInEenVerzoekKrijgtEenNummer() {
        // pupils sent without a number share a reeks with others, but never with one identification may find as the same
        // pupil: the second bericht must find the onderwijsnummer the first was given (756), and the inschrijving it made
        Persoon zonder = Berichten.zonderPgn("2016-05-05");
        Persoon ander = Berichten.zonderPgn("2016-06-06");
        Inschrijving overgang = wec("2026-08-01");
        overgang.getLeerjaar().add(groep("2026-10-01", "4"));
        Bericht eerst = inschrijven(zonder, wec("2026-08-01"));
        Bericht tussendoor = inschrijven(ander, wec("2026-08-01"));
        Bericht weer = Berichten.bericht("wijzigen", zonder, overgang);

        LasClient las = las("76AD", "1");
        las.aanleveren(eerst, tussendoor, weer);
        List<Terugkoppeling> ontvangen = alleVanVerwerkt(las, "76AD", 3);

        assertThat(ontvangen).extracting(Terugkoppeling::getBerichtIdentificatie)
                .containsExactly(eerst.getIdentificatie(), tussendoor.getIdentificatie(), weer.getIdentificatie());
        assertThat(ontvangen).extracting(Terugkoppeling::getResultaat).containsOnly(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(ontvangen.get(0).getSignaal()).extracting(s -> s.getCode()).containsExactly("757");
        assertThat(ontvangen.get(1).getSignaal()).extracting(s -> s.getCode()).containsExactly("757");
        assertThat(ontvangen.get(2).getSignaal()).extracting(s -> s.getCode()).containsExactly("756");
        String nummer = ontvangen.get(0).getLeerling().getOnderwijsnummer();
        assertThat(ontvangen.get(2).getLeerling().getOnderwijsnummer()).isEqualTo(nummer);
        assertThat(ontvangen.get(1).getLeerling().getOnderwijsnummer()).isNotEqualTo(nummer);
        assertThat(ontvangen.get(2).getInschrijving().getLeerjaar()).extracting(g -> g.getWaarde()).containsExactly("3", "4");
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = '76AD'", Integer.class)).isEqualTo(2);
        verify(gba, times(2)).zoekOpNaamEnGeboortedatum(zonder.getAchternaam(), LocalDate.of(2016, 5, 5));
        verify(gba, times(1)).zoekOpNaamEnGeboortedatum(ander.getAchternaam(), LocalDate.of(2016, 6, 6));
    }

    @Test
    void eenReeksSchrijftDeRijenVanElkeLeerlingBijDieLeerling() {
        // the register writes a reeks's persons, inschrijvingen, groups and indications as JDBC batches, new persons and
        // inschrijvingen with the ids the database generated: every row must still land at its own pupil, with a known
        // pupil's wijzigen among new ones; the later stages read the enrolments of the reeks's pupils at once, and only Cor,
        // enrolled at another school too, is a dubbele inschrijving
        Persoon anna = leerling("999991206", "2016-01-21", "V", "Batchelder", "2121AA");
        Persoon bas = leerling("999991218", "2016-02-22", "M", "Reeksema", "2222BB");
        Persoon cor = leerling("999991231", "2016-03-23", "M", "Sleutelaar", "2323CC");
        Persoon dirk = leerling("999991243", "2016-04-24", "M", "Volgorde", "2424DD");
        LasClient las = las("76AE", "1");
        las.aanleveren(inschrijven(anna, wec("2026-08-01")));
        geregistreerdZonderSignalen(alleVan(las, 1).get(0));
        LasClient elders = las("76AB", "1");
        elders.aanleveren(inschrijven(cor, wec("2026-08-01")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from inschrijving i join persoon p "
                + "on p.id = i.persoon_id where p.pgn = '999991231'", Integer.class) == 1);

        Inschrijving annaOvergang = wec("2026-08-01");
        annaOvergang.getLeerjaar().add(groep("2026-10-01", "4"));
        Inschrijving dirkMetOvergang = wec("2026-08-04");
        dirkMetOvergang.getLeerjaar().add(groep("2026-11-01", "5"));
        List<Bericht> reeks = List.of(inschrijven(bas, wec("2026-08-02")), Berichten.bericht("wijzigen", anna, annaOvergang),
                inschrijven(cor, wec("2026-08-03")), inschrijven(dirk, dirkMetOvergang));
        las.aanleveren(reeks.toArray(Bericht[]::new));
        List<Terugkoppeling> alle = alleVan(las, 1 + reeks.size() + 1);
        assertThat(alle).filteredOn(t -> t.getSoort() == SoortTerugkoppeling.DUBBELE_INSCHRIJVING)
                .extracting(t -> t.getLeerling().getBurgerservicenummer()).containsExactly("999991231");
        List<Terugkoppeling> ontvangen = alle.stream().skip(1).filter(t -> t.getSoort() == SoortTerugkoppeling.VERWERKING).toList();

        assertThat(ontvangen).extracting(Terugkoppeling::getBerichtIdentificatie)
                .containsExactlyElementsOf(reeks.stream().map(Bericht::getIdentificatie).toList());
        ontvangen.forEach(SignaalTest::geregistreerdZonderSignalen);
        assertThat(jdbc.queryForList("select p.pgn, p.achternaam, i.datum_inschrijving, g.ingangsdatum, g.waarde from persoon p "
                + "join inschrijving i on i.persoon_id = p.id join inschrijving_groep g on g.inschrijving_id = i.id "
                + "and g.groep = 'leerjaar' where i.brin = '76AE' order by p.pgn, g.ingangsdatum").stream()
                .map(r -> r.get("pgn") + " " + r.get("achternaam") + " " + r.get("datum_inschrijving") + " " + r.get("ingangsdatum")
                        + " " + r.get("waarde")).toList())
                .containsExactly("999991206 Batchelder 2026-08-01 2026-08-01 3", "999991206 Batchelder 2026-08-01 2026-10-01 4",
                        "999991218 Reeksema 2026-08-02 2026-08-02 3", "999991231 Sleutelaar 2026-08-03 2026-08-03 3",
                        "999991243 Volgorde 2026-08-04 2026-08-04 3", "999991243 Volgorde 2026-08-04 2026-11-01 5");
        // one indication each, the wijzigen's the same as registered (no second row)
        assertThat(jdbc.queryForList("select p.pgn, x.datum_indicatiestelling from persoon p join inschrijving i on i.persoon_id = p.id "
                + "join indicatiestelling x on x.inschrijving_id = i.id where i.brin = '76AE' order by p.pgn").stream()
                .map(r -> r.get("pgn") + " " + r.get("datum_indicatiestelling")).toList())
                .containsExactly("999991206 2026-08-01", "999991218 2026-08-02", "999991231 2026-08-03", "999991243 2026-08-04");
    }

    /**
     * The terugkoppelingen, fetched once all berichten of the aanleverpunt are processed: a fetch takes the aanleverpunt's
     * lock, and a reeks that finds it taken waits for the next poll, which asks the person register again for the berichten
     * still waiting (on PostgreSQL a fetch during the processing made a fourth question of three).
     */
    private List<Terugkoppeling> alleVanVerwerkt(LasClient las, String brin, int aantal) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from bericht b join aanleverpunt a "
                + "on a.id = b.aanleverpunt_id where a.brin = ? and b.status = 'VERWERKT'", Integer.class, brin) == aantal);
        return alleVan(las, aantal);
    }
}
