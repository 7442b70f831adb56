package nl.bronhub.gba;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.bronhub.model.GbaPersoon;

/**
 * The hub's one door to the municipal person register, chosen with bron.gba.register. The stub
 * (GbaStubRegister) reads files in config/; BrpRegister asks the Haal Centraal BRP Personen API with its queries
 * RaadpleegMetBurgerservicenummer and ZoekMetGeslachtsnaamEnGeboortedatum. An unknown person is an answer (empty);
 * no answer at all is a GbaOnbereikbaar, and the bericht waits.
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

    /** Keeps a change of the feed, in the transaction that applies it to the register; the stub reads them back at start. */
    default void wijzigingBewaren(GbaWijziging wijziging) {
    }
}
