package nl.bronhub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README on a fresh clone: every repository file it names exists, and nothing points outside the
 * repository. Files the hub or the build make (data/, target/, compose-tls/) are not checked here; the
 * walk itself is .ci/readme-walk.
 */
class LeesmijTest {

    /** A path in the repository: starts at one of its top-level entries, letters, digits, dots, dashes, slashes. */
    private static final Pattern PAD = Pattern.compile(
            "(?<![\\w./-])(?:\\./)?((?:config|wsdl|routes|docs|benchmark|src|\\.ci|\\.mvn)/[\\w./-]*[\\w]|mvnw|compose\\.yaml|BENCHMARKS\\.md)(?![\\w*{<…/.-])");

    @Test
    void elkGenoemdBestandStaatInDeRepository() throws Exception {
        for (String document : List.of("README.md", "docs/domein.md", "BENCHMARKS.md")) {
            String tekst = Files.readString(Path.of(document));
            List<String> ontbreekt = new ArrayList<>();
            Matcher m = PAD.matcher(tekst);
            int gevonden = 0;
            while (m.find()) {
                gevonden++;
                if (!Files.exists(Path.of(m.group(1)))) {
                    ontbreekt.add(m.group(1));
                }
            }
            assertThat(ontbreekt).as(document + " names files the repository lacks").isEmpty();
            if (document.equals("README.md")) {
                assertThat(gevonden).as("the README names files (the pattern finds them)").isGreaterThan(20);
            }
            assertThat(tekst).as(document + " points outside the repository").doesNotContain("../");
        }
    }

    @Test
    void deVoorbeeldbestandenVanDeCurlRegelsBestaan() throws Exception {
        String tekst = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("--data-binary @(\\S+)").matcher(tekst);
        List<String> bestanden = new ArrayList<>();
        while (m.find()) {
            bestanden.add(m.group(1));
        }
        assertThat(bestanden).contains("wsdl/voorbeelden/ophalen-bevestigen.xml");
        for (String bestand : bestanden) {
            // the certificate the demo makes at first start, in the test PKI's list
            if (bestand.startsWith("data/tls/")) {
                String naam = bestand.substring("data/tls/".length()).replace(".crt", "");
                assertThat(Files.readString(Path.of("config/application.yaml"))).as(bestand + " is made at first start")
                        .containsPattern("proefcertificaten: .*\\b" + Pattern.quote(naam) + "\\b");
            } else {
                assertThat(Path.of(bestand)).as("the README's curl sends " + bestand).exists();
            }
        }
    }
}
