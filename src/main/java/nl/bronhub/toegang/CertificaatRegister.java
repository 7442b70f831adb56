package nl.bronhub.toegang;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.bronhub.ConfigLezer;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.aanlevering.Formaten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The certificate register and the mandate register. A LAS client certificate is registered to one
 * aanleverpunt, or to a LAS vendor (leverancier) that acts for every school that mandated it (the
 * 2019 model: one certificate per vendor, schools mandate their vendor). Seeded from
 * bron.toegang.bestand at start (what is not registered yet), maintained through the operator API.
 */
@Component
public class CertificaatRegister implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CertificaatRegister.class);

    /** Whom a certificate is registered to: an aanleverpunt (brin + nummer), or a leverancier. */
    public record Houder(String brin, String aanleverpuntnummer, String leverancier) {
    }

    public record Registratie(String vingerafdruk, String onderwerp, String uitgever, Instant geldigTot, Houder houder,
                              Instant geregistreerdOp) {
    }

    public record Mandaat(String brin, String leverancier, Instant geregistreerdOp) {
    }

    record SeedCertificaat(String bestand, String brin, String aanleverpuntnummer, String leverancier) {
    }

    record SeedMandaat(String brin, String leverancier) {
    }

    record Seed(List<SeedCertificaat> certificaten, List<SeedMandaat> mandaten) {
    }

    private static final Pattern LEVERANCIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}");

    private final NamedParameterJdbcTemplate jdbc;
    private final ConfigLezer config;
    private final Clock klok;
    private final SslBundles bundels;
    private final String bundel;
    private final String seedBestand;
    private final Path tlsMap;

    public CertificaatRegister(NamedParameterJdbcTemplate jdbc, ConfigLezer config, Clock klok, SslBundles bundels,
                               @Value("${server.ssl.bundle}") String bundel, ToegangEigenschappen toegang, TlsEigenschappen tls) {
        this.jdbc = jdbc;
        this.config = config;
        this.klok = klok;
        this.bundels = bundels;
        this.bundel = bundel;
        this.seedBestand = toegang.bestand();
        this.tlsMap = Path.of(tls.map());
    }

    @Override
    public void run(ApplicationArguments args) {
        Seed seed = config.lees(seedBestand, Seed.class, "Certificate and mandate seed");
        for (SeedCertificaat s : lijst(seed.certificaten())) {
            // relative to bron.tls.map, where the default run makes its certificates
            X509Certificate certificaat = Certificaten.leesCertificaat(tlsMap.resolve(s.bestand()));
            String vingerafdruk = Certificaten.vingerafdruk(certificaat);
            // a certificate revoked since stays revoked, though its file is still named in the seed
            if (zoek(vingerafdruk) == null && !ingetrokken(vingerafdruk)) {
                try {
                    registreer(certificaat, new Houder(s.brin(), s.aanleverpuntnummer(), s.leverancier()));
                } catch (OngeldigeInvoer e) {
                    throw new IllegalStateException("Certificate seed " + seedBestand + ": " + s.bestand() + ": " + e.getMessage());
                }
            }
        }
        for (SeedMandaat m : lijst(seed.mandaten())) {
            machtig(m.brin(), m.leverancier());
        }
    }

    /** Registers the certificate to its houder, or moves it to another; refused input changes nothing. */
    public Registratie registreer(X509Certificate certificaat, Houder houder) {
        controleer(houder);
        Instant nu = klok.instant();
        if (certificaat.getNotAfter().toInstant().isBefore(Instant.now())) {
            throw new OngeldigeInvoer("certificaat", "het certificaat is verlopen (geldig tot " + certificaat.getNotAfter().toInstant() + ")");
        }
        if (certificaat.getBasicConstraints() != -1) {
            throw new OngeldigeInvoer("certificaat", "het certificaat is dat van een CA (basicConstraints CA=true), geen LAS-certificaat");
        }
        if (!voorClientAuth(certificaat)) {
            throw new OngeldigeInvoer("certificaat", "het certificaat is niet voor clientauthenticatie (extendedKeyUsage zonder clientAuth)");
        }
        if (!vanVertrouwdeCa(certificaat)) {
            throw new OngeldigeInvoer("certificaat", "het certificaat is niet uitgegeven door een CA die de LAS-deur vertrouwt ("
                    + certificaat.getIssuerX500Principal().getName() + ")");
        }
        String vingerafdruk = Certificaten.vingerafdruk(certificaat);
        MapSqlParameterSource p = new MapSqlParameterSource("vingerafdruk", vingerafdruk)
                .addValue("onderwerp", certificaat.getSubjectX500Principal().getName())
                .addValue("uitgever", certificaat.getIssuerX500Principal().getName())
                .addValue("geldigTot", Timestamp.from(certificaat.getNotAfter().toInstant()))
                .addValue("brin", houder.brin()).addValue("nummer", houder.aanleverpuntnummer())
                .addValue("leverancier", houder.leverancier()).addValue("nu", Timestamp.from(nu));
        // update, else insert: the same statements on H2 and PostgreSQL
        int bijgewerkt = jdbc.update("update certificaat set brin = :brin, aanleverpuntnummer = :nummer, leverancier = :leverancier "
                + "where vingerafdruk = :vingerafdruk", p);
        if (bijgewerkt == 0) {
            jdbc.update("insert into certificaat (vingerafdruk, onderwerp, uitgever, geldig_tot, brin, aanleverpuntnummer, leverancier, "
                    + "geregistreerd_op) values (:vingerafdruk, :onderwerp, :uitgever, :geldigTot, :brin, :nummer, :leverancier, :nu)", p);
        }
        // registered again on purpose (the operator): no longer revoked
        jdbc.update("delete from certificaat_ingetrokken where vingerafdruk = :vingerafdruk", p);
        return zoek(vingerafdruk);
    }

    /** No extended key usage at all allows every use; one that lists neither clientAuth nor anyExtendedKeyUsage excludes it. */
    private static boolean voorClientAuth(X509Certificate certificaat) {
        try {
            List<String> doelen = certificaat.getExtendedKeyUsage();
            return doelen == null || doelen.contains("1.3.6.1.5.5.7.3.2") || doelen.contains("2.5.29.37.0");
        } catch (CertificateParsingException onleesbaar) {
            return false;
        }
    }

    public Registratie registreer(String pem, Houder houder) {
        X509Certificate certificaat;
        try {
            certificaat = Certificaten.leesCertificaat(pem == null ? "" : pem);
        } catch (IllegalArgumentException e) {
            throw new OngeldigeInvoer("certificaat", "certificaat moet één X.509-certificaat in PEM zijn (-----BEGIN CERTIFICATE-----)");
        }
        return registreer(certificaat, houder);
    }

    /**
     * Revokes the certificate: it acts for nothing any more, and stays revoked across restarts (the seed does not bring
     * it back) until the operator registers it again. False when it was not registered.
     */
    public boolean trekIn(String vingerafdruk) {
        if (jdbc.update("delete from certificaat where vingerafdruk = :v", Map.of("v", vingerafdruk)) == 0) {
            return false;
        }
        if (!ingetrokken(vingerafdruk)) {
            jdbc.update("insert into certificaat_ingetrokken (vingerafdruk, ingetrokken_op) values (:v, :nu)",
                    Map.of("v", vingerafdruk, "nu", Timestamp.from(klok.instant())));
        }
        LOG.info("Certificate {} revoked: it acts for nothing any more", kort(vingerafdruk));
        return true;
    }

    /** The start of a fingerprint, enough for the operator to find it in GET /operator/certificaten (the log's form). */
    static String kort(String vingerafdruk) {
        return vingerafdruk.length() > 16 ? vingerafdruk.substring(0, 16) : vingerafdruk;
    }

    private boolean ingetrokken(String vingerafdruk) {
        return jdbc.queryForObject("select count(*) from certificaat_ingetrokken where vingerafdruk = :v", Map.of("v", vingerafdruk),
                Integer.class) > 0;
    }

    /**
     * Revokes every certificate registered to this aanleverpunt itself but one (a new letter's, which replaces them); a
     * vendor's certificate, which acts for the school by its mandate, is not the aanleverpunt's and stays.
     */
    public List<String> trekInVanAanleverpuntBehalve(String brin, String aanleverpuntnummer, String behalve) {
        List<String> weg = jdbc.queryForList("select vingerafdruk from certificaat where brin = :brin and aanleverpuntnummer = :nummer "
                + "and leverancier is null and vingerafdruk <> :v order by vingerafdruk",
                Map.of("brin", brin, "nummer", aanleverpuntnummer, "v", behalve), String.class);
        weg.forEach(this::trekIn);
        return weg;
    }

    public List<Registratie> alle() {
        return jdbc.query("select * from certificaat order by geregistreerd_op, vingerafdruk", Map.of(), (rs, n) -> lees(rs));
    }

    public Registratie zoek(String vingerafdruk) {
        return jdbc.query("select * from certificaat where vingerafdruk = :v", Map.of("v", vingerafdruk), (rs, n) -> lees(rs))
                .stream().findFirst().orElse(null);
    }

    /** The school mandates the vendor (again: no change). */
    public Mandaat machtig(String brin, String leverancier) {
        controleerBrin(brin);
        controleerLeverancier(leverancier);
        MapSqlParameterSource p = new MapSqlParameterSource("brin", brin).addValue("leverancier", leverancier)
                .addValue("nu", Timestamp.from(klok.instant()));
        if (jdbc.queryForObject("select count(*) from mandaat where brin = :brin and leverancier = :leverancier", p, Integer.class) == 0) {
            jdbc.update("insert into mandaat (brin, leverancier, geregistreerd_op) values (:brin, :leverancier, :nu)", p);
        }
        return mandaten(brin).stream().filter(m -> m.leverancier().equals(leverancier)).findFirst().orElseThrow();
    }

    public boolean trekMandaatIn(String brin, String leverancier) {
        return jdbc.update("delete from mandaat where brin = :brin and leverancier = :leverancier",
                Map.of("brin", brin, "leverancier", leverancier)) > 0;
    }

    public List<Mandaat> mandaten(String brin) {
        return jdbc.query("select * from mandaat " + (brin == null ? "" : "where brin = :brin ") + "order by brin, leverancier",
                new MapSqlParameterSource("brin", brin), (rs, n) -> new Mandaat(rs.getString("brin"), rs.getString("leverancier"),
                        rs.getTimestamp("geregistreerd_op").toInstant()));
    }

    /**
     * The certificate's own aanleverpunt, or a registered aanleverpunt of a school that mandated its vendor.
     * A vendor's request never creates an aanleverpunt: one it names that the register does not hold (seeded,
     * put by the operator, or made by its own certificate's use) is not the school's, and gets 366.
     */
    public boolean magHandelenVoor(String vingerafdruk, String brin, String aanleverpuntnummer) {
        return jdbc.queryForObject("select count(*) from certificaat c where c.vingerafdruk = :v and ("
                + "(c.brin = :brin and c.aanleverpuntnummer = :nummer) "
                + "or (exists (select 1 from mandaat m where m.leverancier = c.leverancier and m.brin = :brin) "
                + "and exists (select 1 from aanleverpunt a where a.brin = :brin and a.aanleverpuntnummer = :nummer)))",
                new MapSqlParameterSource("v", vingerafdruk).addValue("brin", brin).addValue("nummer", aanleverpuntnummer),
                Integer.class) > 0;
    }

    private static void controleer(Houder h) {
        boolean aanleverpunt = h.brin() != null || h.aanleverpuntnummer() != null;
        if (aanleverpunt == (h.leverancier() != null)) {
            throw new OngeldigeInvoer("geef óf brin en aanleverpuntnummer (een certificaat van één aanleverpunt), óf leverancier");
        }
        if (!aanleverpunt) {
            controleerLeverancier(h.leverancier());
            return;
        }
        controleerBrin(h.brin());
        if (h.aanleverpuntnummer() == null || !Formaten.NUMMER.matcher(h.aanleverpuntnummer()).matches()) {
            throw new OngeldigeInvoer("aanleverpuntnummer", "aanleverpuntnummer moet een getal van 1 tot 5 cijfers zijn");
        }
    }

    private static void controleerBrin(String brin) {
        if (brin == null || !Formaten.BRIN.matcher(brin).matches()) {
            throw new OngeldigeInvoer("brin", "BRIN-nummer moet twee cijfers en twee letters of cijfers zijn (bijv. 00AA)");
        }
    }

    private static void controleerLeverancier(String leverancier) {
        if (leverancier == null || !LEVERANCIER.matcher(leverancier).matches()) {
            throw new OngeldigeInvoer("leverancier", "leverancier: 1 tot 80 letters, cijfers, spaties, punten, streepjes of liggende streepjes");
        }
    }

    /** Only a certificate the LAS door would let in is worth registering. */
    private boolean vanVertrouwdeCa(X509Certificate certificaat) {
        try {
            KeyStore vertrouwd = bundels.getBundle(bundel).getStores().getTrustStore();
            for (String alias : Collections.list(vertrouwd.aliases())) {
                if (vertrouwd.getCertificate(alias) instanceof X509Certificate ca
                        && ca.getSubjectX500Principal().equals(certificaat.getIssuerX500Principal())) {
                    try {
                        certificaat.verify(ca.getPublicKey());
                        return true;
                    } catch (GeneralSecurityException andereSleutel) {
                        // same name, another key: try the next
                    }
                }
            }
            return false;
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Registratie lees(ResultSet rs) throws SQLException {
        return new Registratie(rs.getString("vingerafdruk"), rs.getString("onderwerp"), rs.getString("uitgever"),
                rs.getTimestamp("geldig_tot").toInstant(),
                new Houder(rs.getString("brin"), rs.getString("aanleverpuntnummer"), rs.getString("leverancier")),
                rs.getTimestamp("geregistreerd_op").toInstant());
    }

    private static <T> List<T> lijst(List<T> l) {
        return l == null ? List.of() : l;
    }
}
