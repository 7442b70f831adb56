package nl.bronhub.referentie;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An institution of the BRIN register: its type, validity and vestigingen, and whether it is a funded
 * (bekostigde) school; a VGK institution may coach only pupils at funded schools (GTB signal 17).
 */
public record Instelling(String brin, String naam, Soort soort, LocalDate geldigVanaf, LocalDate geldigTot,
                         List<Vestiging> vestigingen, boolean bekostigd) {

    public enum Soort { WPO, WEC, VGK, WVO, WEB }

    /** A vestiging (BRIN + two-digit volgnummer) with the soorten onderwijs it may give. */
    public record Vestiging(String volgnummer, LocalDate geldigVanaf, LocalDate geldigTot, Set<String> soortenOnderwijs) {

        public boolean geldigOp(LocalDate datum) {
            return Instelling.geldig(geldigVanaf, geldigTot, datum);
        }
    }

    public boolean geldigOp(LocalDate datum) {
        return geldig(geldigVanaf, geldigTot, datum);
    }

    public Optional<Vestiging> vestiging(String volgnummer) {
        return vestigingen.stream().filter(v -> v.volgnummer().equals(volgnummer)).findFirst();
    }

    public boolean isEen(Soort... soorten) {
        return Set.of(soorten).contains(soort);
    }

    static boolean geldig(LocalDate vanaf, LocalDate tot, LocalDate datum) {
        return (vanaf == null || !datum.isBefore(vanaf)) && (tot == null || !datum.isAfter(tot));
    }
}
