package nl.bronhub.model;

import java.time.LocalDate;

/** A person as the municipal person register (GBA/BRP) knows them. */
public record GbaPersoon(String bsn, LocalDate geboortedatum, String geslacht, String voorvoegsel, String achternaam,
                         String voornamen, String straatnaam, String huisnummer, String huisnummertoevoeging,
                         String postcode, String woonplaats, boolean geheim) {
}
