package nl.bronhub.gba;

import java.util.Optional;

/**
 * The hub's one door to the municipal person register. The stub (GbaStubRegister) reads a file in
 * config/; a BRP client (Haal Centraal BRP API, RaadpleegMetBurgerservicenummer) would implement this
 * interface and be chosen with bron.gba.register.
 */
public interface GbaRegister {

    Optional<GbaPersoon> zoekOpBsn(String bsn);
}
