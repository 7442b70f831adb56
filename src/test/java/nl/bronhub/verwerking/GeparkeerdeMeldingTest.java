package nl.bronhub.verwerking;

import nl.bronhub.OngeldigeInvoer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a parked bericht says about its failure: the hub's own coded texts, never a library's (which can quote a pupil). */
class GeparkeerdeMeldingTest {

    @Test
    void eigenGecodeerdeTekstWelVreemdeTekstNiet() {
        assertThat(MislukteVerwerking.melding(new OngeldigeInvoer("brinWec", "regel een: brinWec moet een BRIN-nummer zijn")))
                .isEqualTo("regel een: brinWec moet een BRIN-nummer zijn");
        assertThat(MislukteVerwerking.melding(new IllegalStateException("omhulsel", new OngeldigeInvoer("pgn moet negen cijfers zijn"))))
                .isEqualTo("pgn moet negen cijfers zijn");

        String vreemd = MislukteVerwerking.melding(new IllegalArgumentException("achternaam Jansen past niet"));
        assertThat(vreemd).startsWith("onverwachte fout in de verwerking").doesNotContain("Jansen");
        String database = MislukteVerwerking.melding(new IllegalStateException("x", new DataIntegrityViolationException("waarde Pietersen")));
        assertThat(database).startsWith("de database gaf een fout").doesNotContain("Pietersen");
        assertThat(MislukteVerwerking.melding(null)).isNull();
    }
}
