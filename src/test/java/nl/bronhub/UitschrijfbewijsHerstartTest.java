package nl.bronhub;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/** An uitschrijfbewijs made before a restart is fetched after it, and the uitschrijving sent again then makes no second. */
class UitschrijfbewijsHerstartTest {

    @TempDir
    Path data;

    @Test
    void eenUitschrijfbewijsOverleeftEenHerstartEnWordtNietOpnieuwGemaakt() {
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
        Persoon leerling = leerling("999995017", "2018-05-05", "M", "Dijk", "3011JK");

        // first life: the pupil moves from 10AA to 10AB; 10AB's LAS does not fetch
        try (Hub hub = Hub.start(eigenschappen)) {
            LasClient oud = hub.las("10AA", "1");
            verwerk(oud, uitschrijving(leerling));
            verwerk(hub.las("10AB", "1"), inschrijven(leerling, wec("2026-10-01")));
            assertThat(hub.jdbc().queryForObject("select count(*) from uitschrijfbewijs", Integer.class)).isOne();
        }

        // second life: 10AB finds it in its queue; the uitschrijving sent again makes no second one
        try (Hub hub = Hub.start(eigenschappen)) {
            LasClient nieuw = hub.las("10AB", "1");
            assertThat(soorten(HubTest.alle(nieuw))).containsExactly(SoortTerugkoppeling.VERWERKING, SoortTerugkoppeling.UITSCHRIJFBEWIJS);
            LasClient oud = hub.las("10AA", "1");
            verwerk(oud, uitschrijving(leerling));
            assertThat(soorten(HubTest.alle(oud))).containsExactly(SoortTerugkoppeling.VERWERKING,
                    SoortTerugkoppeling.UITSCHRIJVING_BEVESTIGD, SoortTerugkoppeling.VERWERKING);
            assertThat(soorten(HubTest.alle(nieuw))).containsExactly(SoortTerugkoppeling.VERWERKING, SoortTerugkoppeling.UITSCHRIJFBEWIJS);
            assertThat(hub.jdbc().queryForObject("select count(*) from uitschrijfbewijs", Integer.class)).isOne();
        }
    }

    private static Bericht uitschrijving(Persoon leerling) {
        Inschrijving uit = wec("2026-08-01");
        uit.setDatumUitschrijving("2026-09-30");
        return Berichten.bericht("inschrijven", leerling, uit);
    }

    private static void verwerk(LasClient las, Bericht bericht) {
        las.aanleveren(bericht);
        HubTest.terugkoppelingVan(las, bericht.getIdentificatie());
    }

    private static List<SoortTerugkoppeling> soorten(List<Terugkoppeling> wachtrij) {
        return wachtrij.stream().map(Terugkoppeling::getSoort).toList();
    }
}
