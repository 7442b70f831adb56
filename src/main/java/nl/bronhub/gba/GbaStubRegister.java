package nl.bronhub.gba;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import java.util.stream.Stream;
import nl.bronhub.ConfigLezer;
import nl.bronhub.model.GbaPersoon;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * GBA stub: the person register from the files in bron.gba.stub.bestanden (config/gba/personen.yaml),
 * read at start.
 */
@Component
@ConditionalOnProperty(name = "bron.gba.register", havingValue = "stub", matchIfMissing = true)
public class GbaStubRegister implements GbaRegister {

    record Regel(String bsn, LocalDate geboortedatum, String geslacht, String voorvoegsel, String achternaam,
                 String voornamen, String straatnaam, String huisnummer, String huisnummertoevoeging, String postcode,
                 String woonplaats, Boolean geheim) {
    }

    record Bestand(List<Regel> personen) {
    }

    private final Map<String, GbaPersoon> personen = new ConcurrentHashMap<>();
    /** The search by surname and birth date, indexed: a scan per pupil without a number showed in the profile. */
    private final Map<String, List<GbaPersoon>> opNaamEnGeboortedatum = new ConcurrentHashMap<>();

    public GbaStubRegister(GbaStubEigenschappen eigenschappen, ConfigLezer config) {
        if (eigenschappen.bestanden().isEmpty()) {
            throw new IllegalStateException("bron.gba.stub.bestanden names no file: the GBA stub needs at least one (config/gba/personen.yaml)");
        }
        for (String bestand : eigenschappen.bestanden()) {
            config.lees(bestand, Bestand.class, "GBA stub data").personen().forEach(r -> personen.put(r.bsn(),
                        new GbaPersoon(r.bsn(), r.geboortedatum(), r.geslacht(), r.voorvoegsel(), r.achternaam(), r.voornamen(),
                                r.straatnaam(), r.huisnummer(), r.huisnummertoevoeging(), r.postcode(), r.woonplaats(),
                                Boolean.TRUE.equals(r.geheim()))));
        }
        personen.values().forEach(this::indexeer);
    }

    @Override
    public Optional<GbaPersoon> zoekOpBsn(String bsn) {
        return Optional.ofNullable(personen.get(bsn));
    }

    @Override
    public synchronized void wijzigingOntvangen(GbaWijziging wijziging) {
        GbaPersoon oud = personen.get(wijziging.bsn());
        if (oud != null) {
            GbaPersoon nieuw = wijziging.toegepastOp(oud);
            opNaamEnGeboortedatum.computeIfPresent(sleutel(oud.achternaam(), oud.geboortedatum()), (k, lijst) -> {
                List<GbaPersoon> rest = lijst.stream().filter(p -> !p.bsn().equals(oud.bsn())).toList();
                return rest.isEmpty() ? null : rest;
            });
            personen.put(nieuw.bsn(), nieuw);
            indexeer(nieuw);
        }
    }

    private void indexeer(GbaPersoon p) {
        opNaamEnGeboortedatum.merge(sleutel(p.achternaam(), p.geboortedatum()), List.of(p),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
    }

    private static String sleutel(String achternaam, LocalDate geboortedatum) {
        return achternaam.trim().toLowerCase(Locale.ROOT) + "|" + geboortedatum;
    }

    @Override
    public List<GbaPersoon> zoekOpNaamEnGeboortedatum(String achternaam, LocalDate geboortedatum) {
        return opNaamEnGeboortedatum.getOrDefault(sleutel(achternaam, geboortedatum), List.of());
    }
}
