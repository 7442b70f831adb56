package nl.bronhub.validation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.bronhub.contract.v1.GroepVoorkomen;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.processing.Verwerking;

/** The shape of a WEC enrolment (handbook 7.3): regular, ambulante begeleiding, crisis- or observatieplaats. */
final class Vorm {

    private Vorm() {
    }

    static boolean isAmbulanteBegeleiding(Inschrijving i) {
        return !i.getAmbulanteBegeleiding().isEmpty();
    }

    /** Crisis (1) and observatie (2) places are taken without indication. */
    static boolean isCrisisOfObservatie(Inschrijving i) {
        return i.getSoortVerblijf().stream().anyMatch(g -> "1".equals(g.getWaarde().trim()) || "2".equals(g.getWaarde().trim()));
    }

    /** The occurrence of a group in force on a date: the latest with an ingangsdatum on or before it. */
    static Optional<GroepVoorkomen> opDatum(List<GroepVoorkomen> groep, LocalDate datum) {
        return groep.stream()
                .filter(g -> !Verwerking.datum(g.getIngangsdatum()).isAfter(datum))
                .max(Comparator.comparing(g -> Verwerking.datum(g.getIngangsdatum())));
    }

    static boolean isNul(String waarde) {
        return waarde != null && waarde.trim().chars().allMatch(c -> c == '0');
    }
}
