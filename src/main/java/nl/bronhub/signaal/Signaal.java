package nl.bronhub.signaal;

/**
 * A coded finding as the LAS receives it.
 *
 * @param gegeven the element or field it is about, or null
 */
public record Signaal(String code, Ernst ernst, String omschrijving, String gegeven) {

    public boolean isAfkeur() {
        return ernst == Ernst.AFKEUR;
    }
}
