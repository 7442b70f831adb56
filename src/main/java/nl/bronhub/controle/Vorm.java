package nl.bronhub.controle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import nl.bronhub.aanlevering.Waardelijsten;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Voorkomen;

/** The shape of a WEC enrolment (handbook 7.3): regular, ambulante begeleiding, crisis- or observatieplaats. */
final class Vorm {

    private Vorm() {
    }

    /**
     * Whether some period of the enrolment needs an indicatiestelling: ambulante begeleiding always, a
     * place otherwise unless its soort verblijf admits without one (handbook 8.5: crisis, observatie, residential).
     */
    static boolean vraagtIndicatie(Inschrijving i) {
        return i.isAmbulanteBegeleiding() || i.groep(Groep.SOORT_VERBLIJF).stream()
                .anyMatch(g -> !Waardelijsten.VERBLIJF_ZONDER_INDICATIE.contains(g.waarde()));
    }

    /**
     * The period a value is in force: from its ingangsdatum up to (not including) the next one, the last
     * open-ended ({@code tot} null).
     */
    record Periode<T>(LocalDate van, LocalDate tot, T waarde) {

        boolean overlaptMet(Periode<?> ander) {
            return !leeg() && !ander.leeg() && (tot == null || ander.van.isBefore(tot)) && (ander.tot == null || van.isBefore(ander.tot));
        }

        /** An ingangsdatum given twice leaves the first of the two no day of its own. */
        boolean leeg() {
            return tot != null && !van.isBefore(tot);
        }
    }

    /** Every period of a group with history, in date order; an ingangsdatum given twice is 349's, not ours. */
    static <T> List<Periode<T>> perioden(List<T> voorkomens, Function<T, LocalDate> ingang) {
        List<T> op = voorkomens.stream().sorted(Comparator.comparing(ingang)).toList();
        List<Periode<T>> perioden = new ArrayList<>();
        for (int n = 0; n < op.size(); n++) {
            perioden.add(new Periode<>(ingang.apply(op.get(n)), n + 1 < op.size() ? ingang.apply(op.get(n + 1)) : null, op.get(n)));
        }
        return perioden;
    }

    static List<Periode<Voorkomen>> perioden(List<Voorkomen> groep) {
        return perioden(groep, Voorkomen::ingangsdatum);
    }

    static boolean isNul(String waarde) {
        return waarde != null && waarde.chars().allMatch(c -> c == '0');
    }
}
