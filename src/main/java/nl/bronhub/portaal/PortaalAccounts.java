package nl.bronhub.portaal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import java.util.regex.Pattern;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.Wachtwoordcodering;
import nl.bronhub.aanlevering.Formaten;
import nl.bronhub.registratie.AanleverpuntRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The portal's sign-in: one account per school (its BRIN-nummer) and one per bestuur (its five-digit
 * bestuursnummer, the board named on its schools' aanleverpunten), each password kept only as a hash.
 * The two kinds of name never look alike, so one sign-in form serves both. The password is the
 * wachtwoordbrief's content (connection plan step 1): the operator has one made per school or board, and
 * at first start the hub makes one for each school and board of the aanleverpunt seed and writes it to
 * bron.portaal.wachtwoordbrieven/BRIN.txt or bestuur-NUMMER.txt (owner-only), as the demo's letters. A
 * school or board may then choose its own. Wrong passwords in a row from one client address lock the
 * account for that address for a while (bron.portaal.max-mislukte-pogingen, bron.portaal.blokkade): a lock
 * of the whole account would let anyone who knows a BRIN-nummer keep the school out. A name no account has
 * is counted and locked the same way, so that no answer tells which accounts exist. One address that keeps failing at
 * the sign-in for one name after another (a password tried on every school's BRIN-nummer) is locked for every name
 * (bron.portaal.max-mislukt-per-adres failures within one blokkade's duration: row {@code *}).
 * The counts live in the
 * database (portaal_inlogpoging), so a restart or another instance does not reset them. The lock runs on
 * the machine's clock, not the hub's date clock, which a demonstration fixes.
 */
// after AanleverpuntRegister's seed: the letters are for the seeded schools
@Component
@Order(200)
public class PortaalAccounts implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PortaalAccounts.class);

    /** The two kinds of account: their table, key column and role; the tables' names are constants, never input. */
    enum Soort {
        SCHOOL("SCHOOL", "school", new Sql("update portaal_account set wachtwoord = :hash, aangemaakt_op = :nu, zelf_gekozen_op = null where brin = :brin",
                "insert into portaal_account (brin, wachtwoord, aangemaakt_op) values (:brin, :hash, :nu)",
                "select wachtwoord from portaal_account where brin = :brin",
                "update portaal_account set wachtwoord = :hash, zelf_gekozen_op = :nu where brin = :brin",
                "select brin as naam, wachtwoord from portaal_account where brin = :brin",
                "select aangemaakt_op, zelf_gekozen_op from portaal_account where brin = :brin")),
        // a board's account counts only while an aanleverpunt names the board: one no aanleverpunt names any more has no
        // schools to follow, and is as good as gone (no letter can be made for it either) until it is named again
        BESTUUR("BESTUUR", "bestuur", new Sql("update bestuur_account set wachtwoord = :hash, aangemaakt_op = :nu, zelf_gekozen_op = null where nummer = :brin",
                "insert into bestuur_account (nummer, wachtwoord, aangemaakt_op) values (:brin, :hash, :nu)",
                "select wachtwoord from bestuur_account where nummer = :brin",
                "update bestuur_account set wachtwoord = :hash, zelf_gekozen_op = :nu where nummer = :brin",
                "select nummer as naam, wachtwoord from bestuur_account where nummer = :brin and exists (select 1 from aanleverpunt a where a.bestuur_nummer = bestuur_account.nummer)",
                "select aangemaakt_op, zelf_gekozen_op from bestuur_account where nummer = :brin"));

        final String rol;
        final String woord;
        final Sql sql;

        Soort(String rol, String woord, Sql sql) {
            this.rol = rol;
            this.woord = woord;
            this.sql = sql;
        }

        /** The kind a sign-in name has, or none: a BRIN (00AA) or a bestuursnummer (five digits). */
        static Optional<Soort> van(String naam) {
            String n = normaal(naam);
            return Formaten.BRIN.matcher(n).matches() ? Optional.of(SCHOOL)
                    : BESTUURSNUMMER.matcher(n).matches() ? Optional.of(BESTUUR) : Optional.empty();
        }
    }

    /** Each kind's statements, written out whole (its own table and key column; no SQL is put together). */
    record Sql(String nieuw, String maak, String hash, String eigen, String laad, String staat) {
    }

    /** A board's number, as the bevoegd gezag's number in the education register: five digits. */
    public static final Pattern BESTUURSNUMMER = Pattern.compile("[0-9]{5}");

    private final NamedParameterJdbcTemplate jdbc;
    private final PasswordEncoder encoder = Wachtwoordcodering.nieuw();
    private final Clock klok;
    private final Clock tijd = Clock.systemUTC();
    private final String brievenMap;
    private final int maxMislukt;
    private final int maxMisluktPerAdres;
    private final Duration blokkade;
    private final int minLengte;

    public PortaalAccounts(NamedParameterJdbcTemplate jdbc, Clock klok, PortaalEigenschappen eigenschappen) {
        this.jdbc = jdbc;
        this.klok = klok;
        this.brievenMap = eigenschappen.wachtwoordbrieven();
        this.maxMislukt = eigenschappen.maxMisluktePogingen();
        this.maxMisluktPerAdres = eigenschappen.maxMisluktPerAdres();
        this.blokkade = eigenschappen.blokkade();
        this.minLengte = eigenschappen.minWachtwoordlengte();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(brievenMap)) {
            return;
        }
        List<String> zonder = jdbc.queryForList("select distinct a.brin from aanleverpunt a where not exists "
                + "(select 1 from portaal_account p where p.brin = a.brin) order by a.brin", Map.of(), String.class);
        List<String> besturen = jdbc.queryForList("select distinct a.bestuur_nummer from aanleverpunt a where a.bestuur_nummer is not null "
                + "and not exists (select 1 from bestuur_account b where b.nummer = a.bestuur_nummer) order by a.bestuur_nummer",
                Map.of(), String.class);
        for (String brin : zonder) {
            schrijfBrief(brin, briefBestand(brin));
        }
        for (String nummer : besturen) {
            schrijfBrief(nummer, briefBestand(nummer));
        }
    }

    /** The first-start letter's file of a school (BRIN.txt) or a board (bestuur-NUMMER.txt). */
    private static String briefBestand(String naam) {
        return (Soort.van(naam).orElseThrow() == Soort.BESTUUR ? "bestuur-" : "") + naam + ".txt";
    }

    private void schrijfBrief(String naam, String bestand) {
        String wachtwoord = nieuwWachtwoord(naam);
        Path brief = Path.of(brievenMap, bestand);
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
        LOG.info("Portal account made for {} {}; its password is in {}", Soort.van(naam).orElseThrow().woord, naam, brief);
    }

    /**
     * Makes (or replaces) the password of a school (BRIN) or board (bestuursnummer) and returns it, once:
     * only its hash is kept. A new letter also lifts a lock, since it is how one who forgot the password
     * gets back in.
     */
    public String nieuwWachtwoord(String brin) {
        Soort soort = Soort.van(brin).orElseThrow(() -> new IllegalArgumentException("no BRIN and no bestuursnummer"));
        byte[] willekeurig = new byte[12];
        new SecureRandom().nextBytes(willekeurig);
        String wachtwoord = Base64.getUrlEncoder().withoutPadding().encodeToString(willekeurig);
        MapSqlParameterSource p = new MapSqlParameterSource("brin", brin).addValue("hash", encoder.encode(wachtwoord))
                .addValue("nu", Timestamp.from(klok.instant()));
        if (jdbc.update(soort.sql.nieuw(), p) == 0) {
            jdbc.update(soort.sql.maak(), p);
        }
        jdbc.update("delete from portaal_inlogpoging where naam = :brin", p);
        // a letter written at first start no longer holds the password: gone, so that nobody signs in with it in vain
        verwijderBrief(brin);
        return wachtwoord;
    }

    /** The first-start letter's file of this school or board, when there is one: it no longer holds a password. */
    private void verwijderBrief(String naam) {
        if (StringUtils.hasText(brievenMap)) {
            try {
                Files.deleteIfExists(Path.of(brievenMap, briefBestand(naam)));
            } catch (IOException e) {
                LOG.warn("The old letter of {} could not be removed from {}: {}", naam, brievenMap, e.getClass().getSimpleName());
            }
        }
    }

    /**
     * The school or board replaces its password with one of its own choice; the current one must be given.
     * A wrong current password counts as a failed sign-in from that address, and while the address is
     * locked the current password is not checked at all (else an open session could go on guessing it).
     */
    public void kiesWachtwoord(String brin, String adres, String huidig, String nieuw, String herhaling) {
        // one password check at a time per address, as at the sign-in
        try (Beurt beurt = beurt(adres).orElseThrow(() -> new OngeldigeInvoer(
                "Vanaf uw internetadres wordt op dit moment vaak tegelijk een wachtwoord gegeven. Probeer het over een minuut opnieuw."))) {
            kiesWachtwoordInBeurt(brin, adres, huidig, nieuw, herhaling);
        }
    }

    private void kiesWachtwoordInBeurt(String brin, String adres, String huidig, String getypt, String herhalingGetypt) {
        Soort soort = Soort.van(brin).orElseThrow();
        // judged, repeated and stored composed (NFC), as it is compared at sign-in
        String nieuw = Wachtwoordcodering.normaal(getypt);
        String herhaling = Wachtwoordcodering.normaal(herhalingGetypt);
        if (geblokkeerdTot(brin, adres).isPresent()) {
            throw new OngeldigeInvoer(geblokkeerdTekst());
        }
        String hash = jdbc.queryForObject(soort.sql.hash(),
                Map.of("brin", brin), String.class);
        if (huidig == null || !encoder.matches(huidig, hash)) {
            throw new OngeldigeInvoer(mislukt(brin, adres) ? geblokkeerdTekst() : "Uw huidige wachtwoord is onjuist. Let op: na "
                    + maxMislukt + " keer achter elkaar een onjuist wachtwoord wordt het account " + PortaalController.duur(blokkade)
                    + " geblokkeerd.");
        }
        // the right current password ends a row of wrong ones, as a sign-in does
        gelukt(brin, adres);
        if (nieuw == null || nieuw.length() < minLengte) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord moet minstens " + minLengte + " tekens lang zijn.");
        }
        if (nieuw.isBlank()) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord moet meer bevatten dan spaties.");
        }
        // twelve times one letter is twelve characters, but guessed first
        if (nieuw.codePoints().distinct().count() < MIN_VERSCHILLEND) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord moet minstens " + MIN_VERSCHILLEND + " verschillende tekens bevatten.");
        }
        // a NUL, a line break or an invisible character no keyboard types at the sign-in: the school would lock itself out
        if (nieuw.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.PRIVATE_USE
                || Character.getType(c) == Character.UNASSIGNED)) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord bevat een teken dat niet te typen is (een stuurteken of onzichtbaar teken).");
        }
        // bcrypt reads no more than 72 bytes, and Spring's encoder refuses to encode a longer password
        if (Wachtwoordcodering.teLang(nieuw)) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord is te lang: hoogstens 72 tekens (een letter met accent of een ander "
                    + "bijzonder teken telt voor twee tot vier).");
        }
        if (!nieuw.equals(herhaling)) {
            throw new OngeldigeInvoer("De herhaling is niet gelijk aan het nieuwe wachtwoord.");
        }
        if (nieuw.equals(Wachtwoordcodering.normaal(huidig))) {
            throw new OngeldigeInvoer("Het nieuwe wachtwoord moet anders zijn dan het huidige.");
        }
        if (nieuw.toUpperCase().contains(brin.toUpperCase())) {
            throw new OngeldigeInvoer(soort == Soort.SCHOOL ? "Het nieuwe wachtwoord mag het BRIN-nummer niet bevatten."
                    : "Het nieuwe wachtwoord mag het bestuursnummer niet bevatten.");
        }
        jdbc.update(soort.sql.eigen(),
                new MapSqlParameterSource("brin", brin).addValue("hash", encoder.encode(nieuw)).addValue("nu", Timestamp.from(klok.instant())));
        LOG.info("Portal account of {} {} got a password of its own choice", soort.woord, brin);
    }

    private String geblokkeerdTekst() {
        return "Er is te vaak een onjuist wachtwoord gegeven. Uw account is geblokkeerd: probeer het na " + PortaalController.duur(blokkade)
                + " opnieuw, of vraag de helpdesk om een nieuwe wachtwoordbrief.";
    }

    /**
     * For Spring Security's form login: a school signs in with its BRIN-nummer (role SCHOOL), a board with
     * its bestuursnummer (role BESTUUR). Whether the address is locked is asked before (InlogBlokkade).
     */
    public UserDetails laad(String brin) {
        // a name of neither form is not worth a look-up (and PostgreSQL refuses a NUL in a parameter, with an ERROR in the log)
        Soort soort = Soort.van(brin).orElseThrow(() -> new UsernameNotFoundException("no portal account"));
        // a board no aanleverpunt names any more has no schools to follow: its account is as good as gone (a letter for it
        // cannot be made either), until an aanleverpunt names it again and the operator makes it a new letter
        List<UserDetails> account = jdbc.query(soort.sql.laad(), Map.of("brin", normaal(brin)), (rs, i) ->
                User.withUsername(rs.getString("naam")).password(rs.getString("wachtwoord")).roles(soort.rol).build());
        if (account.isEmpty()) {
            throw new UsernameNotFoundException("no portal account");
        }
        return account.get(0);
    }

    /** Until when this name is locked for this client address, if it is. */
    public Optional<Instant> geblokkeerdTot(String brin, String adres) {
        if (Soort.van(brin).isEmpty()) {
            return Optional.empty();
        }
        return slotTot(normaal(brin), adres);
    }

    /** The lock in force of one row of portaal_inlogpoging (a name's, or {@link #ELKE_NAAM}), if any. */
    private Optional<Instant> slotTot(String naam, String adres) {
        Instant nu = tijd.instant();
        return jdbc.query("select geblokkeerd_tot from portaal_inlogpoging where naam = :naam and adres = :adres",
                        new MapSqlParameterSource("naam", naam).addValue("adres", adres(adres)),
                        (rs, i) -> rs.getTimestamp("geblokkeerd_tot")).stream()
                .filter(Objects::nonNull).map(Timestamp::toInstant).filter(t -> t.isAfter(nu)).findFirst();
    }

    /**
     * Counts one failure in a row of portaal_inlogpoging: the update {@code tel} (one statement, so that two guesses at
     * once cannot both read the same count), or, for a row not there yet, the insert; false when the row was new.
     */
    private boolean tel(String tel, String nieuw, MapSqlParameterSource p) {
        if (jdbc.update(tel, p) > 0) {
            return true;
        }
        try {
            jdbc.update(nieuw, p);
        } catch (DuplicateKeyException tegelijk) {
            jdbc.update(tel, p);
        }
        return false;
    }

    /** The name of the row that counts an address's failed sign-ins for any name. */
    private static final String ELKE_NAAM = "*";

    /** How many different characters a chosen password has at least. */
    static final int MIN_VERSCHILLEND = 5;

    /** Until when this address may not sign in under any name, if it is locked. */
    public Optional<Instant> adresGeblokkeerdTot(String adres) {
        return slotTot(ELKE_NAAM, adres);
    }

    /** What the sign-in page tells after a sign-in that did not succeed, by the query parameter it is sent back with. */
    public enum Uitslag {
        /** A wrong name or password. */
        FOUT("fout"),
        /** This name is locked for this address. */
        GEBLOKKEERD("geblokkeerd"),
        /** This address is locked for every name. */
        ADRES_GEBLOKKEERD("adresgeblokkeerd"),
        /** Sign-ins from this address queued longer than {@link #BEURT_WACHTEN}. */
        DRUK("druk");

        public final String parameter;

        Uitslag(String parameter) {
            this.parameter = parameter;
        }
    }

    /**
     * A failed sign-in: counted for the name (as {@link #mislukt}) and for the address whatever the name; says whether
     * either is locked now (the address's lock first, which a new letter does not lift). The address's count covers one
     * blokkade from its first failure, then starts again.
     */
    public Uitslag misluktInloggen(String brin, String adres) {
        boolean naamGeblokkeerd = mislukt(brin, adres);
        if (Soort.van(brin).isEmpty()) {
            return naamGeblokkeerd ? Uitslag.GEBLOKKEERD : Uitslag.FOUT;
        }
        Instant nu = tijd.instant();
        MapSqlParameterSource p = new MapSqlParameterSource("naam", ELKE_NAAM).addValue("adres", adres(adres))
                .addValue("max", maxMisluktPerAdres).addValue("nu", Timestamp.from(nu))
                .addValue("sinds", Timestamp.from(nu.minus(blokkade))).addValue("tot", Timestamp.from(nu.plus(blokkade)));
        // in this row laatste is when the count began: failures within one blokkade of it count together, so an office's
        // occasional typo (one every ten minutes, all day) never adds up to a lock
        tel("update portaal_inlogpoging set "
                + "geblokkeerd_tot = case when laatste >= :sinds and mislukt + 1 >= :max then :tot else geblokkeerd_tot end, "
                + "mislukt = case when laatste < :sinds then 1 when mislukt + 1 >= :max then 0 else mislukt + 1 end, "
                + "laatste = case when laatste < :sinds or mislukt + 1 >= :max then :nu else laatste end "
                + "where naam = :naam and adres = :adres",
                "insert into portaal_inlogpoging (naam, adres, mislukt, laatste) values (:naam, :adres, 1, :nu)", p);
        boolean adresGeblokkeerd = adresGeblokkeerdTot(adres).isPresent();
        if (adresGeblokkeerd) {
            LOG.warn("Portal sign-in locked for one client address, for every name, for {} after {} failed sign-ins", blokkade,
                    maxMisluktPerAdres);
        }
        return adresGeblokkeerd ? Uitslag.ADRES_GEBLOKKEERD : naamGeblokkeerd ? Uitslag.GEBLOKKEERD : Uitslag.FOUT;
    }

    /**
     * A wrong password for this BRIN or bestuursnummer from this address, whether an account has the name
     * or not: counts it, and at the limit locks the name for the address (and starts the count again). True
     * when it is locked now.
     */
    public boolean mislukt(String brin, String adres) {
        if (Soort.van(brin).isEmpty()) {
            return false;
        }
        String naam = normaal(brin);
        Instant nu = tijd.instant();
        MapSqlParameterSource p = new MapSqlParameterSource("naam", naam).addValue("adres", adres(adres)).addValue("max", maxMislukt)
                .addValue("nu", Timestamp.from(nu)).addValue("tot", Timestamp.from(nu.plus(blokkade)));
        boolean bestond = tel("update portaal_inlogpoging set geblokkeerd_tot = case when mislukt + 1 >= :max then :tot else geblokkeerd_tot end, "
                + "mislukt = case when mislukt + 1 >= :max then 0 else mislukt + 1 end, laatste = :nu where naam = :naam and adres = :adres",
                maxMislukt <= 1
                        ? "insert into portaal_inlogpoging (naam, adres, mislukt, laatste, geblokkeerd_tot) values (:naam, :adres, 0, :nu, :tot)"
                        : "insert into portaal_inlogpoging (naam, adres, mislukt, laatste) values (:naam, :adres, 1, :nu)", p);
        if (!bestond) {
            // now and then the rows of addresses long gone: no lock in force, nothing wrong for a day
            jdbc.update("delete from portaal_inlogpoging where laatste < :oud and (geblokkeerd_tot is null or geblokkeerd_tot < :nu)",
                    new MapSqlParameterSource("oud", Timestamp.from(nu.minus(Duration.ofDays(1)).minus(blokkade))).addValue("nu", Timestamp.from(nu)));
        }
        boolean geblokkeerd = geblokkeerdTot(naam, adres).isPresent();
        if (geblokkeerd) {
            // the name, never the address's owner: a BRIN or bestuursnummer is no personal data, an address may be
            LOG.warn("Portal sign-in for {} locked for one client address for {} after {} wrong passwords in a row", naam, blokkade, maxMislukt);
        }
        return geblokkeerd;
    }

    /**
     * A board no aanleverpunt names any more loses its account: named again, it gets a new letter from the
     * operator, and the old password (perhaps of someone who has left the board) does not come back with it.
     */
    @EventListener
    public void bestuurZonderScholen(AanleverpuntRegister.BestuurZonderScholen bestuur) {
        jdbc.update("delete from bestuur_account where nummer = :nummer", Map.of("nummer", bestuur.nummer()));
        jdbc.update("delete from portaal_inlogpoging where naam = :nummer", Map.of("nummer", bestuur.nummer()));
        // its first-start letter too: a file on disk whose password no longer signs in is a trap for the helpdesk
        verwijderBrief(bestuur.nummer());
        LOG.info("Portal account of bestuur {} removed: no aanleverpunt names it any more", bestuur.nummer());
    }

    /** A successful sign-in from this address starts its count of failures again. */
    public void gelukt(String brin, String adres) {
        jdbc.update("delete from portaal_inlogpoging where naam = :naam and adres = :adres",
                new MapSqlParameterSource("naam", normaal(brin)).addValue("adres", adres(adres)));
    }

    /** An address's lock for every name, as the operator sees it: the address as the locks key it, until when. */
    public record AdresBlokkade(String adres, Instant geblokkeerdTot) {
    }

    /** The addresses locked for every name now, the latest lock first. */
    public List<AdresBlokkade> adresBlokkades() {
        return jdbc.query("select adres, geblokkeerd_tot from portaal_inlogpoging where naam = :naam and geblokkeerd_tot > :nu "
                        + "order by geblokkeerd_tot desc, adres",
                new MapSqlParameterSource("naam", ELKE_NAAM).addValue("nu", Timestamp.from(tijd.instant())),
                (rs, i) -> new AdresBlokkade(rs.getString("adres"), rs.getTimestamp("geblokkeerd_tot").toInstant()));
    }

    /**
     * The helpdesk lifts an address's locks (a school's office whose colleagues mistyped once too often): the lock for
     * every name and each name's, with their counts; the address as sent or as {@link #adresBlokkades} shows it. How
     * many rows went (0: nothing was counted for that address).
     */
    public int hefAdresBlokkadeOp(String adres) {
        int weg = jdbc.update("delete from portaal_inlogpoging where adres = :adres", new MapSqlParameterSource("adres", adres(adres)));
        if (weg > 0) {
            LOG.info("Portal sign-in locks of one client address lifted by the operator");
        }
        return weg;
    }

    /**
     * The account as the operator sees it, when a school calls: made when, own password since, and of the
     * client addresses that gave wrong passwords the most in a row and the last lock in force.
     */
    public record Staat(Instant aangemaaktOp, Instant zelfGekozenOp, int mislukteInloggen, Instant geblokkeerdTot, int geblokkeerdeAdressen) {
    }

    public Optional<Staat> staat(String brin) {
        Instant nu = tijd.instant();
        Optional<Soort> soort = Soort.van(brin);
        if (soort.isEmpty()) {
            return Optional.empty();
        }
        String naam = normaal(brin);
        List<Instant[]> account = jdbc.query(soort.get().sql.staat(), Map.of("brin", naam), (rs, i) -> {
            Timestamp zelf = rs.getTimestamp("zelf_gekozen_op");
            return new Instant[] {rs.getTimestamp("aangemaakt_op").toInstant(), zelf == null ? null : zelf.toInstant()};
        });
        if (account.isEmpty()) {
            return Optional.empty();
        }
        int meest = 0;
        int geblokkeerd = 0;
        Instant tot = null;
        for (Object[] r : jdbc.query("select mislukt, geblokkeerd_tot from portaal_inlogpoging where naam = :naam", Map.of("naam", naam),
                (rs, i) -> new Object[] {rs.getInt("mislukt"), rs.getTimestamp("geblokkeerd_tot")})) {
            meest = Math.max(meest, (Integer) r[0]);
            Instant t = r[1] == null ? null : ((Timestamp) r[1]).toInstant();
            if (t != null && t.isAfter(nu)) {
                // the lock began at the last of max wrong passwords in a row, and the count starts again from 0 then: while
                // it holds, the helpdesk reads those max, not 0 (a newcomer saw a locked account with no failures)
                meest = Math.max(meest, maxMislukt);
                geblokkeerd++;
                tot = tot == null || t.isAfter(tot) ? t : tot;
            }
        }
        return Optional.of(new Staat(account.get(0)[0], account.get(0)[1], meest, tot, geblokkeerd));
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

    /**
     * A client address as the locks key it: an IPv4 address whole, an IPv6 address by its /64 (one network's hosts
     * choose their own last 64 bits and change them at will, so a lock on the full address was one new address
     * away), an IPv4 address written as IPv6 as IPv4. Anything else (not from Tomcat) as sent, at most 64 characters.
     */
    static String adres(String adres) {
        if (adres == null) {
            return "";
        }
        String zonderZone = adres.indexOf('%') >= 0 ? adres.substring(0, adres.indexOf('%')) : adres;
        // only a literal (with a colon) is parsed, so no name is ever looked up
        if (zonderZone.indexOf(':') >= 0 && zonderZone.matches("[0-9A-Fa-f:.\\[\\]]{2,60}")) {
            try {
                byte[] b = InetAddress.getByName(zonderZone).getAddress();
                if (b.length == 4) {
                    return InetAddress.getByAddress(b).getHostAddress();
                }
                return String.format("%x:%x:%x:%x::/64", (b[0] & 0xff) << 8 | (b[1] & 0xff), (b[2] & 0xff) << 8 | (b[3] & 0xff),
                        (b[4] & 0xff) << 8 | (b[5] & 0xff), (b[6] & 0xff) << 8 | (b[7] & 0xff));
            } catch (UnknownHostException geenAdres) {
                // not an address after all: kept as sent, below
            }
        }
        return adres.length() > 64 ? adres.substring(0, 64) : adres;
    }

    /**
     * By which sign-ins from one client address take turns: a fixed number, shared by addresses whose hash meets (they
     * then wait for each other too, briefly); a semaphore, not a lock, so that no thread may take its own turn twice.
     */
    private final Semaphore[] beurten = IntStream.range(0, 1024).mapToObj(i -> new Semaphore(1, true)).toArray(Semaphore[]::new);

    /** How long a sign-in waits for the one before it from its address. */
    static final Duration BEURT_WACHTEN = Duration.ofSeconds(5);

    /** A client address's turn at the sign-in; closing it lets the next one in. */
    public interface Beurt extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for this client address's turn to have a password checked (a sign-in or a password change): one at a time
     * per address in this instance, so that each failure is counted, and a lock reached, before the next password is
     * checked (many sign-ins sent at once were all checked before the first failure was counted). Empty when the turn
     * did not come within {@link #BEURT_WACHTEN}.
     */
    public Optional<Beurt> beurt(String adres) {
        Semaphore slot = beurten[Math.floorMod(adres(adres).hashCode(), beurten.length)];
        try {
            if (!slot.tryAcquire(BEURT_WACHTEN.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException onderbroken) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return Optional.of(() -> {
            if (open.getAndSet(false)) {
                slot.release();
            }
        });
    }

    static String normaal(String brin) {
        return brin == null ? "" : brin.trim().toUpperCase();
    }

    public PasswordEncoder encoder() {
        return encoder;
    }
}
