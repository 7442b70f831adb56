package nl.bronhub.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import nl.bronhub.support.Berichten;
import nl.bronhub.support.Databank;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store-ceiling probe benchmark/draai.sh runs before the hub (BENCHMARKS.md), in miniature on the tests'
 * database (H2, or PostgreSQL with -Dbron.test.database=postgres): every way of writing wrote rows, as many
 * as its commits say, and the probe's table is gone afterwards. No speed is asserted.
 */
class OpslagplafondTest {

    @Test
    void elkeManierVanSchrijvenSchrijftEnDeProefTabelVerdwijnt() throws Exception {
        Path map = Files.createDirectories(Path.of("target", "opslagplafond", Berichten.uniekeLetters()));
        Map<String, String> db = Databank.nieuwe(map);
        String url = db.get("spring.datasource.url");
        String gebruiker = db.getOrDefault("spring.datasource.username", "sa");
        String wachtwoord = db.getOrDefault("spring.datasource.password", "");

        List<Opslagplafond.Meting> metingen = new Opslagplafond(url, gebruiker, wachtwoord).meet(0.2, 3, 7);

        assertThat(metingen).extracting(Opslagplafond.Meting::schrijvers).containsExactly(1, 3, 1, 3);
        assertThat(metingen).extracting(Opslagplafond.Meting::rijenPerCommit).containsExactly(1, 1, 7, 7);
        for (Opslagplafond.Meting m : metingen) {
            assertThat(m.commits()).as(m.naam()).isPositive();
            assertThat(m.rijen()).as(m.naam()).isEqualTo(m.commits() * m.rijenPerCommit());
        }
        assertThat(Opslagplafond.rapport(metingen)).contains("{\"opslagplafond\":[{\"schrijvers\":1,\"rijenPerCommit\":1,");
        try (Connection c = DriverManager.getConnection(url, gebruiker, wachtwoord);
             ResultSet rs = c.getMetaData().getTables(null, null, "opslagplafond_proef", null)) {
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void eenRijIsOngeveerEenKilobyteEnVerschiltPerSleutel() {
        assertThat(Opslagplafond.inhoud(1)).hasSizeBetween(1000, 1200).startsWith("<bericht>").endsWith("</bericht>");
        assertThat(Opslagplafond.inhoud(1)).isNotEqualTo(Opslagplafond.inhoud(2));
    }
}
