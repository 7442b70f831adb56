package nl.bronhub.toegang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Making and reading X.509 certificates (BouncyCastle): the hub's own test CA, its server certificate
 * and LAS client certificates for the default run and the tests. EC P-256 keys: quick to make and to
 * shake hands with. Production certificates come from a real CA; the hub then only reads them.
 */
public final class Certificaten {

    /** A certificate with its private key. */
    public record Sleutelpaar(X509Certificate certificaat, PrivateKey sleutel) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificaten() {
    }

    public static Sleutelpaar maakCa(String naam, Instant van, Instant tot) {
        KeyPair paar = nieuwPaar();
        X500Name onderwerp = new X500Name(naam);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(onderwerp, serienummer(), Date.from(van), Date.from(tot),
                    onderwerp, paar.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(paar.getPublic()));
            return new Sleutelpaar(teken(b, paar.getPrivate()), paar.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("CA certificate could not be made", e);
        }
    }

    /** A TLS server certificate for the given host names and IP addresses. */
    public static Sleutelpaar maakServer(Sleutelpaar ca, String naam, List<String> namen, Instant van, Instant tot) {
        List<GeneralName> san = new ArrayList<>();
        for (String n : namen) {
            san.add(new GeneralName(n.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress : GeneralName.dNSName, n));
        }
        return geef(ca, naam, van, tot, KeyPurposeId.id_kp_serverAuth, new GeneralNames(san.toArray(GeneralName[]::new)));
    }

    /** A TLS client certificate, as a LAS (or its vendor) presents it. */
    public static Sleutelpaar maakClient(Sleutelpaar ca, String naam, Instant van, Instant tot) {
        return geef(ca, naam, van, tot, KeyPurposeId.id_kp_clientAuth, null);
    }

    private static Sleutelpaar geef(Sleutelpaar ca, String naam, Instant van, Instant tot, KeyPurposeId doel, GeneralNames san) {
        KeyPair paar = nieuwPaar();
        return new Sleutelpaar(onderteken(ca, naam, paar.getPublic(), van, tot, doel, san), paar.getPrivate());
    }

    /** A TLS client certificate for a public key the holder made (from its certificate signing request). */
    public static X509Certificate ondertekenClient(Sleutelpaar ca, String naam, PublicKey sleutel, Instant van, Instant tot) {
        return onderteken(ca, naam, sleutel, van, tot, KeyPurposeId.id_kp_clientAuth, null);
    }

    private static X509Certificate onderteken(Sleutelpaar ca, String naam, PublicKey sleutel, Instant van, Instant tot,
                                              KeyPurposeId doel, GeneralNames san) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificaat(), serienummer(), Date.from(van), Date.from(tot),
                    new X500Name(naam), sleutel)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(doel))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.certificaat()))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(sleutel));
            if (san != null) {
                b.addExtension(Extension.subjectAlternativeName, false, san);
            }
            return teken(b, ca.sleutel());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Certificate " + naam + " could not be made", e);
        }
    }

    /** SHA-256 over the DER encoding, in lower-case hex: how the certificate register knows a certificate. */
    public static String vingerafdruk(X509Certificate certificaat) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificaat.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate leesCertificaat(String pem) {
        try {
            var certificaten = CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificaten.size() != 1) {
                throw new IllegalArgumentException("expected one PEM certificate, found " + certificaten.size());
            }
            return (X509Certificate) certificaten.iterator().next();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage());
        }
    }

    public static X509Certificate leesCertificaat(Path bestand) {
        try {
            return leesCertificaat(Files.readString(bestand));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Sleutelpaar lees(Path certificaat, Path sleutel) {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(sleutel)))) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key = o instanceof PEMKeyPair p ? converter.getKeyPair(p).getPrivate() : converter.getPrivateKey((PrivateKeyInfo) o);
            return new Sleutelpaar(leesCertificaat(certificaat), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(Object object) {
        StringWriter tekst = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(tekst)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tekst.toString();
    }

    /** Writes certificate and key as PEM files; the key readable by its owner only. */
    public static void schrijf(Sleutelpaar paar, Path certificaat, Path sleutel) {
        try {
            Files.createDirectories(certificaat.toAbsolutePath().getParent());
            Files.writeString(certificaat, pem(paar.certificaat()));
            Path tijdelijk = Files.createTempFile(sleutel.toAbsolutePath().getParent(), ".sleutel", ".tmp");
            try {
                Files.setPosixFilePermissions(tijdelijk, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException geenPosix) {
                // a file system without POSIX permissions: the directory's protection applies
            }
            // PKCS#8 ("PRIVATE KEY"), which Spring Boot's PEM bundles, curl and openssl all read
            Files.writeString(tijdelijk, pem(new JcaPKCS8Generator(paar.sleutel(), null).generate()));
            Files.move(tijdelijk, sleutel, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS context that shows {@code eigen} (null: no client certificate) and trusts only {@code vertrouwd}. */
    public static SSLContext sslContext(Sleutelpaar eigen, X509Certificate vertrouwd) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", vertrouwd);
            var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            char[] wachtwoord = "in-memory".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            if (eigen != null) {
                keys.setKeyEntry("eigen", eigen.sleutel(), wachtwoord, new Certificate[]{eigen.certificaat()});
            }
            var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, wachtwoord);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS context could not be made", e);
        }
    }

    private static X509Certificate teken(X509v3CertificateBuilder b, PrivateKey sleutel) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(sleutel)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair nieuwPaar() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serienummer() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }
}
