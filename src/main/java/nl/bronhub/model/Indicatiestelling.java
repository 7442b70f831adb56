package nl.bronhub.model;

import java.time.LocalDate;

/** An indicatiestelling (handbook 8.5); brinRec and cviNummer null when not given. */
public record Indicatiestelling(LocalDate datum, String onderwijssoort, String brinRec, String cviNummer) {
}
