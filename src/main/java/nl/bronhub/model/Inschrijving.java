package nl.bronhub.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An enrolment as a bericht gives it, or as the register holds it: its dates, the six groups with
 * history, the indicatiestellingen and the ambulante begeleiding. Texts trimmed, null when empty.
 */
public record Inschrijving(LocalDate datumInschrijving, LocalDate datumUitschrijving, String brinTeruggeplaatsteLeerling,
                           String aanduidingNnca, Map<Groep, List<Voorkomen>> groepen,
                           List<Indicatiestelling> indicatiestellingen, List<AmbulanteBegeleiding> ambulanteBegeleiding) {

    public Inschrijving {
        EnumMap<Groep, List<Voorkomen>> alle = new EnumMap<>(Groep.class);
        for (Groep g : Groep.values()) {
            alle.put(g, List.copyOf(groepen.getOrDefault(g, List.of())));
        }
        groepen = Collections.unmodifiableMap(alle);
        indicatiestellingen = List.copyOf(indicatiestellingen);
        ambulanteBegeleiding = List.copyOf(ambulanteBegeleiding);
    }

    /** The group's occurrences as given (empty when none). */
    public List<Voorkomen> groep(Groep groep) {
        return groepen.get(groep);
    }

    /** An enrolment for ambulante begeleiding (handbook 7.3.2) rather than a place. */
    public boolean isAmbulanteBegeleiding() {
        return !ambulanteBegeleiding.isEmpty();
    }
}
