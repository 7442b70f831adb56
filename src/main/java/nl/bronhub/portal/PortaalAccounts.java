package nl.bronhub.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
 * bron.portaal.wachtwoordbrieven/BRIN.txt (owner-only), as the demo's letter.
 */
// after AanleverpuntRegister's seed: the letters are for the seeded schools
@Component
@org.springframework.core.annotation.Order(200)
public class PortaalAccounts implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PortaalAccounts.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Clock klok;
    private final String brievenMap;

    public PortaalAccounts(NamedParameterJdbcTemplate jdbc, Clock klok, @Value("${bron.portaal.wachtwoordbrieven:}") String brievenMap) {
        this.jdbc = jdbc;
        this.klok = klok;
        this.brievenMap = brievenMap;
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

    /** Makes (or replaces) the school's password and returns it, once: only its hash is kept. */
    public String nieuwWachtwoord(String brin) {
        byte[] willekeurig = new byte[12];
        new SecureRandom().nextBytes(willekeurig);
        String wachtwoord = Base64.getUrlEncoder().withoutPadding().encodeToString(willekeurig);
        MapSqlParameterSource p = new MapSqlParameterSource("brin", brin).addValue("hash", encoder.encode(wachtwoord))
                .addValue("nu", Timestamp.from(klok.instant()));
        if (jdbc.update("update portaal_account set wachtwoord = :hash, aangemaakt_op = :nu where brin = :brin", p) == 0) {
            jdbc.update("insert into portaal_account (brin, wachtwoord, aangemaakt_op) values (:brin, :hash, :nu)", p);
        }
        return wachtwoord;
    }

    /** For Spring Security's form login: the school signs in with its BRIN-nummer. */
    public UserDetails laad(String brin) {
        String naam = brin == null ? "" : brin.trim().toUpperCase();
        List<String> hash = jdbc.queryForList("select wachtwoord from portaal_account where brin = :brin", Map.of("brin", naam),
                String.class);
        if (hash.isEmpty()) {
            throw new UsernameNotFoundException("no portal account");
        }
        return User.withUsername(naam).password(hash.get(0)).roles("SCHOOL").build();
    }

    public PasswordEncoder encoder() {
        return encoder;
    }
}
