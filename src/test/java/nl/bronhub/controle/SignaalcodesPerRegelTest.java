package nl.bronhub.controle;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static nl.bronhub.controle.ModelBerichten.CATALOGUS;
import static nl.bronhub.controle.ModelBerichten.INSTELLINGEN;
import static nl.bronhub.controle.ModelBerichten.KLOK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes each rule bean owns, as the unit tests of this package cover them: a rule that gains or loses a code
 * fails here until its test class says what gives the new code and what does not. Every one is in the catalogue.
 */
class SignaalcodesPerRegelTest {

    @Test
    void elkeRegelHeeftDeCodesDieZijnTestDekt() {
        VastRegister register = new VastRegister();
        Map<InhoudRegel, Set<String>> gedekt = Map.of(
                new AdresRegels(CATALOGUS), Set.of("773", "774", "775", "776", "777", "778", "779"),
                new DatumRegels(CATALOGUS, KLOK), Set.of("305", "314", "331", "332"),
                new LeeftijdRegels(CATALOGUS), Set.of("333", "334"),
                new GroepRegels(INSTELLINGEN, CATALOGUS), Set.of("303", "321", "341", "349", "740"),
                new InstellingRegels(INSTELLINGEN, CATALOGUS), Set.of("301", "337", "348", "356", "397", "399"),
                new IndicatieRegels(INSTELLINGEN, register, CATALOGUS, KLOK), Set.of("325", "326", "345", "740"),
                new AmbulanteBegeleidingRegels(CATALOGUS), Set.of("328", "338", "343", "740"),
                new MutatieRegels(register, CATALOGUS), Set.of("311", "340", "349", "400", "740"));
        gedekt.forEach((regel, codes) -> {
            assertThat(regel.signaalcodes()).as(regel.getClass().getSimpleName()).containsExactlyInAnyOrderElementsOf(codes);
            assertThat(CATALOGUS.codes()).as(regel.getClass().getSimpleName()).containsAll(codes);
        });
    }
}
