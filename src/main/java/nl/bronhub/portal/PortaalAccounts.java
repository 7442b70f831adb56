package nl.bronhub.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.bronhub.OngeldigeInvoer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The schools' sign-in for the portal: one account per BRIN, its password kept only as a hash. The
 * password is the wachtwoordbrief's content (connection plan step 1): the operator has one made per
 * school, and at first start the hub makes one for each school of the aanleverpunt seed and writes it to
 * bron.portaal.wachtwoordbrieven/BRIN.txt (owner-only), as the demo's letter. A school may then choose its
 * own. Failed sign-ins in a row lock the account for a while (bron.portaal.max-mislukte-pogingen,
 * bron.portaal.blokkade); the count lives in the database, so a restart or another instance does not
 * reset it. The lock runs on the machine's clock, not the hub's date clock, which a demonstration fixes.
 */
// after AanleverpuntRegister's seed: the letters are for the seeded schools
@Component
@org.springframework.core.annotation.Order(200)
public class PortaalAccounts implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PortaalAccounts.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Clock klok;
    private final Clock tijd = Clock.systemUTC();
    private final String brievenMap;
    private final int maxMislukt;
    private final Duration blokkade;
    private final int minLengte;

    public PortaalAccounts(NamedParameterJdbcTemplate jdbc, Clock klok, @Value("${bron.portaal.wachtwoordbrieven:}") String brievenMap,
                           @Value("${bron.portaal.max-mislukte-pogingen:5}") int maxMislukt,
                           @Value("${bron.portaal.blokkade:PT15M}") Duration blokkade,
                           @Value("${bron.portaal.min-wachtwoordlengte:12}") int minLengte) {
        this.jdbc = jdbc;
        this.klok = klok;
        this.brievenMap = brievenMap;
        this.maxMislukt = maxMislukt;
        this.blokkade = blokkade;
        this.minLengte = minLengte;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(brievenMap)) {
            return;
        }
        List<String> zonder = jdbc.queryForList("select distinct a.brin from aanleverpunt a where not exists "
                + "(select 1 from portaal_account p where p.brin = a.brin) order by a.brin", Map.of(), String.class);
        for (String brin : zonder) {
            String wachtwoord = nieuwWachtwoord(brin);
            Path brief = Path.of(brievenMap, brin + ".txt");
            try {
                Files.createDirectories(brief.getParent());
                Files.writeString(brief, wachtwoord + "\n");
                try {
                    Files.setPosixFilePermissions(brief, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException geenPosix) {
                    // the directory's protection applies
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.info("Portal account made for school {}; its password is in {}", brin, brief);
        }
    }

    /**
     * Makes (or replaces) the school's password and returns it, once: only its hash is kept. A new letter
     * also lifts a lock, since it is how a school that forgot its password gets back in.
     */
    public String nieuwWachtwoord(String brin) {
        byte[] willekeurig = new byte[12];
        new SecureRandom().nextBytes(willekeurig);
        String wachtwoord = Base64.getUrlEncoder().withoutPadding().encodeToString(willekeurig);
        MapSqlParameterSource p = new MapSqlParameterSource("brin", brin).addValue("hash", encoder.encode(wachtwoord))
                .addValue("nu", Timestamp.from(klok.instant()));
        if (jdbc.update("update portaal_account set wachtwoord = :hash, aangemaakt_op = :nu, mislukte_pogingen = 0, "
                + "geblokkeerd_tot = null, zelf_gekozen_op = null where brin = :brin", p) == 0) {
            jdbc.update("insert into portaal_account (brin, wachtwoord, aangemaakt_op) values (:brin, :hash, :nu)", p);
        }
        return wachtwoord;
    }

    /**
     * The school replaces its password with one of its own choice; the current one must be given. A wrong
     * current password counts as a failed sign-in.
     */
    public void kiesWachtwoord(String brin, String huidig, String nieuw, String herhaling) {
        String hash = jdbc.queryForObject("select wachtwoord from portaal_account where brin = :brin", Map.of("brin", brin), String.class);
        if (huidig == null || !encoder.matches(huidig, hash)) {
            mislukt(brin);
            throw new OngeldigeInvoer("Uw huidige wachtwoord is onjuist.");
        }
        if (nieuw == null || nieuw.length() < minLengte) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord moet minstens " + minLengte + " tekens lang zijn.");
        }
        // bcrypt reads no more than 72 bytes, and Spring's encoder refuses a longer password outright
        if (nieuw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord is te lang: hoogstens 72 tekens (een letter met accent of een ander "
                    + "bijzonder teken telt voor twee tot vier).");
        }
        if (!nieuw.equals(herhaling)) {
            throw new OngeldigeInvoer("De herhaling is niet gelijk aan het nieuwe wachtwoord.");
        }
        if (nieuw.equals(huidig)) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord moet anders zijn dan het huidige.");
        }
        if (nieuw.toUpperCase().contains(brin.toUpperCase())) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord mag het BRIN-nummer niet bevatten.");
        }
        jdbc.update("update portaal_account set wachtwoord = :hash, zelf_gekozen_op = :nu, mislukte_pogingen = 0 where brin = :brin",
                new MapSqlParameterSource("brin", brin).addValue("hash", encoder.encode(nieuw)).addValue("nu", Timestamp.from(klok.instant())));
        LOG.info("School {} chose a new portal password", brin);
    }

    /** For Spring Security's form login: the school signs in with its BRIN-nummer; a locked account is refused before its password is checked. */
    public UserDetails laad(String brin) {
        if (!isBrin(brin)) {
            // not worth a look-up (and PostgreSQL refuses a NUL in a parameter, with an ERROR in the log)
            throw new UsernameNotFoundException("no portal account");
        }
        List<UserDetails> account = jdbc.query("select brin, wachtwoord, geblokkeerd_tot from portaal_account where brin = :brin",
                Map.of("brin", normaal(brin)), (rs, i) -> {
                    Timestamp tot = rs.getTimestamp("geblokkeerd_tot");
                    return User.withUsername(rs.getString("brin")).password(rs.getString("wachtwoord")).roles("SCHOOL")
                            .accountLocked(tot != null && tot.toInstant().isAfter(tijd.instant())).build();
                });
        if (account.isEmpty()) {
            throw new UsernameNotFoundException("no portal account");
        }
        return account.get(0);
    }

    /**
     * A wrong password for this BRIN: counts it, and at the limit locks the account (and starts the count
     * again). True when the account is locked now.
     */
    public boolean mislukt(String brin) {
        if (!isBrin(brin)) {
            return false;
        }
        String naam = normaal(brin);
        Instant nu = tijd.instant();
        // one statement, so that two guesses at once cannot both read the same count
        int bijgewerkt = jdbc.update("update portaal_account set "
                + "geblokkeerd_tot = case when mislukte_pogingen + 1 >= :max then :tot else geblokkeerd_tot end, "
                + "mislukte_pogingen = case when mislukte_pogingen + 1 >= :max then 0 else mislukte_pogingen + 1 end "
                + "where brin = :brin", new MapSqlParameterSource("brin", naam).addValue("max", maxMislukt)
                .addValue("tot", Timestamp.from(nu.plus(blokkade))));
        if (bijgewerkt == 0) {
            return false;
        }
        Timestamp tot = jdbc.queryForObject("select geblokkeerd_tot from portaal_account where brin = :brin", Map.of("brin", naam),
                Timestamp.class);
        boolean geblokkeerd = tot != null && tot.toInstant().isAfter(nu);
        if (geblokkeerd) {
            LOG.warn("Portal account of school {} locked for {} after {} failed sign-ins in a row", naam, blokkade, maxMislukt);
        }
        return geblokkeerd;
    }

    /** A successful sign-in starts the count of failures again. */
    public void gelukt(String brin) {
        jdbc.update("update portaal_account set mislukte_pogingen = 0 where brin = :brin and mislukte_pogingen <> 0",
                Map.of("brin", normaal(brin)));
    }

    /** The account as the operator sees it, when a school calls: made when, own password since, locked until. */
    public record Staat(Instant aangemaaktOp, Instant zelfGekozenOp, int mislukteInloggen, Instant geblokkeerdTot) {
    }

    public Optional<Staat> staat(String brin) {
        Instant nu = tijd.instant();
        return jdbc.query("select aangemaakt_op, zelf_gekozen_op, mislukte_pogingen, geblokkeerd_tot from portaal_account where brin = :brin",
                Map.of("brin", normaal(brin)), (rs, i) -> {
                    Timestamp tot = rs.getTimestamp("geblokkeerd_tot");
                    Timestamp zelf = rs.getTimestamp("zelf_gekozen_op");
                    return new Staat(rs.getTimestamp("aangemaakt_op").toInstant(), zelf == null ? null : zelf.toInstant(),
                            rs.getInt("mislukte_pogingen"), tot == null || !tot.toInstant().isAfter(nu) ? null : tot.toInstant());
                }).stream().findFirst();
    }

    public Duration blokkade() {
        return blokkade;
    }

    /** How many wrong passwords in a row lock the account (the sign-in page warns of it). */
    public int maxPogingen() {
        return maxMislukt;
    }

    public int minLengte() {
        return minLengte;
    }

    private static boolean isBrin(String brin) {
        return nl.bronhub.intake.Formaten.BRIN.matcher(normaal(brin)).matches();
    }

    private static String normaal(String brin) {
        return brin == null ? "" : brin.trim().toUpperCase();
    }

    public PasswordEncoder encoder() {
        return encoder;
    }
}
