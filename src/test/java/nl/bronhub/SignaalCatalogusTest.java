package nl.bronhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signal catalogue is the operators' data: texts change without Java, gaps stop the hub at start. */
class SignaalCatalogusTest {

    @TempDir
    Path data;

    @TempDir
    Path config;

    @Test
    void eenOperatorPastEenTekstAanZonderJava() throws IOException {
        Path catalogus = kopie(Files.readString(Path.of(Hub.SIGNALEN)).replace(
                "Deze leerling moet op de datum inschrijving jonger dan 20 jaar zijn.",
                "Let op: deze leerling is op de datum inschrijving 20 jaar of ouder."));
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
        eigenschappen.put("bron.signalen.bestand", catalogus.toString());

        try (Hub hub = Hub.start(eigenschappen)) {
            LasClient las = hub.las("70BJ", "1");
            Bericht twintig = inschrijven(zonderPgn("2006-07-31"), wec("2026-08-01"));
            las.aanleveren(twintig);
            Terugkoppeling t = HubTest.terugkoppelingVan(las, twintig.getIdentificatie());
            assertThat(t.getSignaal()).filteredOn(s -> s.getCode().equals("334")).singleElement()
                    .satisfies(s -> assertThat(s.getOmschrijving()).isEqualTo("Let op: deze leerling is op de datum inschrijving 20 jaar of ouder."));
        }
    }

    @Test
    void eenCodeDieEenRegelKanGevenMaarDieDeCatalogusMistHoudtDeStartTegen() throws IOException {
        String zonder334 = Files.readString(Path.of(Hub.SIGNALEN))
                .replaceAll("(?m)^  \"334\":\\n    ernst: .*\\n    tekst: .*\\n", "");
        assertThat(zonder334).doesNotContain("\"334\"");
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
        eigenschappen.put("bron.signalen.bestand", kopie(zonder334).toString());

        assertThatThrownBy(() -> Hub.start(eigenschappen).close())
                .hasStackTraceContaining("Signal catalogue lacks codes raised by the hub's rules: [334]");
    }

    private Path kopie(String inhoud) throws IOException {
        Path bestand = config.resolve("signalen.yaml");
        Files.writeString(bestand, inhoud);
        return bestand;
    }
}
