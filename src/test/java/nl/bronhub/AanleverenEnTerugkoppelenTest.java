package nl.bronhub;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.TerugkoppelingAntwoord;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.Databank;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static nl.bronhub.support.Berichten.groep;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The walking skeleton end to end: deliver over SOAP, the hub processes, the LAS fetches. */
class AanleverenEnTerugkoppelenTest extends HubTest {

    @Autowired
    PlatformTransactionManager transacties;

    @Value("${bron.intake.max-berichten-per-aanlevering}")
    int maxBerichten;

    @Test
    void eenGeldigBerichtWordtOntvangenGeregistreerdEnTeruggekoppeldZonderSignalen() {
        LasClient las = las("10AA", "1");
        Bericht bericht = inschrijven(Berichten.sanne(), wec("2026-08-01"));

        AanleverenAntwoord antwoord = las.aanleveren(bericht);

        assertThat(antwoord.getBerichtResultaat()).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
            assertThat(r.getBerichtIdentificatie()).isEqualTo(bericht.getIdentificatie());
            assertThat(r.getSignaal()).isEmpty();
        });
        // committed before the answer left
        assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie = ?", Integer.class,
                bericht.getIdentificatie())).isEqualTo(1);

        Terugkoppeling t = terugkoppelingVan(las, bericht.getIdentificatie());
        assertThat(t.getSoort()).isEqualTo(SoortTerugkoppeling.VERWERKING);
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(t.getSignaal()).isEmpty();
        assertThat(t.getLeerling().getBurgerservicenummer()).isEqualTo("999993847");
        assertThat(t.getLeerling().getAchternaam()).isEqualTo("Jansen");
        assertThat(t.getLeerling().getGeboortedatum()).isEqualTo("2016-03-14");
        assertThat(t.getInschrijving().getDatumInschrijving()).isEqualTo("2026-08-01");
        assertThat(t.getInschrijving().getSoortOnderwijs()).singleElement().satisfies(g -> {
            assertThat(g.getIngangsdatum()).isEqualTo("2026-08-01");
            assertThat(g.getWaarde()).isEqualTo("33");
        });
        assertThat(t.getInschrijving().getIndicatiestelling()).singleElement()
                .satisfies(i -> assertThat(i.getOnderwijssoortIndicatie()).isEqualTo("33"));

        Map<String, Object> rij = jdbc.queryForMap("select p.achternaam, i.brin, i.datum_inschrijving from inschrijving i "
                + "join persoon p on p.id = i.persoon_id where p.pgn = '999993847' and i.brin = '10AA'");
        assertThat(rij.get("achternaam")).isEqualTo("Jansen");
        assertThat(rij.get("datum_inschrijving").toString()).isEqualTo("2026-08-01");
        assertThat(jdbc.queryForObject("select status from bericht where identificatie = ?", String.class,
                bericht.getIdentificatie())).isEqualTo("VERWERKT");
    }

    @Test
    void dezelfdeIdentificatieTweemaalGeeft396EnEenRegistratie() {
        LasClient las = las("10AB", "1");
        Bericht bericht = inschrijven(leerling("999992077", "2015-11-02", "M", "Bakker", "1234AB"), wec("2026-08-01"));

        assertThat(las.aanleveren(bericht).getBerichtResultaat().get(0).getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
        AanleverenAntwoord tweede = las.aanleveren(bericht);

        assertThat(tweede.getBerichtResultaat()).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(Ontvangststatus.AFKEUR);
            assertThat(r.getSignaal()).singleElement().satisfies(s -> {
                assertThat(s.getCode()).isEqualTo("396");
                assertThat(s.getOmschrijving()).isEqualTo("Er is een al eerder gebruikte of anderszins onjuiste berichtidentificatie gebruikt.");
            });
        });
        terugkoppelingVan(las, bericht.getIdentificatie());
        assertThat(jdbc.queryForObject("select count(*) from bericht b join aanleverpunt a on a.id = b.aanleverpunt_id "
                + "where a.brin = '10AB'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = '10AB'", Integer.class)).isEqualTo(1);
        assertThat(alle(las)).hasSize(1);
    }

    /**
     * A processed bericht's XML (a pupil's personal data) is cleared after bron.verwerking.bewaartermijn-dagen; its row
     * stays, so the identificatie sent again is still 396. A bericht processed within the term keeps its XML.
     */
    @Test
    void deXmlVanEenVerwerktBerichtWordtNaDeBewaartermijnGewist() {
        LasClient las = las("76AC", "1");
        Bericht oud = inschrijven(zonderPgn("2016-05-05"), wec("2026-08-01"));
        Bericht recent = inschrijven(zonderPgn("2016-05-06"), wec("2026-08-01"));
        las.aanleveren(oud, recent);
        terugkoppelingVan(las, oud.getIdentificatie());
        terugkoppelingVan(las, recent.getIdentificatie());

        // as if processed eight days before the hub's today (2026-11-02), one day past the term of seven
        jdbc.update("update bericht set verwerkt_op = ? where identificatie = ?",
                Timestamp.from(Instant.parse("2026-10-25T09:00:00Z")), oud.getIdentificatie());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from bericht where identificatie = ? and inhoud is null", Integer.class, oud.getIdentificatie()) == 1);

        assertThat(jdbc.queryForObject("select inhoud from bericht where identificatie = ?", String.class, recent.getIdentificatie()))
                .contains(recent.getIdentificatie());
        assertThat(jdbc.queryForObject("select status from bericht where identificatie = ?", String.class, oud.getIdentificatie()))
                .isEqualTo("VERWERKT");
        assertThat(las.aanleveren(oud).getBerichtResultaat()).singleElement()
                .satisfies(r -> assertThat(r.getSignaal()).extracting(sg -> sg.getCode()).containsExactly("396"));
    }

    /**
     * Another request of the same aanleverpunt stores the identificatie at the same moment: it is not yet committed
     * when this request looks for it, so this request's insert meets it, waits for it, and then stores nothing (396).
     */
    @Test
    void eenIdentificatieDieEenGelijktijdigVerzoekOpslaatGeeft396() {
        LasClient las = las("10AJ", "1");
        Bericht eerder = Berichten.aanmelden(zonderPgn("2018-02-01"));
        las.aanleveren(eerder);
        long aanleverpunt = jdbc.queryForObject("select id from aanleverpunt where brin = '10AJ'", Long.class);
        Bericht bericht = Berichten.aanmelden(zonderPgn("2018-02-02"));
        TransactionTemplate anderVerzoek = new TransactionTemplate(transacties);
        anderVerzoek.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);

        CompletableFuture<AanleverenAntwoord> antwoord = anderVerzoek.execute(s -> {
            // the other request's row, written and not yet committed (already processed, so the hub leaves it alone)
            jdbc.update("insert into bericht (aanleverpunt_id, identificatie, status, ontvangen_op, verwerkt_op) "
                    + "values (?, ?, 'VERWERKT', ?, ?)", aanleverpunt, bericht.getIdentificatie(), Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now()));
            CompletableFuture<AanleverenAntwoord> onderweg = CompletableFuture.supplyAsync(() -> las.aanleveren(bericht));
            // until this request's insert waits for the other's row
            await().atMost(Duration.ofSeconds(20)).until(() -> wachtOpEenSlot() || onderweg.isDone());
            return onderweg;
        });

        assertThat(antwoord.join().getBerichtResultaat()).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(Ontvangststatus.AFKEUR);
            assertThat(r.getSignaal()).extracting(s -> s.getCode()).containsExactly("396");
        });
        assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie = ?", Integer.class,
                bericht.getIdentificatie())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from bericht where identificatie = ?", String.class,
                bericht.getIdentificatie())).isEqualTo("VERWERKT");
    }

    /** The hub's insert of berichten is under way (and, meeting the uncommitted row, waits for it). */
    private boolean wachtOpEenSlot() {
        String sql = Databank.postgres()
                ? "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' "
                        + "and query like 'insert into bericht %'"
                : "select count(*) from information_schema.sessions where executing_statement like 'insert into bericht %'";
        return jdbc.queryForObject(sql, Integer.class) > 0;
    }

    @Test
    void dezelfdeIdentificatieTweemaalInEenVerzoekGeeft396VoorDeTweede() {
        LasClient las = las("10AC", "1");
        Bericht eerste = Berichten.aanmelden(zonderPgn("2018-01-01"));
        Bericht tweede = Berichten.aanmelden(zonderPgn("2018-01-02"));
        tweede.setIdentificatie(eerste.getIdentificatie());

        AanleverenAntwoord antwoord = las.aanleveren(eerste, tweede);

        assertThat(antwoord.getBerichtResultaat()).extracting(r -> r.getStatus())
                .containsExactly(Ontvangststatus.ONTVANGEN, Ontvangststatus.AFKEUR);
        assertThat(antwoord.getBerichtResultaat().get(1).getSignaal()).extracting(s -> s.getCode()).containsExactly("396");
    }

    @Test
    void berichtenVanEenAanleverpuntWordenInAankomstvolgordeVerwerkt() {
        LasClient las = las("10AD", "1");
        var leerling = leerling("999993483", "2014-06-21", "V", "Vries", "2011CD");
        Bericht inschrijven = inschrijven(leerling, wec("2026-08-01"));
        var gewijzigd = wec("2026-08-01");
        gewijzigd.getLeerjaar().add(groep("2026-10-01", "4"));
        Bericht wijzigen = Berichten.bericht("wijzigen", leerling, gewijzigd);
        var uitgeschreven = wec("2026-08-01");
        uitgeschreven.getLeerjaar().add(groep("2026-10-01", "4"));
        uitgeschreven.setDatumUitschrijving("2026-10-31");
        Bericht uitschrijven = Berichten.bericht("uitschrijven", leerling, uitgeschreven);

        las.aanleveren(inschrijven, wijzigen);
        las.aanleveren(uitschrijven);

        Terugkoppeling laatste = terugkoppelingVan(las, uitschrijven.getIdentificatie());
        List<Terugkoppeling> alle = alle(las);
        assertThat(alle).extracting(Terugkoppeling::getBerichtIdentificatie)
                .containsExactly(inschrijven.getIdentificatie(), wijzigen.getIdentificatie(), uitschrijven.getIdentificatie());
        assertThat(alle).extracting(Terugkoppeling::getVolgnummer).containsExactly(1L, 2L, 3L);
        assertThat(alle.get(0).getInschrijving().getLeerjaar()).hasSize(1);
        assertThat(alle.get(1).getInschrijving().getLeerjaar()).extracting(g -> g.getWaarde()).containsExactly("3", "4");
        assertThat(laatste.getInschrijving().getDatumUitschrijving()).isEqualTo("2026-10-31");
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = '10AD'", Integer.class)).isEqualTo(1);
    }

    @Test
    void eenVerlorenAntwoordWordtOpnieuwOpgehaaldEnBevestigdeWordenNietMeerGeleverd() {
        LasClient las = las("10AE", "1");
        Bericht[] berichten = new Bericht[5];
        for (int i = 0; i < berichten.length; i++) {
            berichten[i] = Berichten.aanmelden(zonderPgn("2018-02-0" + (i + 1)));
        }
        las.aanleveren(berichten);
        terugkoppelingVan(las, berichten[4].getIdentificatie());

        TerugkoppelingAntwoord eerste = las.ophalen(0, 2);
        assertThat(eerste.getTerugkoppeling()).extracting(Terugkoppeling::getVolgnummer).containsExactly(1L, 2L);
        assertThat(eerste.isMeerBeschikbaar()).isTrue();

        // the answer got lost on the way: the LAS stored nothing and asks with the same number again
        TerugkoppelingAntwoord opnieuw = las.ophalen(0, 2);
        assertThat(opnieuw.getTerugkoppeling()).extracting(Terugkoppeling::getBerichtIdentificatie)
                .containsExactlyElementsOf(eerste.getTerugkoppeling().stream().map(Terugkoppeling::getBerichtIdentificatie).toList());

        TerugkoppelingAntwoord volgende = las.ophalen(2, 2);
        assertThat(volgende.getTerugkoppeling()).extracting(Terugkoppeling::getVolgnummer).containsExactly(3L, 4L);
        assertThat(bevestigd("10AE")).containsExactly(1L, 2L);

        TerugkoppelingAntwoord laatste = las.ophalen(4);
        assertThat(laatste.getTerugkoppeling()).extracting(Terugkoppeling::getVolgnummer).containsExactly(5L);
        assertThat(laatste.isMeerBeschikbaar()).isFalse();
        assertThat(las.ophalen(5).getTerugkoppeling()).isEmpty();
        assertThat(bevestigd("10AE")).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void eenLasDieOpnieuwBijNulBegintKrijgtBevestigdeTerugkoppelingenNietOpnieuw() {
        LasClient las = las("10AE", "2");
        Bericht[] berichten = new Bericht[7];
        for (int i = 0; i < berichten.length; i++) {
            berichten[i] = Berichten.aanmelden(zonderPgn("2018-02-1" + i));
        }
        las.aanleveren(berichten);
        terugkoppelingVan(las, berichten[6].getIdentificatie());
        assertThat(las.ophalen(5, 1).getTerugkoppeling()).extracting(Terugkoppeling::getVolgnummer).containsExactly(6L);

        // a LAS reinstalled from an old backup starts over at 0: what it acknowledged (1-5) does not come back
        TerugkoppelingAntwoord vanafNul = las.ophalen(0);
        assertThat(vanafNul.getTerugkoppeling()).extracting(Terugkoppeling::getVolgnummer).containsExactly(6L, 7L);
        assertThat(vanafNul.isMeerBeschikbaar()).isFalse();
        // and a number between acknowledged ones acknowledges nothing new and serves nothing old
        assertThat(las.ophalen(3).getTerugkoppeling()).extracting(Terugkoppeling::getVolgnummer).containsExactly(6L, 7L);
        assertThat(bevestigd("10AE", "2")).containsExactly(1L, 2L, 3L, 4L, 5L);

        assertThat(las.ophalen(7).getTerugkoppeling()).isEmpty();
        assertThat(las.ophalen(0).getTerugkoppeling()).isEmpty();
        assertThat(bevestigd("10AE", "2")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void eenVolgnummerDatNooitIsUitgegevenWordtGeweigerd() {
        LasClient las = las("10AF", "1");
        Bericht b = Berichten.aanmelden(zonderPgn("2018-03-01"));
        las.aanleveren(b);
        terugkoppelingVan(las, b.getIdentificatie());

        LasClient.Fout fout = las.ophalenFout(99);

        assertThat(fout.signalen()).singleElement().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("743");
            assertThat(s.getOmschrijving()).isEqualTo("Het veld laatstOntvangenVolgnummer is niet conform instructies gevuld.");
        });
        assertThat(bevestigd("10AF")).isEmpty();

        // nor one that is queued but was never served to the LAS (a fetch of one at a time): acknowledging it would purge
        // terugkoppelingen the LAS has not seen (found by a hostile LAS)
        Bericht tweede = Berichten.aanmelden(zonderPgn("2018-03-02"));
        Bericht derde = Berichten.aanmelden(zonderPgn("2018-03-03"));
        las.aanleveren(tweede);
        las.aanleveren(derde);
        await().until(() -> jdbc.queryForObject("select laatste_volgnummer from aanleverpunt where brin = '10AF'",
                Long.class) == 3L);
        assertThat(las.ophalen(0, 1).getTerugkoppeling()).extracting(Terugkoppeling::getVolgnummer).containsExactly(1L);
        assertThat(las.ophalenFout(3).signalen()).extracting(s -> s.getCode()).containsExactly("743");
        assertThat(bevestigd("10AF")).isEmpty();
        assertThat(las.ophalen(1).getTerugkoppeling()).extracting(Terugkoppeling::getVolgnummer).containsExactly(2L, 3L);
        assertThat(las.ophalen(3).getTerugkoppeling()).isEmpty();
        assertThat(bevestigd("10AF")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void bevestigdeTerugkoppelingenWordenNaDeBewaartermijnOpgeschoond() {
        LasClient las = las("10AG", "1");
        Bericht b = Berichten.aanmelden(zonderPgn("2018-04-01"));
        las.aanleveren(b);
        terugkoppelingVan(las, b.getIdentificatie());
        las.ophalen(1);
        jdbc.update("update terugkoppeling set bevestigd_op = bevestigd_op - INTERVAL '8' DAY where aanleverpunt_id = "
                + "(select id from aanleverpunt where brin = '10AG')");

        await().untilAsserted(() -> assertThat(jdbc.queryForObject("select count(*) from terugkoppeling t join aanleverpunt a "
                + "on a.id = t.aanleverpunt_id where a.brin = '10AG'", Integer.class)).isZero());
    }

    @Test
    void meerBerichtenDanToegestaanWordtAlsGeheelGeweigerd() {
        LasClient las = las("10AH", "1");
        Bericht[] teVeel = new Bericht[maxBerichten + 1];
        for (int i = 0; i < teVeel.length; i++) {
            teVeel[i] = Berichten.aanmelden(zonderPgn("2018-05-01"));
        }

        LasClient.Fout fout = las.aanleverenFout(teVeel);

        assertThat(fout.faultcode()).endsWith("Client");
        assertThat(fout.signalen()).singleElement().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("359");
            assertThat(s.getOmschrijving()).contains("maximaal " + maxBerichten + " berichten per aanlevering");
        });
        assertThat(jdbc.queryForObject("select count(*) from bericht b join aanleverpunt a on a.id = b.aanleverpunt_id "
                + "where a.brin = '10AH'", Integer.class)).as("nothing stored").isZero();
        assertThat(jdbc.queryForList("select operatie, uitkomst from audit where brin = '10AH'"))
                .as("audited under the aanleverpunt its header names").containsExactly(Map.of("operatie", "aanleveren", "uitkomst", "359"));
    }

    private List<Long> bevestigd(String brin) {
        return bevestigd(brin, "1");
    }

    private List<Long> bevestigd(String brin, String aanleverpuntnummer) {
        return jdbc.queryForList("select t.volgnummer from terugkoppeling t join aanleverpunt a on a.id = t.aanleverpunt_id "
                + "where a.brin = ? and a.aanleverpuntnummer = ? and t.bevestigd_op is not null order by t.volgnummer", Long.class,
                brin, aanleverpuntnummer);
    }
}
