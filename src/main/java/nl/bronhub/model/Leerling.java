package nl.bronhub.model;

import java.time.LocalDate;

import nl.bronhub.aanlevering.Waardelijsten;

/**
 * The pupil as a bericht gives them, or as identification settled them (the GBA's data for a BSN pupil).
 * Every text is trimmed; a field left empty is null.
 */
public record Leerling(String bsn, String onderwijsnummer, LocalDate geboortedatum, String geslacht, String achternaam,
                       String voorvoegsel, String voornamen, String straatnaam, String huisnummer,
                       String huisnummertoevoeging, String postcode, String woonplaats, String landcode,
                       String adresregelBuitenland1, String adresregelBuitenland2, String adresregelBuitenland3,
                       boolean adresGeheim) {

    /** An address abroad: a landcode other than the Netherlands' (none is domestic). */
    public boolean buitenland() {
        return landcode != null && !Waardelijsten.NEDERLAND.equals(landcode);
    }

    public Leerling metBsn(String nummer) {
        return new Leerling(nummer, onderwijsnummer, geboortedatum, geslacht, achternaam, voorvoegsel, voornamen, straatnaam,
                huisnummer, huisnummertoevoeging, postcode, woonplaats, landcode, adresregelBuitenland1, adresregelBuitenland2,
                adresregelBuitenland3, adresGeheim);
    }

    public Leerling metOnderwijsnummer(String nummer) {
        return new Leerling(bsn, nummer, geboortedatum, geslacht, achternaam, voorvoegsel, voornamen, straatnaam,
                huisnummer, huisnummertoevoeging, postcode, woonplaats, landcode, adresregelBuitenland1, adresregelBuitenland2,
                adresregelBuitenland3, adresGeheim);
    }

    /** The person register's data replace the school's: a domestic address, or a secret one. */
    public Leerling metPersoonsgegevens(LocalDate geboortedatum, String geslacht, String achternaam, String voorvoegsel,
                                        String voornamen, String straatnaam, String huisnummer, String huisnummertoevoeging,
                                        String postcode, String woonplaats, boolean geheim) {
        return new Leerling(bsn, onderwijsnummer, geboortedatum, tekst(geslacht), tekst(achternaam), tekst(voorvoegsel),
                tekst(voornamen), tekst(straatnaam), tekst(huisnummer), tekst(huisnummertoevoeging), tekst(postcode),
                tekst(woonplaats), null, null, null, null, geheim);
    }

    /** Trimmed, and null for nothing but blanks. */
    public static String tekst(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
