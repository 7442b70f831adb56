package nl.bronhub;

import java.nio.file.Path;
import java.util.Map;

import nl.bronhub.support.Hub;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An operator's mistake in the settings stops the start, and the log says which key and why, in the
 * words of Spring Boot's start failure report: a value that is no duration or number, and one out of its
 * range (the *Eigenschappen records' constraints). Nothing runs on a wrong setting.
 */
@ExtendWith(OutputCaptureExtension.class)
class InstellingenTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bron.portaal.blokkade|een kwartier",
            "bron.portaal.max-mislukte-pogingen|0",
            "bron.operator.venster|PT0S",
            "bron.intake.max-nestingdiepte|3",
            "bron.verwerking.per-transactie|twintig",
            "bron.voortgang.verwachting.week6|180",
            "bron.gtb.eerste-schooldag-vanaf|32",
            "bron.opslag.h2.vulgraad|0",
            "bron.gba.mutaties.max-regels|geen",
            "bron.klok.zone|Europe/Zwolle",
            "bron.klok.vast|maandag",
            "bron.helpdesk.email|geen adres",
            "bron.mail.ingebouwd-poort|70000"})
    void eenVerkeerdeWaardeStoptDeStartEnNoemtDeSleutel(String sleutel, String waarde, CapturedOutput uitvoer) {
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
        eigenschappen.put(sleutel, waarde);
        assertThatThrownBy(() -> Hub.start(eigenschappen).close()).isInstanceOf(Exception.class);
        // the start failure report, as the operator reads it in the log (the start resets the logging, so read the console)
        String rapport = uitvoer.getOut().substring(uitvoer.getOut().lastIndexOf("APPLICATION FAILED TO START"));
        // the key as the operator wrote it: Spring names it as the origin, or (a nested setting) as the property itself
        assertThat(rapport).contains("Value: \"" + waarde + "\"").contains("Reason: ")
                .containsAnyOf("Origin: \"" + sleutel + "\"", "Property: " + sleutel + "\n");
    }

    /** With bron.gba.register: brp its settings are checked at start too (with the stub they are not read). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bron.gba.brp.api-sleutel|''",
            "bron.gba.brp.basis-url|http://brp.example/haalcentraal/api/brp",
            "bron.gba.brp.lees-timeout|PT0S",
            "bron.gba.brp.circuit.faalpercentage|0"})
    void eenVerkeerdeBrpWaardeStoptDeStartEnNoemtDeSleutel(String sleutel, String waarde, CapturedOutput uitvoer) {
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
        eigenschappen.put("bron.gba.register", "brp");
        eigenschappen.put("bron.gba.brp.api-sleutel", "proef-sleutel");
        eigenschappen.put(sleutel, waarde);
        assertThatThrownBy(() -> Hub.start(eigenschappen).close()).isInstanceOf(Exception.class);
        String rapport = uitvoer.getOut().substring(uitvoer.getOut().lastIndexOf("APPLICATION FAILED TO START"));
        assertThat(rapport).contains("Reason: ").containsAnyOf("Origin: \"" + sleutel + "\"", "Property: " + sleutel + "\n");
        assertThat(rapport).doesNotContain("proef-sleutel");
    }
}
