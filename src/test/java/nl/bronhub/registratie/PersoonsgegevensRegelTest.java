package nl.bronhub.registratie;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may change the personal data of a pupil without a BSN, without a hub: the school of the pupil's latest
 * inschrijving (the bericht's own included), or, while none has one, the school whose data they are.
 */
class PersoonsgegevensRegelTest {

    private static final LocalDate AUGUSTUS = LocalDate.of(2026, 8, 1);
    private static final LocalDate OKTOBER = LocalDate.of(2026, 10, 1);

    @Test
    void deSchoolVanDeLaatsteInschrijving() {
        Register.Herkomst h = herkomst(null, Map.entry("00AA", AUGUSTUS), Map.entry("00BB", OKTOBER));
        assertThat(Register.magPersoonsgegevensWijzigen("00BB", null, h)).isTrue();
        assertThat(Register.magPersoonsgegevensWijzigen("00AA", null, h)).as("an earlier school").isFalse();
        assertThat(Register.magPersoonsgegevensWijzigen("00CC", null, h)).as("no inschrijving at all").isFalse();
    }

    @Test
    void deInschrijvingVanHetBerichtZelfTelt() {
        Register.Herkomst h = herkomst("00AA", Map.entry("00AA", AUGUSTUS));
        assertThat(Register.magPersoonsgegevensWijzigen("00CC", OKTOBER, h)).as("enrols the pupil later").isTrue();
        assertThat(Register.magPersoonsgegevensWijzigen("00CC", LocalDate.of(2025, 8, 1), h)).as("an earlier one").isFalse();
        // the same day as the latest registered one: the one registered first counts (a second school's made-up enrolment
        // of that day, or its uitschrijving of one, takes nothing over)
        assertThat(Register.magPersoonsgegevensWijzigen("00CC", AUGUSTUS, h)).isFalse();
        assertThat(Register.magPersoonsgegevensWijzigen("00AA", AUGUSTUS, h)).as("the school's own, sent again").isTrue();
        Register.Herkomst beide = herkomst(null, Map.entry("00CC", AUGUSTUS), Map.entry("00AA", AUGUSTUS));
        assertThat(Register.magPersoonsgegevensWijzigen("00CC", null, beide)).isTrue();
        assertThat(Register.magPersoonsgegevensWijzigen("00AA", null, beide)).isFalse();
    }

    @Test
    void zonderInschrijvingDeSchoolVanDeGegevens() {
        assertThat(Register.magPersoonsgegevensWijzigen("00AA", null, herkomst("00AA"))).isTrue();
        assertThat(Register.magPersoonsgegevensWijzigen("00BB", null, herkomst("00AA"))).isFalse();
        // data from before the register kept whose they were
        assertThat(Register.magPersoonsgegevensWijzigen("00BB", null, herkomst(null))).isTrue();
    }

    @SafeVarargs
    private static Register.Herkomst herkomst(String gegevensBrin, Map.Entry<String, LocalDate>... inschrijvingen) {
        return new Register.Herkomst(gegevensBrin, List.of(inschrijvingen));
    }
}
