package nl.bronhub;

import java.io.File;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.bronhub.support.Hub;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every code in the signal catalogue (the tests' copy of config/signalen.yaml) reached a LAS in some test of this suite:
 * a code nobody can trigger is either dead or untested; and every GTB signal was on a GTB. Runs after
 * all other test classes.
 */
@Order(Integer.MAX_VALUE)
class SignaalDekkingTest {

    @Test
    @SuppressWarnings("unchecked")
    void elkeCodeUitDeCatalogusWordtDoorEenTestOpgeroepen() throws Exception {
        assumeFalse(LasClient.ONTVANGEN_SIGNALEN.isEmpty(), "only meaningful after the whole suite (mvn verify)");
        Map<String, Object> bestand = new ObjectMapper(new YAMLFactory()).readValue(new File(Hub.SIGNALEN), Map.class);
        Set<String> catalogus = new TreeSet<>(((Map<String, Object>) bestand.get("signalen")).keySet());

        Set<String> nooit = new TreeSet<>(catalogus);
        nooit.removeAll(LasClient.ONTVANGEN_SIGNALEN);

        assertThat(nooit).as("catalogue codes no test received").isEmpty();
        assertThat(LasClient.ONTVANGEN_SIGNALEN).as("codes received that the catalogue lacks").isSubsetOf(catalogus);
    }

    /** The same for the GTB signals (the tests' copy of config/gtb-signalen.yaml): each one shown on a GTB in some test. */
    @Test
    @SuppressWarnings("unchecked")
    void elkGtbSignaalStaatInEenTestOpEenGtb() throws Exception {
        assumeFalse(GtbTest.GEZIEN.isEmpty(), "only meaningful after the whole suite (mvn verify)");
        Map<String, Object> bestand = new ObjectMapper(new YAMLFactory()).readValue(new File(Hub.GTB_SIGNALEN), Map.class);
        Set<Integer> catalogus = new TreeSet<>();
        ((Map<Object, Object>) bestand.get("signalen")).keySet().forEach(k -> catalogus.add(Integer.valueOf(k.toString())));

        Set<Integer> nooit = new TreeSet<>(catalogus);
        nooit.removeAll(GtbTest.GEZIEN);
        assertThat(nooit).as("GTB signals no test saw").isEmpty();
    }
}
