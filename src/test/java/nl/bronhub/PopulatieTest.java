package nl.bronhub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import nl.bronhub.benchmark.Generator;
import nl.bronhub.benchmark.Populatie;
import nl.bronhub.aanlevering.Pgn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's synthetic population: the same for a seed, valid and unique BSNs, the promised mix. */
class PopulatieTest {

    @Test
    void dezelfdeSeedGeeftDezelfdePopulatieMetGeldigeUniekeBsns() {
        Populatie a = new Populatie(3, 50, 100);
        Populatie b = new Populatie(3, 50, 100);
        Set<String> bsns = new HashSet<>();
        int zonderBsn = 0;
        int ambulant = 0;
        for (int s = 0; s < 50; s++) {
            assertThat(a.school(s)).isEqualTo(b.school(s));
            for (int j = 0; j < 100; j++) {
                Populatie.Leerling l = a.leerling(s, j);
                assertThat(l).isEqualTo(b.leerling(s, j));
                if (l.bsn() == null) {
                    zonderBsn++;
                } else {
                    assertThat(Pgn.isGeldigBsn(l.bsn())).as(l.bsn()).isTrue();
                    assertThat(bsns.add(l.bsn())).as("unique " + l.bsn()).isTrue();
                }
                ambulant += l.ambulant() ? 1 : 0;
            }
        }
        assertThat(zonderBsn).as("15%% without a number").isBetween(650, 850);
        assertThat(ambulant).isBetween(50, 150);
        assertThat(new Populatie(4, 50, 100).leerling(0, 0)).isNotEqualTo(a.leerling(0, 0));
    }

    @Test
    void deGeneratorSchrijftHetRegisterEnDeGbaGegevensVanDePopulatie(@TempDir Path map) throws Exception {
        Populatie p = new Populatie(3, 20, 10);
        Generator.schrijf(p, map);
        String gba = Files.readString(map.resolve("gba.yaml"));
        String register = Files.readString(map.resolve("instellingen.yaml"));
        assertThat(register).contains("brin: \"" + p.school(19).brin() + "\", soort: WEC");
        // the vendor's certificate acts only for registered aanleverpunten of schools that mandated it
        String aanleverpunten = Files.readString(map.resolve("aanleverpunten.yaml"));
        String toegang = Files.readString(map.resolve("toegang.yaml"));
        for (int i = 0; i < p.scholen(); i++) {
            assertThat(aanleverpunten).contains("{brin: \"" + p.school(i).brin() + "\", aanleverpuntnummer: \"1\"}");
            assertThat(toegang).contains("{brin: \"" + p.school(i).brin() + "\", leverancier: benchmark-las}");
        }
        for (int j = 0; j < 10; j++) {
            Populatie.Leerling l = p.leerling(7, j);
            assertThat(gba.contains(l.achternaam())).isEqualTo(l.bsn() != null);
        }
    }
}
