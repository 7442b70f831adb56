package nl.bronhub;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.gba.BrpRegister;
import nl.bronhub.gba.GbaRegister;
import nl.bronhub.support.BrpNabootsing;
import nl.bronhub.support.Hub;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub with bron.gba.register: brp, its BRP client asking WireMock (over HTTPS, trusted through an SSL bundle)
 * that serves the persons of the GBA stub's test files as the Haal Centraal BRP API would. Every identification
 * test (inherited from IdentificatieTest) must give the same terugkoppeling as with the stub; then the register
 * goes down, or refuses the hub's key, and the berichten wait, never parked, until it answers again.
 */
@TestPropertySource(properties = {
        "bron.gba.register=brp",
        "bron.gba.brp.api-sleutel=" + BrpNabootsing.API_SLEUTEL,
        "bron.gba.brp.ssl-bundle=brp-proef",
        "bron.gba.brp.lees-timeout=PT3S",
        "bron.gba.brp.wacht-tussen-pogingen=PT0.05S",
        "bron.gba.brp.wacht-bij-storing=PT0.5S",
        "bron.gba.brp.circuit.open=PT1S",
        "bron.gba.brp.circuit.venster=4",
        "bron.gba.brp.circuit.minimum-aanroepen=4",
        "bron.gba.mutaties.map=target/test-data/gba-mutaties-brp",
        "bron.gtb.ab-opgaven.map=target/test-data/ab-opgaven-brp"})
class BrpTest extends IdentificatieTest {

    private static BrpNabootsing brp;

    @Autowired
    GbaRegister register;

    @DynamicPropertySource
    static void brp(DynamicPropertyRegistry registry) {
        if (brp == null) {
            brp = BrpNabootsing.start();
            brp.dienPersonen(Hub.GBA.split(","));
        }
        registry.add("bron.gba.brp.basis-url", brp::basisUrl);
        registry.add("spring.ssl.bundle.pem.brp-proef.truststore.certificate",
                () -> "file:" + brp.caCertificaat().toAbsolutePath());
    }

    @AfterAll
    static void stopBrp() {
        brp.close();
    }

    /** Whatever a test did to the register, the next one finds it up and serving. */
    @AfterEach
    void brpWeerOp() {
        if (!brp.server().isRunning()) {
            brp.herstart();
        }
        brp.server().resetAll();
        brp.dienPersonen(Hub.GBA.split(","));
    }

    @Test
    void deHubVraagtDeBrpEnNietDeStub() {
        assertThat(register).isInstanceOf(BrpRegister.class);
        Terugkoppeling t = verwerk("10AA", inschrijven(leerling("999993847", "2016-03-14", "V", "Jansen", "3511AB"), wec("2026-08-01")));

        geregistreerdZonderSignalen(t);
        assertThat(t.getLeerling().getStraatnaam()).isEqualTo("Kerkstraat");
        brp.server().verify(1, postRequestedFor(urlEqualTo(BrpNabootsing.PAD)));
    }

    @Test
    void eenAndereGeboortedatumGeeft753EnEenAnderePostcode770AlsBijDeStub() {
        Terugkoppeling fout = verwerk("10AB", inschrijven(leerling("999992077", "2015-11-03", "M", "Bakker", "1234AB"), wec("2026-08-01")));
        assertThat(fout.getSignaal()).extracting(s -> s.getCode()).contains("753");

        Terugkoppeling verhuisd = verwerk("10AC", inschrijven(leerling("999993483", "2014-06-21", "V", "Vries", "9999ZZ"), wec("2026-08-01")));
        assertThat(verhuisd.getSignaal()).extracting(s -> s.getCode()).containsExactly("770");

        Terugkoppeling onbekend = verwerk("10AD", inschrijven(leerling("999990019", "2014-06-21", "V", "Niemand", "9999ZZ"), wec("2026-08-01")));
        assertThat(onbekend.getSignaal()).extracting(s -> s.getCode()).contains("753");
    }

    @Test
    void alsDeBrpPlatLigtWachtenDeBerichtenEnNaHerstelKomtAllesDoor() {
        LasClient las = las("20AA", "1");
        brp.stop();
        Bericht eerste = inschrijven(leerling("999993653", "2013-09-30", "V", "Smit", "5611GH"), wec("2026-08-01"));
        Bericht tweede = inschrijven(leerling("999993847", "2016-03-14", "V", "Jansen", "3511AB"), wec("2026-08-01"));
        assertThat(las.aanleveren(eerste, tweede).getBerichtResultaat()).extracting(r -> r.getStatus())
                .containsOnly(Ontvangststatus.ONTVANGEN);

        // asked again and again (the wait is half a second), never counted as an attempt, never parked
        Set<Object> wachttijden = new HashSet<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Map<String, Object> rij = rij(eerste);
            if (rij.get("volgende_poging_op") != null) {
                wachttijden.add(rij.get("volgende_poging_op"));
            }
            return wachttijden.size() >= 4;
        });
        for (Bericht b : List.of(eerste, tweede)) {
            Map<String, Object> rij = rij(b);
            assertThat(rij.get("status")).isEqualTo("ONTVANGEN");
            assertThat(((Number) rij.get("pogingen")).intValue()).isZero();
        }
        assertThat(rij(eerste).get("laatste_fout").toString()).startsWith("nl.bronhub.gba.");
        assertThat(jdbc.queryForObject("select count(*) from geparkeerd_bericht g join bericht b on b.id = g.bericht_id "
                + "where b.identificatie in (?, ?)", Integer.class, eerste.getIdentificatie(), tweede.getIdentificatie())).isZero();
        assertThat(alle(las)).isEmpty();

        brp.herstart();
        brp.dienPersonen(Hub.GBA.split(","));

        List<Terugkoppeling> beide = alleVan(las, 2);
        assertThat(beide).extracting(Terugkoppeling::getBerichtIdentificatie)
                .containsExactly(eerste.getIdentificatie(), tweede.getIdentificatie());
        beide.forEach(t -> geregistreerdZonderSignalen(t));
        assertThat(beide.get(0).getLeerling().getStraatnaam()).isEqualTo("Schoolstraat");
    }

    @Test
    void eenSleutelDieDeBrpWeigertLaatHetBerichtWachtenTotDeSleutelGoedIs() {
        brp.server().resetAll();
        brp.server().stubFor(post(urlEqualTo(BrpNabootsing.PAD)).willReturn(BrpNabootsing.probleem(401)));
        LasClient las = las("10AE", "1");
        Bericht bericht = inschrijven(leerling("999992077", "2015-11-02", "M", "Bakker", "1234AB"), wec("2026-08-01"));
        las.aanleveren(bericht);

        await().atMost(Duration.ofSeconds(20)).until(() -> rij(bericht).get("laatste_fout") != null);
        assertThat(rij(bericht).get("status")).isEqualTo("ONTVANGEN");
        assertThat(alle(las)).isEmpty();

        brp.server().resetAll();
        brp.dienPersonen(Hub.GBA.split(","));

        geregistreerdZonderSignalen(terugkoppelingVan(las, bericht.getIdentificatie()));
        assertThat(((Number) rij(bericht).get("pogingen")).intValue()).isZero();
    }

    @Test
    void eenTraagAntwoordLaatHetBerichtWachtenEnGeeftGeenSignaal() {
        brp.server().resetAll();
        // slower than lees-timeout (3 s): no answer, whatever it would have said
        brp.server().stubFor(post(urlEqualTo(BrpNabootsing.PAD))
                .willReturn(BrpNabootsing.json(200, BrpNabootsing.antwoord("raadpleeg-leeg.json")).withFixedDelay(6000)));
        LasClient las = las("10AF", "1");
        Bericht bericht = inschrijven(leerling("999993483", "2014-06-21", "V", "Vries", "2011CD"), wec("2026-08-01"));
        las.aanleveren(bericht);

        await().atMost(Duration.ofSeconds(30)).until(() -> rij(bericht).get("laatste_fout") != null);
        assertThat(rij(bericht).get("status")).isEqualTo("ONTVANGEN");
        assertThat(alle(las)).isEmpty();

        brp.server().resetAll();
        brp.dienPersonen(Hub.GBA.split(","));

        Terugkoppeling t = terugkoppelingVan(las, bericht.getIdentificatie());
        geregistreerdZonderSignalen(t);
        assertThat(t.getLeerling().getVoorvoegsel()).isEqualTo("de");
    }

    private Map<String, Object> rij(Bericht b) {
        return jdbc.queryForMap("select status, pogingen, laatste_fout, volgende_poging_op from bericht where identificatie = ?",
                b.getIdentificatie());
    }
}
