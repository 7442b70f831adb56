package nl.bronhub.afnemers;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of delivery an afnemer can be registered for, by the name used in the API and the register. */
public enum Leveringsoort {
    GTB("gtb", "De GTB: bekostigde leerlingen per BRIN, vestiging, soort onderwijs en leeftijdsgroep op een peildatum"),
    REGISTER("register", "Het register: inschrijvingen die op de peildatum lopen, per BRIN, vestiging, soort onderwijs en leeftijdsgroep");

    private final String naam;
    private final String omschrijving;

    Leveringsoort(String naam, String omschrijving) {
        this.naam = naam;
        this.omschrijving = omschrijving;
    }

    public String naam() {
        return naam;
    }

    public String omschrijving() {
        return omschrijving;
    }

    /** The kind by its API name; empty for anything else (which is then never stored or echoed). */
    public static Optional<Leveringsoort> van(String naam) {
        return Arrays.stream(values()).filter(s -> s.naam.equals(naam)).findFirst();
    }
}
