package nl.bronhub.gba;

import java.time.LocalDate;
import nl.bronhub.model.GbaPersoon;

/**
 * One line of a GBA change file: the person's BSN and the fields that changed. null = unchanged;
 * an empty string = cleared (written '-' in the file).
 */
public record GbaWijziging(int regel, String bsn, LocalDate geboortedatum, String achternaam, String voorvoegsel,
                           String voornamen, String straatnaam, String huisnummer, String huisnummertoevoeging,
                           String postcode, String woonplaats, Boolean geheim) {

    /** The person as the GBA holds them after this change. */
    public GbaPersoon toegepastOp(GbaPersoon p) {
        return new GbaPersoon(p.bsn(),
                geboortedatum != null ? geboortedatum : p.geboortedatum(), p.geslacht(),
                nieuw(voorvoegsel, p.voorvoegsel()), nieuw(achternaam, p.achternaam()), nieuw(voornamen, p.voornamen()),
                nieuw(straatnaam, p.straatnaam()), nieuw(huisnummer, p.huisnummer()),
                nieuw(huisnummertoevoeging, p.huisnummertoevoeging()), nieuw(postcode, p.postcode()),
                nieuw(woonplaats, p.woonplaats()), geheim != null ? geheim : p.geheim());
    }

    static String nieuw(String wijziging, String was) {
        return wijziging == null ? was : wijziging.isEmpty() ? null : wijziging;
    }
}
