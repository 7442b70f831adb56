package nl.bronhub.toegang;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.mail.MailWachtrij;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The certificate of an aanleverpunt, obtained by the school in the portal (connection plan step 9): its LAS makes a
 * key pair and a certificate signing request (CSR); the hub signs the request with its issuing CA and registers the
 * certificate for the aanleverpunt. The private key never leaves the school. Once per wachtwoordbrief, within
 * bron.certificaat.venster-dagen of it; after that a new letter is needed. A certificate is valid
 * bron.certificaat.geldig-jaren; in its last bron.certificaat.vernieuwen-dagen the school renews it with a new CSR,
 * without a letter, and both certificates work until the old one ends.
 */
@Component
public class CertificaatUitgifte {

    private static final Logger LOG = LoggerFactory.getLogger(CertificaatUitgifte.class);

    /** What a CSR's key may be: what the LAS door's TLS accepts. */
    private static final String SLEUTELS = "gebruik RSA van ten minste 2048 bits of EC op de kromme P-256, P-384 of P-521.";
    private static final Set<Object> KROMMEN = Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1,
            SECObjectIdentifiers.secp521r1);


    private static final int MAX_PEM = 16 * 1024;
    private static final Provider BC = new BouncyCastleProvider();

    /** What the portal shows of an aanleverpunt's certificate, and whether the school may request one now. */
    public record Stand(String aanleverpuntnummer, Instant opgehaaldOp, Instant geldigTot, Instant getestOp, String vingerafdruk,
                        boolean magAanvragen, boolean vernieuwing, String waaromNiet, int certificatenNu) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final CertificaatRegister register;
    private final Clock klok;
    private final Path caCertificaat;
    private final Path caSleutel;
    private final int geldigJaren;
    private final int vensterDagen;
    private final int vernieuwenDagen;
    private final MailWachtrij mails;
    private final boolean herinneren;

    public CertificaatUitgifte(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie, CertificaatRegister register, Clock klok,
                               MailWachtrij mails,
                               CertificaatEigenschappen eigenschappen) {
        this.herinneren = eigenschappen.herinneren();
        this.jdbc = jdbc;
        this.mails = mails;
        this.transactie = transactie;
        this.register = register;
        this.klok = klok;
        this.caCertificaat = Path.of(eigenschappen.uitgifte().certificaat());
        this.caSleutel = Path.of(eigenschappen.uitgifte().sleutel());
        this.geldigJaren = eigenschappen.geldigJaren();
        this.vensterDagen = eigenschappen.vensterDagen();
        this.vernieuwenDagen = eigenschappen.vernieuwenDagen();
    }

    /** The aanleverpunt's certificate state and what the school may do now. */
    public Stand stand(String brin, String nummer) {
        Instant nu = klok.instant();
        Optional<Map<String, Object>> laatste = laatste(brin, nummer);
        Instant brief = brief(brin);
        // the phase's first day, its wachtwoordbrief date (null: not planned)
        LocalDate fase = jdbc.queryForList("select wachtwoordbrief_datum from aanleverpunt where brin = :brin and aanleverpuntnummer = :nummer",
                Map.of("brin", brin, "nummer", nummer), LocalDate.class).stream().filter(Objects::nonNull).findFirst().orElse(null);
        // the test of the certificate the portal issued last; without one, the aanleverpunt's first test with any certificate
        Instant getest = laatste.isPresent() ? Optional.ofNullable(laatste.get().get("getest_op")).map(CertificaatUitgifte::moment).orElse(null)
                : eersteTest(brin, nummer);
        Instant opgehaald = laatste.map(r -> moment(r.get("uitgegeven_op"))).orElse(null);
        Instant geldigTot = laatste.map(r -> moment(r.get("geldig_tot"))).orElse(null);
        String vingerafdruk = laatste.map(r -> (String) r.get("vingerafdruk")).orElse(null);
        boolean vernieuwing = geldigTot != null && geldigTot.isAfter(nu) && !geldigTot.isAfter(nu.plus(Duration.ofDays(vernieuwenDagen)))
                && !vernieuwd(vingerafdruk);
        String waaromNiet = null;
        if (!vernieuwing) {
            if (!Files.isReadable(caCertificaat) || !Files.isReadable(caSleutel)) {
                waaromNiet = "Deze hub geeft geen certificaten uit; vraag de helpdesk hoe u uw certificaat krijgt.";
            } else if (brief == null) {
                waaromNiet = "Uw school heeft nog geen wachtwoordbrief.";
            } else if (fase == null || fase.isAfter(LocalDate.now(klok))) {
                // step 9 is in weeks 1 and 2 of the phase, which begins with the wachtwoordbrief's date
                waaromNiet = "De fase aansluiting BRON van dit aanleverpunt is nog niet begonnen: het certificaat haalt u op in de "
                        + "eerste twee weken ervan.";
            } else if (opgehaaldOnder(brin, nummer, brief)) {
                waaromNiet = "Met deze wachtwoordbrief is het certificaat van dit aanleverpunt al opgehaald. Is het kwijt, of is het "
                        + "niet goed gegaan? Vraag de helpdesk om een nieuwe wachtwoordbrief.";
            } else {
                // the window opens with the letter, or with the phase if that begins later (a letter made ahead of it)
                Instant vanaf = vanaf(brief, fase);
                boolean vanafFase = !vanaf.equals(brief);
                if (nu.isAfter(vanaf.plus(Duration.ofDays(vensterDagen)))) {
                    waaromNiet = (vanafFase ? "De eerste " + vensterDagen + " dagen van de fase aansluiting BRON van dit aanleverpunt zijn "
                            + "voorbij" : "Uw wachtwoordbrief is ouder dan " + vensterDagen + " dagen")
                            + ": het certificaat kon tot dan worden opgehaald. Vraag de helpdesk om een nieuwe wachtwoordbrief.";
                }
            }
        }
        // the aanleverpunt's own certificates in force (issued here or registered by the operator): a new letter's replaces them
        int eigen = jdbc.queryForObject("select count(*) from certificaat where brin = :brin and aanleverpuntnummer = :nummer "
                + "and leverancier is null", Map.of("brin", brin, "nummer", nummer), Integer.class);
        return new Stand(nummer, opgehaald, geldigTot, getest, vingerafdruk, vernieuwing || waaromNiet == null, vernieuwing, waaromNiet, eigen);
    }

    /**
     * Signs the school's CSR for the aanleverpunt and registers the certificate; answers it in PEM. Refused (nothing
     * issued or registered): no request allowed now, not a CSR, its signature wrong, a weak key, or a CSR whose
     * subject names another aanleverpunt than {@code BRIN-aanleverpuntnummer}.
     */
    public String geefUit(String brin, String nummer, String pem) {
        Stand stand = stand(brin, nummer);
        if (!stand.magAanvragen()) {
            throw new OngeldigeInvoer("csr", stand.waaromNiet());
        }
        PublicKey sleutel = controleer(pem, brin + "-" + nummer);
        Certificaten.Sleutelpaar ca = Certificaten.lees(caCertificaat, caSleutel);
        Instant nu = klok.instant();
        // from the hub's own time (a few minutes back, for clocks that run behind), for geldig-jaren
        X509Certificate certificaat = Certificaten.ondertekenClient(ca, "CN=" + brin + "-" + nummer, sleutel, nu.minus(Duration.ofMinutes(5)),
                nu.atZone(klok.getZone()).plusYears(geldigJaren).toInstant());
        String vingerafdruk = Certificaten.vingerafdruk(certificaat);
        try {
            transactie.executeWithoutResult(t -> {
                // the key (one per letter, or one renewal per certificate) keeps two requests at once to one certificate
                jdbc.update("insert into certificaatuitgifte (brin, aanleverpuntnummer, vingerafdruk, pem, uitgegeven_op, geldig_tot, "
                        + "brief_van, vernieuwt) values (:brin, :nummer, :v, :pem, :nu, :tot, :brief, :vernieuwt)", new MapSqlParameterSource("brin", brin)
                        .addValue("nummer", nummer).addValue("v", vingerafdruk).addValue("pem", Certificaten.pem(certificaat)).addValue("nu", Timestamp.from(nu))
                        .addValue("tot", Timestamp.from(certificaat.getNotAfter().toInstant()))
                        .addValue("brief", stand.vernieuwing() ? null : Timestamp.from(brief(brin)))
                        .addValue("vernieuwt", stand.vernieuwing() ? stand.vingerafdruk() : null));
                register.registreer(certificaat, new CertificaatRegister.Houder(brin, nummer, null));
                // a certificate under a new letter replaces the aanleverpunt's before it (lost, or its key leaked), whether the
                // portal issued them or the operator registered them: they stop now; a vendor's stays (it acts by mandate);
                // a renewal overlaps its predecessor until it ends
                if (!stand.vernieuwing()) {
                    int vervangen = register.trekInVanAanleverpuntBehalve(brin, nummer, vingerafdruk).size();
                    if (vervangen > 0) {
                        LOG.info("Certificate {} of aanleverpunt {}/{} obtained through the portal under a new letter; {} earlier "
                                + "certificate(s) of the aanleverpunt revoked", CertificaatRegister.kort(vingerafdruk), brin, nummer, vervangen);
                    }
                }
            });
            LOG.info("Certificate {} of aanleverpunt {}/{} issued through the portal{}", CertificaatRegister.kort(vingerafdruk), brin, nummer,
                    stand.vernieuwing() ? " (a renewal)" : "");
        } catch (DuplicateKeyException alOpgehaald) {
            throw new OngeldigeInvoer("csr", "Het certificaat van dit aanleverpunt is zojuist al opgehaald.");
        }
        return Certificaten.pem(certificaat);
    }

    /** The certificate last issued to the aanleverpunt, in PEM (certificates are public); empty when none. */
    public Optional<String> laatstePem(String brin, String nummer) {
        return laatste(brin, nummer).map(r -> (String) r.get("pem"));
    }

    /** Per aanleverpunt of a school with a wachtwoordbrief: what the helpdesk watches (step 9). */
    public record Bewaking(String brin, String aanleverpuntnummer, Instant briefOp, Instant opgehaaldOp, Instant getestOp, Instant geldigTot,
                           boolean nietOpgehaaldNaEenWeek, boolean nietGetestNaTweeWeken) {
    }

    public List<Bewaking> bewaking() {
        Instant nu = klok.instant();
        // in the phase (a wachtwoordbrief date) with a letter; a certificate counts however it came (the portal, or the
        // operator's register), and a school whose LAS vendor acts for it (a mandate) needs none of its own
        return jdbc.query("select a.brin, a.aanleverpuntnummer, p.aangemaakt_op, a.wachtwoordbrief_datum, (select count(*) from certificaat c "
                + "where c.brin = a.brin and c.aanleverpuntnummer = a.aanleverpuntnummer) + (select count(*) from mandaat m where m.brin = a.brin) "
                + "from aanleverpunt a join portaal_account p on p.brin = a.brin where a.wachtwoordbrief_datum <= :vandaag "
                + "order by a.brin, a.aanleverpuntnummer", Map.of("vandaag", LocalDate.now(klok)), (rs, n) -> {
                    String brin = rs.getString(1);
                    String nummer = rs.getString(2);
                    Instant brief = rs.getTimestamp(3).toInstant();
                    Instant vanaf = vanaf(brief, rs.getDate(4).toLocalDate());
                    boolean opgehaald = rs.getInt(5) > 0;
                    Stand s = stand(brin, nummer);
                    // tested as the plan has it: the aanleverpunt's first fetch with any certificate (a renewed one not yet
                    // used raises no flag)
                    Instant getest = eersteTest(brin, nummer);
                    return new Bewaking(brin, nummer, brief, s.opgehaaldOp(), getest, s.geldigTot(),
                            !opgehaald && nu.isAfter(vanaf.plus(Duration.ofDays(7))),
                            getest == null && nu.isAfter(vanaf.plus(Duration.ofDays(14))));
                });
    }

    /**
     * The helpdesk's reminders (route voortgangsmails): when a flag of {@link #bewaking()} is raised, once per aanleverpunt
     * and wachtwoordbrief (a new letter starts the watch again, and so its reminders).
     */
    public void herinner() {
        if (!herinneren) {
            return;
        }
        for (Bewaking b : bewaking()) {
            if ((b.nietOpgehaaldNaEenWeek() || b.nietGetestNaTweeWeken()) && !gekwalificeerd(b.brin())) {
                Map<String, Object> ap = jdbc.queryForMap("select id, gemachtigde_email from aanleverpunt where brin = :brin and "
                        + "aanleverpuntnummer = :nummer", Map.of("brin", b.brin(), "nummer", b.aanleverpuntnummer()));
                LocalDate brief = LocalDate.ofInstant(b.briefOp(), klok.getZone());
                int briefweek = brief.get(IsoFields.WEEK_BASED_YEAR) * 100
                        + brief.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                mails.leg(((Number) ap.get("id")).longValue(), b.nietOpgehaaldNaEenWeek() ? "CERTIFICAAT_OPHALEN" : "CERTIFICAAT_TESTEN",
                        briefweek, (String) ap.get("gemachtigde_email"));
            }
        }
    }

    /**
     * Whether the school is gekwalificeerd: its LAS exchanged data, with a certificate from wherever, and its phase is
     * over. A new portal letter after that (a forgotten password, a lock) is about the portal, not the LAS's key, and
     * starts no reminders: they came to a qualified school as "nog niet opgehaald".
     */
    private boolean gekwalificeerd(String brin) {
        return jdbc.queryForObject("select count(*) from kwalificatie where brin = :brin and status = 'GEKWALIFICEERD'",
                Map.of("brin", brin), Integer.class) > 0;
    }

    private static final Pattern PEM_BLOK = Pattern.compile(
            "-----BEGIN (NEW )?CERTIFICATE REQUEST-----[A-Za-z0-9+/=\\s]+-----END (NEW )?CERTIFICATE REQUEST-----");

    /** A CSR in PEM, signed by its own key, with a strong enough key, for exactly this aanleverpunt: its public key. */
    static PublicKey controleer(String pem, String aanleverpunt) {
        if (pem == null || pem.isBlank() || pem.length() > MAX_PEM) {
            throw new OngeldigeInvoer("csr", "Plak het certificaatverzoek (CSR) in PEM, van -----BEGIN CERTIFICATE REQUEST----- tot en met "
                    + "-----END CERTIFICATE REQUEST-----.");
        }
        JcaPKCS10CertificationRequest csr;
        try (PEMParser lezer = new PEMParser(new StringReader(pem.strip()))) {
            Object gelezen = lezer.readObject();
            if (!(gelezen instanceof PKCS10CertificationRequest verzoek) || lezer.readObject() != null) {
                throw new OngeldigeInvoer("csr", "Dit is niet één certificaatverzoek (CSR) in PEM.");
            }
            // one PEM block and nothing around it: the parser skips any text outside the block, which would be kept unread
            if (!PEM_BLOK.matcher(pem.strip()).matches()) {
                throw new OngeldigeInvoer("csr", "Dit is niet één certificaatverzoek (CSR) in PEM: plak alleen het blok van -----BEGIN "
                        + "CERTIFICATE REQUEST----- tot en met -----END CERTIFICATE REQUEST-----, zonder tekst ervoor of erna.");
            }
            csr = new JcaPKCS10CertificationRequest(verzoek).setProvider(BC);
        } catch (OngeldigeInvoer e) {
            throw e;
        } catch (Exception e) {
            // a parser's message may quote what was pasted: not repeated
            throw new OngeldigeInvoer("csr", "Dit is geen leesbaar certificaatverzoek (CSR) in PEM.");
        }
        PublicKey sleutel;
        try {
            // an EC key with its curve spelled out instead of named cannot be read into a key here: not a 500
            sleutel = csr.getPublicKey();
        } catch (Exception e) {
            throw new OngeldigeInvoer("csr", "De sleutel in het certificaatverzoek is niet te lezen.");
        }
        // the key's strength before its signature: a curve too small may be one the verifier does not even know
        boolean sterk = sleutel instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() >= 2048
                : sleutel instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() >= 256;
        if (!sterk && (sleutel instanceof RSAPublicKey || sleutel instanceof ECPublicKey)) {
            throw new OngeldigeInvoer("csr", "De sleutel is te zwak: " + SLEUTELS);
        }
        // only what the LAS door's TLS takes: a certificate on another curve (secp256k1, brainpool) or with the curve
        // spelled out would be issued, use up the letter, and then fail every handshake
        var algoritme = csr.getSubjectPublicKeyInfo().getAlgorithm();
        boolean bruikbaar = sleutel instanceof RSAPublicKey
                || X9ObjectIdentifiers.id_ecPublicKey.equals(algoritme.getAlgorithm()) && KROMMEN.contains(algoritme.getParameters());
        if (!bruikbaar) {
            throw new OngeldigeInvoer("csr", "Deze soort sleutel wordt niet ondersteund: " + SLEUTELS);
        }
        boolean ondertekend;
        try {
            // BouncyCastle's own provider: the JDK's does not map an EC key's algorithm identifier to a key factory
            ondertekend = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(csr.getSubjectPublicKeyInfo()));
        } catch (Exception e) {
            ondertekend = false;
        }
        if (!ondertekend) {
            throw new OngeldigeInvoer("csr", "De handtekening van het certificaatverzoek klopt niet.");
        }
        // the subject is the CN alone (the certificate names only BRIN-aanleverpunt whatever the CSR says): an O, OU or
        // second CN beside it is not what the school's LAS will be known by, so it is refused rather than dropped unseen
        RDN[] namen = csr.getSubject().getRDNs();
        if (namen.length != 1 || namen[0].isMultiValued() || !BCStyle.CN.equals(namen[0].getFirst().getType())
                || !aanleverpunt.equals(IETFUtils.valueToString(namen[0].getFirst().getValue()))) {
            throw new OngeldigeInvoer("csr", "Het certificaatverzoek is niet voor aanleverpunt " + aanleverpunt + ": het onderwerp moet CN="
                    + aanleverpunt + " zijn.");
        }
        return sleutel;
    }

    /** A timestamp as the driver gives it: H2 an OffsetDateTime, PostgreSQL a Timestamp. */
    private static Instant moment(Object waarde) {
        return waarde instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) waarde).toInstant();
    }

    private Optional<Map<String, Object>> laatste(String brin, String nummer) {
        return jdbc.queryForList("select vingerafdruk, pem, uitgegeven_op, geldig_tot, getest_op from certificaatuitgifte where brin = :brin and "
                + "aanleverpuntnummer = :nummer order by uitgegeven_op desc, id desc", Map.of("brin", brin, "nummer", nummer)).stream().findFirst();
    }

    private Instant brief(String brin) {
        return jdbc.queryForList("select aangemaakt_op from portaal_account where brin = :brin", Map.of("brin", brin), Timestamp.class)
                .stream().findFirst().map(Timestamp::toInstant).orElse(null);
    }

    private boolean opgehaaldOnder(String brin, String nummer, Instant brief) {
        return jdbc.queryForObject("select count(*) from certificaatuitgifte where brin = :brin and aanleverpuntnummer = :nummer "
                + "and brief_van = :brief", Map.of("brin", brin, "nummer", nummer, "brief", Timestamp.from(brief)), Integer.class) > 0;
    }

    /** Where the weeks of step 9 start: the letter, or the phase's first day (its wachtwoordbrief date) when the letter came before it. */
    private Instant vanaf(Instant brief, LocalDate fase) {
        Instant begin = fase.atStartOfDay(klok.getZone()).toInstant();
        return brief.isAfter(begin) ? brief : begin;
    }

    /** The aanleverpunt's first successful fetch with any certificate: the connection plan's 'certificate tested'. */
    private Instant eersteTest(String brin, String nummer) {
        return jdbc.queryForList("select c.getest_op from certificaattest c join aanleverpunt a on a.id = c.aanleverpunt_id "
                + "where a.brin = :brin and a.aanleverpuntnummer = :nummer", Map.of("brin", brin, "nummer", nummer), Timestamp.class)
                .stream().findFirst().map(Timestamp::toInstant).orElse(null);
    }

    private boolean vernieuwd(String vingerafdruk) {
        return vingerafdruk != null && jdbc.queryForObject("select count(*) from certificaatuitgifte where vernieuwt = :v",
                Map.of("v", vingerafdruk), Integer.class) > 0;
    }
}
