package nl.bronhub.toegang;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.util.List;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.support.Csr;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the portal's certificate form takes from a school's LAS (step 9): one CSR, signed by its key, strong enough, for this aanleverpunt. */
class CertificaatVerzoekTest {

    private static final String AP = "70CN-1";

    @Test
    void eenGoedVerzoekGeeftZijnSleutel() {
        KeyPair rsa = Csr.sleutels(2048);
        assertThat(CertificaatUitgifte.controleer(Csr.verzoek(rsa, "CN=" + AP), AP)).isEqualTo(rsa.getPublic());
        KeyPair ec = Csr.ec("secp256r1");
        assertThat(CertificaatUitgifte.controleer(Csr.verzoek(ec, "CN=" + AP), AP).getEncoded()).isEqualTo(ec.getPublic().getEncoded());
    }

    @Test
    void eenZwakkeSleutelHeetTeZwak() {
        geweigerd(Csr.verzoek(Csr.sleutels(1024), "CN=" + AP), "De sleutel is te zwak");
        geweigerd(Csr.verzoek(Csr.ec("secp224r1"), "CN=" + AP), "De sleutel is te zwak");
    }

    /**
     * A key the LAS door's TLS would not take: issued, it would use up the letter and fail every handshake (found by a
     * hostile school); a curve spelled out instead of named was a 500 with a stack trace.
     */
    @Test
    void eenSleutelDieDeLasDeurNietNeemtWordtNietOndersteund() throws Exception {
        geweigerd(Csr.verzoek(Csr.ec("secp256k1"), "CN=" + AP), "Deze soort sleutel wordt niet ondersteund");
        geweigerd(Csr.verzoek(Csr.ec("brainpoolP256r1"), "CN=" + AP), "Deze soort sleutel wordt niet ondersteund");
        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        KeyPair edSleutels = ed.generateKeyPair();
        var edVerzoek = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + AP), edSleutels.getPublic())
                .build(new JcaContentSignerBuilder("Ed25519").build(edSleutels.getPrivate()));
        geweigerd(Certificaten.pem(edVerzoek), "Deze soort sleutel wordt niet ondersteund");
        // P-256 with its parameters written out (as openssl's -param_enc explicit makes it)
        KeyPair p256 = Csr.ec("secp256r1");
        ECPublicKey publiek = (ECPublicKey) p256.getPublic();
        X9ECParameters x9 = ECNamedCurveTable.getByName("secp256r1");
        SubjectPublicKeyInfo uitgeschreven = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                x9.toASN1Primitive()), SubjectPublicKeyInfo.getInstance(publiek.getEncoded()).getPublicKeyData().getBytes());
        var expliciet = new PKCS10CertificationRequestBuilder(new X500Name("CN=" + AP), uitgeschreven)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(new BouncyCastleProvider()).build(p256.getPrivate()));
        assertThatThrownBy(() -> CertificaatUitgifte.controleer(Certificaten.pem(expliciet), AP)).isInstanceOf(OngeldigeInvoer.class)
                .hasMessageMatching("(Deze soort sleutel wordt niet ondersteund|De sleutel in het certificaatverzoek is niet te lezen).*");
        geweigerd(Csr.verzoek(Csr.ec("secp384r1"), "CN=70CN-2"), "Het certificaatverzoek is niet voor aanleverpunt");
    }

    @Test
    void eenVerzoekVoorEenAnderAanleverpuntOfZonderNaamWordtGeweigerd() {
        KeyPair rsa = Csr.sleutels(2048);
        geweigerd(Csr.verzoek(rsa, "CN=70CN-2"), "Het certificaatverzoek is niet voor aanleverpunt 70CN-1");
        geweigerd(Csr.verzoek(rsa, "O=school"), "Het certificaatverzoek is niet voor aanleverpunt 70CN-1");
        geweigerd(Csr.verzoek(rsa, "CN=70CN-1,CN=70CN-2"), "Het certificaatverzoek is niet voor aanleverpunt 70CN-1");
        // the CN alone (a hostile school had O and OU beside it signed), also not two values in one part
        for (String onderwerp : List.of("CN=70CN-1,O=Ministerie", "OU=beheer,CN=70CN-1", "CN=70CN-1+O=Ministerie", "CN=70CN-1,C=NL")) {
            geweigerd(Csr.verzoek(rsa, onderwerp), "Het certificaatverzoek is niet voor aanleverpunt 70CN-1");
        }
    }

    /** Text before or after the PEM block is not read, so it is not taken either (a hostile school's CSR carried some). */
    @Test
    void tekstVoorOfNaHetBlokWordtGeweigerd() {
        String een = Csr.verzoek(Csr.sleutels(2048), "CN=" + AP);
        geweigerd(een + "\nen dan nog dit", "Dit is niet één certificaatverzoek");
        geweigerd("Hier is ons verzoek:\n" + een, "Dit is niet één certificaatverzoek");
        geweigerd(een + "\n<script>x</script>", "Dit is niet één certificaatverzoek");
        // blanks around it are a paste's, and openssl's older NEW CERTIFICATE REQUEST is the same block
        assertThat(CertificaatUitgifte.controleer("\n  " + een + "\n\n", AP)).isNotNull();
        assertThat(CertificaatUitgifte.controleer(een.replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"), AP)).isNotNull();
    }

    @Test
    void eenHandtekeningVanEenAndereSleutelKloptNiet() throws Exception {
        KeyPair eigen = Csr.sleutels(2048);
        KeyPair ander = Csr.sleutels(2048);
        var verzoek = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + AP),
                eigen.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(ander.getPrivate()));
        geweigerd(Certificaten.pem(verzoek), "De handtekening van het certificaatverzoek klopt niet");
    }

    @Test
    void geenOfTweeVerzoekenIsGeenVerzoek() {
        String een = Csr.verzoek(Csr.sleutels(2048), "CN=" + AP);
        geweigerd("", "Plak het certificaatverzoek");
        geweigerd(null, "Plak het certificaatverzoek");
        geweigerd("x".repeat(20_000), "Plak het certificaatverzoek");
        geweigerd("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----", "Dit is geen leesbaar certificaatverzoek");
        geweigerd("geen pem", "Dit is niet één certificaatverzoek");
        geweigerd(een + een, "Dit is niet één certificaatverzoek");
    }

    private static void geweigerd(String pem, String begin) {
        assertThatThrownBy(() -> CertificaatUitgifte.controleer(pem, AP)).isInstanceOf(OngeldigeInvoer.class).hasMessageStartingWith(begin);
    }
}
