package nl.bronhub.benchmark;

import java.util.List;

import nl.bronhub.benchmark.Profiel.Groep;
import nl.bronhub.benchmark.Profiel.Monster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The profile summary of a benchmark run, on samples whose answer is known. */
class ProfielTest {

    private static final String REGISTREER = "nl.bronhub.registratie.Register.registreer";
    private static final String PLAATS = "nl.bronhub.terugkoppeling.TerugkoppelingWachtrij.plaatsAlle";
    private static final String REEKS = "nl.bronhub.verwerking.Reeks.elk";

    @Test
    void dradenVanEenPoolZijnEenGroepEnEenMethodeTeltInclusiefEenmaalPerMonster() {
        List<Monster> monsters = List.of(
                new Monster("verwerking-1", List.of("org.h2.mvstore.Page.write", REGISTREER, REEKS, "java.lang.Thread.run")),
                // a lambda's frames are not methods of their own
                new Monster("verwerking-2", List.of("java.util.HashMap.get", PLAATS, "nl.bronhub.verwerking.Reeks.lambda$elk$2",
                        "nl.bronhub.verwerking.Reeks$$Lambda$2151+0x00007fad28ccb228.1697759765.accept", REEKS, "java.lang.Thread.run")),
                // recursion: Reeks.elk twice on one stack is still one sample
                new Monster("verwerking-3", List.of("org.h2.mvstore.Page.write", REGISTREER, REEKS, REEKS)),
                new Monster("https-jsse-nio-8081-exec-4", List.of("org.h2.compress.CompressLZF.compress")),
                new Monster("verwerking-1", List.of()));

        List<Groep> groepen = Profiel.verdeel(monsters);

        assertThat(groepen).extracting(Groep::naam, Groep::monsters)
                .containsExactly(tuple("verwerking-#", 4),
                        tuple("https-jsse-nio-#-exec-#", 1));
        Groep verwerking = groepen.get(0);
        assertThat(verwerking.hubMethoden()).containsEntry(REEKS, 3).containsEntry(REGISTREER, 2).containsEntry(PLAATS, 1)
                .hasSize(3);
        assertThat(verwerking.bladBibliotheken()).containsEntry("org.h2.mvstore", 2).containsEntry("java.util", 1)
                .containsEntry("?", 1);
        assertThat(groepen.get(1).hubMethoden()).isEmpty();

        String rapport = Profiel.rapport(groepen, monsters.size(), 2);
        assertThat(rapport).startsWith("5 CPU samples")
                .contains("| verwerking-# | 4 | 80.0% |")
                .contains("| https-jsse-nio-#-exec-# | 1 | 20.0% |")
                // the two largest hub methods of the group, as shares of its own samples
                .contains("| `verwerking.Reeks.elk` | 75.0% |")
                .contains("| `registratie.Register.registreer` | 50.0% |")
                .doesNotContain("plaatsAlle")
                .contains("| org.h2.mvstore | 50.0% |");
    }
}
