package nl.bronhub.afnemers;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.aanlevering.FormaatControle;
import nl.bronhub.registratie.AanleverpuntGegevens;
import nl.bronhub.Wachtwoordcodering;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The afnemer register: who receives deliveries, and which kinds. The operator registers an afnemer and has the hub
 * make its secret, shown once; only the secret's hash is kept, so a new one replaces it and the old one stops at once.
 */
@Component
public class Afnemers {

    /** An afnemer's code: its user name at sign-in (cbs, ocw, inspectie, gemeente-0363). */
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,29}");

    public record Afnemer(String code, String naam, List<String> leveringen, boolean geheimGemaakt, Instant aangemaaktOp,
                          Instant gewijzigdOp) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;
    private final PasswordEncoder encoder = Wachtwoordcodering.nieuw();
    private final SecureRandom willekeur = new SecureRandom();

    public Afnemers(NamedParameterJdbcTemplate jdbc, Clock klok) {
        this.jdbc = jdbc;
        this.klok = klok;
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    /** Registers or changes an afnemer; what it may receive is replaced as a whole. Refused input changes nothing. */
    @Transactional
    public Afnemer bewaar(String code, String naam, List<String> leveringen) {
        controleerCode(code);
        // as the aanleverpunt's texts: no control, invisible or formatting character (a right-to-left override disguises a
        // name in the operator's lists), no line separator, private-use or blank-looking letter, no U+FFFD
        if (naam == null || naam.isBlank() || naam.length() > 200 || naam.codePoints().anyMatch(Character::isISOControl)
                || !naam.matches(AanleverpuntGegevens.ZONDER_STUURTEKENS) || FormaatControle.alsFormule(naam)) {
            throw new OngeldigeInvoer("naam", "naam is verplicht: 1 tot 200 tekens, geen regeleinden, stuurtekens of onzichtbare tekens, "
                    + "en niet beginnend met =, +, - of @ (een formule in een rekenblad)");
        }
        if (leveringen == null || leveringen.isEmpty()) {
            throw new OngeldigeInvoer("leveringen", "leveringen noemt ten minste een soort levering: " + namen());
        }
        Set<Leveringsoort> soorten = EnumSet.noneOf(Leveringsoort.class);
        for (String l : leveringen) {
            Leveringsoort soort = Leveringsoort.van(l)
                    .orElseThrow(() -> new OngeldigeInvoer("leveringen", "leveringen bevat een onbekende soort; bekend zijn " + namen()));
            if (!soorten.add(soort)) {
                throw new OngeldigeInvoer("leveringen", "leveringen noemt een soort twee keer");
            }
        }
        Timestamp nu = Timestamp.from(klok.instant());
        MapSqlParameterSource p = new MapSqlParameterSource("code", code).addValue("naam", naam.trim()).addValue("nu", nu);
        if (jdbc.update("update afnemer set naam = :naam, gewijzigd_op = :nu where code = :code", p) == 0) {
            jdbc.update("insert into afnemer (code, naam, aangemaakt_op, gewijzigd_op) values (:code, :naam, :nu, :nu)", p);
        }
        jdbc.update("delete from afnemer_levering_soort where afnemer = :code", p);
        for (Leveringsoort s : soorten) {
            jdbc.update("insert into afnemer_levering_soort (afnemer, soort) values (:code, :soort)",
                    new MapSqlParameterSource("code", code).addValue("soort", s.naam()));
        }
        return zoek(code).orElseThrow();
    }

    public List<Afnemer> alle() {
        return lees("select s.afnemer, s.soort from afnemer_levering_soort s join afnemer a on a.code = s.afnemer order by s.soort",
                "select a.code, a.naam, a.geheim, a.aangemaakt_op, a.gewijzigd_op from afnemer a order by a.code", new MapSqlParameterSource());
    }

    public Optional<Afnemer> zoek(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return lees("select s.afnemer, s.soort from afnemer_levering_soort s join afnemer a on a.code = s.afnemer where a.code = :code order by s.soort",
                "select a.code, a.naam, a.geheim, a.aangemaakt_op, a.gewijzigd_op from afnemer a where a.code = :code order by a.code",
                new MapSqlParameterSource("code", code)).stream().findFirst();
    }

    /** Makes a new secret for the afnemer (the old one stops at once) and gives it this once; only its hash is kept. */
    @Transactional
    public Optional<String> nieuwGeheim(String code) {
        controleerCode(code);
        byte[] b = new byte[24];
        willekeur.nextBytes(b);
        String geheim = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        int n = jdbc.update("update afnemer set geheim = :hash, gewijzigd_op = :nu where code = :code",
                new MapSqlParameterSource("code", code).addValue("hash", encoder.encode(geheim))
                        .addValue("nu", Timestamp.from(klok.instant())));
        return n == 0 ? Optional.empty() : Optional.of(geheim);
    }

    /** Removes the afnemer: it can no longer sign in. Its audit rows stay. */
    @Transactional
    public boolean verwijder(String code) {
        controleerCode(code);
        return jdbc.update("delete from afnemer where code = :code", new MapSqlParameterSource("code", code)) > 0;
    }

    public boolean mag(String code, Leveringsoort soort) {
        return zoek(code).map(a -> a.leveringen().contains(soort.naam())).orElse(false);
    }

    /** For HTTP Basic at /afnemers/**: the afnemer by code, with the hash of its secret. */
    public UserDetails laad(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new UsernameNotFoundException("onbekend");
        }
        List<String> hash = jdbc.queryForList("select geheim from afnemer where code = :code and geheim is not null",
                new MapSqlParameterSource("code", code), String.class);
        if (hash.isEmpty()) {
            throw new UsernameNotFoundException("onbekend");
        }
        return User.withUsername(code).password(hash.get(0)).roles("AFNEMER").build();
    }

    private List<Afnemer> lees(String soortenSql, String afnemersSql, MapSqlParameterSource p) {
        Map<String, List<String>> soorten = new LinkedHashMap<>();
        jdbc.query(soortenSql, p, rs -> {
                    soorten.computeIfAbsent(rs.getString("afnemer"), c -> new ArrayList<>()).add(rs.getString("soort"));
                });
        return jdbc.query(afnemersSql, p,
                (rs, n) -> new Afnemer(rs.getString("code"), rs.getString("naam"), List.copyOf(soorten.getOrDefault(rs.getString("code"),
                        List.of())), rs.getString("geheim") != null, rs.getTimestamp("aangemaakt_op").toInstant(),
                        rs.getTimestamp("gewijzigd_op").toInstant()));
    }

    private static void controleerCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new OngeldigeInvoer("code", "code moet 2 tot 30 tekens zijn: kleine letters, cijfers en -, beginnend met een letter");
        }
    }

    private static String namen() {
        return Arrays.stream(Leveringsoort.values()).map(Leveringsoort::naam).toList().toString();
    }
}
