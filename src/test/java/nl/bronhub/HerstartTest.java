package nl.bronhub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the hub acknowledged, registered or queued is still there after it stops and starts again. */
class HerstartTest {

    @TempDir
    Path data;

    @Test
    void ontvangenBerichtenRegistratiesEnNietOpgehaaldeTerugkoppelingenOverlevenEenHerstart() {
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
        Bericht bericht = inschrijven(leerling("999995017", "2018-05-05", "M", "Dijk", "3011JK"), wec("2026-08-01"));

        // first life: acknowledges, and stops before it processed anything
        eigenschappen.put("bron.verwerking.start-vertraging-ms", "3600000");
        try (Hub hub = Hub.start(eigenschappen)) {
            assertThat(hub.las("40AA", "1").aanleveren(bericht).getBerichtResultaat().get(0).getStatus())
                    .isEqualTo(Ontvangststatus.ONTVANGEN);
            assertThat(status(hub, bericht)).isEqualTo("ONTVANGEN");
        }

        // second life: processes what the first acknowledged; the LAS does not fetch yet
        eigenschappen.remove("bron.verwerking.start-vertraging-ms");
        try (Hub hub = Hub.start(eigenschappen)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> "VERWERKT".equals(status(hub, bericht)));
        }

        // third life: the registration and the unfetched terugkoppeling are there
        try (Hub hub = Hub.start(eigenschappen)) {
            assertThat(hub.jdbc().queryForObject("select count(*) from inschrijving i join persoon p on p.id = i.persoon_id "
                    + "where p.pgn = '999995017' and i.brin = '40AA'", Integer.class)).isEqualTo(1);
            LasClient las = hub.las("40AA", "1");
            assertThat(HubTest.alle(las)).singleElement().satisfies(t -> {
                assertThat(t.getVolgnummer()).isEqualTo(1L);
                assertThat(t.getBerichtIdentificatie()).isEqualTo(bericht.getIdentificatie());
                assertThat(t.getLeerling().getAchternaam()).isEqualTo("Dijk");
                assertThat(t.getSignaal()).isEmpty();
            });
            // and the identificatie stays used
            assertThat(las.aanleveren(bericht).getBerichtResultaat().get(0).getSignaal())
                    .extracting(s -> s.getCode()).containsExactly("396");
        }
    }

    private static String status(Hub hub, Bericht bericht) {
        return hub.jdbc().queryForObject("select status from bericht where identificatie = ?", String.class, bericht.getIdentificatie());
    }

}
