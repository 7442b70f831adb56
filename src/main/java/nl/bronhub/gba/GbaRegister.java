package nl.bronhub.gba;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.bronhub.model.GbaPersoon;

/**
 * The hub's one door to the municipal person register, chosen with bron.gba.register. The stub
 * (GbaStubRegister) reads files in config/. A client of the Haal Centraal BRP API would implement the
 * two look-ups with its queries RaadpleegMetBurgerservicenummer and ZoekMetGeslachtsnaamEnGeboortedatum.
 */
public interface GbaRegister {

    /** RaadpleegMetBurgerservicenummer. */
    Optional<GbaPersoon> zoekOpBsn(String bsn);

    /** ZoekMetGeslachtsnaamEnGeboortedatum: everyone with this surname (case-insensitive) born that day. */
    List<GbaPersoon> zoekOpNaamEnGeboortedatum(String achternaam, LocalDate geboortedatum);

    /**
     * A change the GBA reported through the change feed. A real BRP already holds it; the stub takes it
     * over so that its answers stay in step with the feed.
     */
    default void wijzigingOntvangen(GbaWijziging wijziging) {
    }
}
