package nl.bronhub.support;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** What a LAS does before it asks for its certificate: a key pair of its own, and a certificate signing request. */
public final class Csr {

    private Csr() {
    }

    public static KeyPair sleutels(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An EC key pair on the named curve (secp256r1, secp224r1, ...). */
    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#10 request in PEM for {@code onderwerp} (e.g. CN=70CN-1), signed with the pair's private key. */
    public static String verzoek(KeyPair sleutels, String onderwerp) {
        try {
            String algoritme = "EC".equals(sleutels.getPrivate().getAlgorithm()) || "ECDSA".equals(sleutels.getPrivate().getAlgorithm())
                    ? "SHA256withECDSA" : "SHA256withRSA";
            var verzoek = new JcaPKCS10CertificationRequestBuilder(new X500Name(onderwerp), sleutels.getPublic())
                    .build(new JcaContentSignerBuilder(algoritme).setProvider(new BouncyCastleProvider())
                            .build(sleutels.getPrivate()));
            StringWriter tekst = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(tekst)) {
                pem.writeObject(verzoek);
            }
            return tekst.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
