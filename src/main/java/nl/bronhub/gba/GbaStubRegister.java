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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * GBA stub: the person register from the files in bron.gba.stub.bestanden (config/gba/personen.yaml), read at start,
 * with the changes the GBA change feed brought since (table gba_stub_wijziging, read at first use, after the
 * migrations), so that a restart does not forget them.
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

    private static final String BEWAAR = "insert into gba_stub_wijziging (bsn, geboortedatum, achternaam, voorvoegsel, voornamen, "
            + "straatnaam, huisnummer, huisnummertoevoeging, postcode, woonplaats, geheim) values (:bsn, :geboortedatum, :achternaam, "
            + ":voorvoegsel, :voornamen, :straatnaam, :huisnummer, :toevoeging, :postcode, :woonplaats, :geheim)";

    private final NamedParameterJdbcTemplate jdbc;
    /** Whether the changes kept in the database are applied (at first use: the bean exists before the migrations ran). */
    private volatile boolean bijgewerkt;

    public GbaStubRegister(GbaStubEigenschappen eigenschappen, ConfigLezer config, NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        bijwerken();
        return Optional.ofNullable(personen.get(bsn));
    }

    /** The changes the feed brought before this start, in the order they were applied. */
    private void bijwerken() {
        if (bijgewerkt) {
            return;
        }
        synchronized (this) {
            if (bijgewerkt) {
                return;
            }
            jdbc.query("select * from gba_stub_wijziging order by id", Map.of(), rs -> {
                java.sql.Date geboren = rs.getDate("geboortedatum");
                Object geheim = rs.getObject("geheim");
                pasToe(new GbaWijziging(0, rs.getString("bsn"), geboren == null ? null : geboren.toLocalDate(),
                        rs.getString("achternaam"), rs.getString("voorvoegsel"), rs.getString("voornamen"), rs.getString("straatnaam"),
                        rs.getString("huisnummer"), rs.getString("huisnummertoevoeging"), rs.getString("postcode"),
                        rs.getString("woonplaats"), geheim == null ? null : rs.getBoolean("geheim")));
            });
            bijgewerkt = true;
        }
    }

    /** Kept in the transaction that applies the change file, so the stub's record and the register's go together. */
    @Override
    public void wijzigingBewaren(GbaWijziging w) {
        jdbc.update(BEWAAR, new MapSqlParameterSource("bsn", w.bsn()).addValue("geboortedatum", w.geboortedatum())
                .addValue("achternaam", w.achternaam()).addValue("voorvoegsel", w.voorvoegsel()).addValue("voornamen", w.voornamen())
                .addValue("straatnaam", w.straatnaam()).addValue("huisnummer", w.huisnummer())
                .addValue("toevoeging", w.huisnummertoevoeging()).addValue("postcode", w.postcode())
                .addValue("woonplaats", w.woonplaats()).addValue("geheim", w.geheim()));
    }

    @Override
    public synchronized void wijzigingOntvangen(GbaWijziging wijziging) {
        bijwerken();
        pasToe(wijziging);
    }

    private synchronized void pasToe(GbaWijziging wijziging) {
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
        bijwerken();
        return opNaamEnGeboortedatum.getOrDefault(sleutel(achternaam, geboortedatum), List.of());
    }
}
