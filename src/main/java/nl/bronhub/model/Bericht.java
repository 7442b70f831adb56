package nl.bronhub.model;

/**
 * A bericht once it has passed the format check: what the stages after it (content check, GBA, register,
 * terugkoppeling) work on, never the contract's wire classes. {@code inschrijving} is null when the
 * bericht carries none.
 */
public record Bericht(String identificatie, Mutatiesoort mutatiesoort, Leerling leerling, Inschrijving inschrijving) {

    public boolean is(Mutatiesoort soort) {
        return mutatiesoort == soort;
    }
}
