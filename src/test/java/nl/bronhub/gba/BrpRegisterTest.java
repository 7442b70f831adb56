package nl.bronhub.gba;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import javax.net.ssl.SSLContext;
import nl.bronhub.model.GbaPersoon;
import nl.bronhub.support.BrpNabootsing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.validation.FieldError;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.bronhub.support.BrpNabootsing.PAD;
import static nl.bronhub.support.BrpNabootsing.antwoord;
import static nl.bronhub.support.BrpNabootsing.json;
import static nl.bronhub.support.BrpNabootsing.probleem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The BRP client against WireMock playing the Haal Centraal BRP Personen API over HTTPS, with the API's documented
 * answers (src/test/resources/brp/): persons, a secret address, unknown persons, data in onderzoek, a record
 * suspended as made in error, problem details, slow answers and a register that is gone.
 */
class BrpRegisterTest {

    private static final String JANSEN = "999993847";
    private static BrpNabootsing brp;
    private WireMockServer wm;
    private BrpRegister register;
    private ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() {
        brp = BrpNabootsing.start();
    }

    @AfterAll
    static void stop() {
        brp.close();
    }

    @BeforeEach
    void nieuw() {
        wm = brp.server();
        wm.resetAll();
        register = register(brp.basisUrl(), BrpNabootsing.API_SLEUTEL);
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(BrpRegister.class)).addAppender(log);
    }

    @AfterEach
    void geenPersoonsgegevensInDeLogOfInEenUrl() {
        ((Logger) LoggerFactory.getLogger(BrpRegister.class)).detachAppender(log);
        for (ILoggingEvent e : log.list) {
            assertThat(e.getFormattedMessage()).doesNotContainPattern("\\d{9}").doesNotContain("Jansen", "Vindbaar", "Bakker",
                    BrpNabootsing.API_SLEUTEL);
        }
        // the BSN and the name travel in the body only
        wm.getAllServeEvents().forEach(e -> assertThat(e.getRequest().getUrl()).isEqualTo(PAD));
    }

    private static BrpRegister register(String url, String sleutel) {
        return new BrpRegister(eigenschappen(url, sleutel), brp.vertrouwt());
    }

    static BrpEigenschappen eigenschappen(String url, String sleutel) {
        return new BrpEigenschappen(url, sleutel, "", Duration.ofMillis(1000), Duration.ofMillis(1500), 3, Duration.ofMillis(10),
                Duration.ofSeconds(7), new BrpEigenschappen.Circuit(50, 4, 4, Duration.ofMillis(600), 1));
    }

    private void antwoordt(String bestand) {
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(json(200, antwoord(bestand))));
    }

    @Test
    void eenBekendePersoonOpBsnMetDeVragenDieDeApiDocumenteert() {
        antwoordt("raadpleeg-jansen.json");

        GbaPersoon p = register.zoekOpBsn(JANSEN).orElseThrow();

        assertThat(p).isEqualTo(new GbaPersoon(JANSEN, LocalDate.of(2016, 3, 14), "V", null, "Jansen", "Sanne", "Kerkstraat",
                "12", null, "3511AB", "Utrecht", false));
        wm.verify(1, postRequestedFor(urlEqualTo(PAD))
                .withHeader("X-API-KEY", equalTo(BrpNabootsing.API_SLEUTEL))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("RaadpleegMetBurgerservicenummer")))
                .withRequestBody(matchingJsonPath("$.burgerservicenummer[0]", equalTo(JANSEN)))
                .withRequestBody(matchingJsonPath("$.burgerservicenummer.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.fields[?(@ == 'geheimhoudingPersoonsgegevens')]"))
                .withRequestBody(matchingJsonPath("$.fields[?(@ == 'verblijfplaats')]"))
                .withRequestBody(matchingJsonPath("$.fields[?(@ == 'geboorte.datum')]")));
        assertThat(register.circuitStand()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void eenGeheimAdresKomtAlsGeheimDoor() {
        antwoordt("raadpleeg-geheim.json");

        assertThat(register.zoekOpBsn("999991024")).get().satisfies(p -> {
            assertThat(p.geheim()).isTrue();
            assertThat(p.postcode()).isEqualTo("3333CC");
        });
    }

    @Test
    void eenOnbekendePersoonIsEenAntwoordZonderPersoonEnZonderHerhaling() {
        antwoordt("raadpleeg-leeg.json");

        assertThat(register.zoekOpBsn("999990019")).isEmpty();
        wm.verify(1, postRequestedFor(urlEqualTo(PAD)));
    }

    @Test
    void eenAnderePersoonDanGevraagdTeltNiet() {
        antwoordt("raadpleeg-jansen.json");

        assertThat(register.zoekOpBsn("999992077")).isEmpty();
    }

    @Test
    void gegevensInOnderzoekWordenGebruiktZoalsZeStaanEnHuisletterEnToevoegingWordenEen() {
        antwoordt("raadpleeg-in-onderzoek.json");

        assertThat(register.zoekOpBsn("999992077")).get().satisfies(p -> {
            assertThat(p.achternaam()).isEqualTo("Bakker");
            assertThat(p.voorvoegsel()).isEqualTo("van");
            assertThat(p.straatnaam()).isEqualTo("Burgemeester van Nispen tot Sevenaerstraat");
            assertThat(p.huisnummer()).isEqualTo("3");
            assertThat(p.huisnummertoevoeging()).isEqualTo("b II");
            assertThat(p.postcode()).isEqualTo("1234AB");
        });
    }

    @Test
    void eenPersoonslijstOpgeschortAlsFoutIsOnbekend() {
        antwoordt("raadpleeg-opgeschort-fout.json");

        assertThat(register.zoekOpBsn("999993483")).isEmpty();
    }

    @Test
    void eenOverledenPersoonWordtGeleverdZoalsDeBrpHemKent() {
        antwoordt("raadpleeg-overleden.json");

        assertThat(register.zoekOpBsn("999990482")).get().satisfies(p -> assertThat(p.huisnummertoevoeging()).isEqualTo("A"));
    }

    @Test
    void eenOnvolledigeGeboortedatumEnEenAdresBuitenlandGevenGeenDatumEnGeenPostcode() {
        antwoordt("raadpleeg-buitenland-datum-onbekend.json");

        assertThat(register.zoekOpBsn("999993653")).get().satisfies(p -> {
            assertThat(p.geboortedatum()).isNull();
            assertThat(p.postcode()).isNull();
            assertThat(p.straatnaam()).isNull();
            assertThat(p.geslacht()).isEqualTo("V");
        });
    }

    @Test
    void zoekenOpNaamEnGeboortedatumGeeftIedereenDieDeBrpVindt() {
        antwoordt("zoek-vindbaar.json");

        List<GbaPersoon> gevonden = register.zoekOpNaamEnGeboortedatum(" Vindbaar ", LocalDate.of(2015, 5, 5));

        assertThat(gevonden).extracting(GbaPersoon::bsn).containsExactly("999991012", "999991036");
        assertThat(gevonden.get(1).postcode()).isNull(); // a Locatie (a houseboat) has no postcode
        wm.verify(1, postRequestedFor(urlEqualTo(PAD))
                .withRequestBody(matchingJsonPath("$.type", equalTo("ZoekMetGeslachtsnaamEnGeboortedatum")))
                .withRequestBody(matchingJsonPath("$.geslachtsnaam", equalTo("Vindbaar")))
                .withRequestBody(matchingJsonPath("$.geboortedatum", equalTo("2015-05-05"))));
    }

    @Test
    void eenPersoonTweemaalInHetAntwoordIsEenTreffer() {
        String twee = antwoord("zoek-vindbaar.json").replace("\"999991036\"", "\"999991012\"");
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(json(200, twee)));

        assertThat(register.zoekOpNaamEnGeboortedatum("Vindbaar", LocalDate.of(2015, 5, 5))).singleElement()
                .satisfies(p -> assertThat(p.voornamen()).isEqualTo("Bram"));
    }

    @Test
    void zoekenZonderTreffersIsEenLegeLijst() {
        antwoordt("zoek-leeg.json");

        assertThat(register.zoekOpNaamEnGeboortedatum("Niemand", LocalDate.of(2015, 5, 5))).isEmpty();
    }

    @Test
    void eenNaamDieDeApiNietAanneemtOfEenWildcardZouZijnWordtNietGevraagd() {
        antwoordt("zoek-vindbaar.json");

        for (String naam : List.of("Vind*", "*", "Vind?baar", "", "   ", "Vindbaar\nX", "x".repeat(201), "<b>Vindbaar</b>")) {
            assertThat(register.zoekOpNaamEnGeboortedatum(naam, LocalDate.of(2015, 5, 5))).as(naam).isEmpty();
        }
        wm.verify(0, postRequestedFor(urlEqualTo(PAD)));
        // a curly apostrophe is the API's straight one
        register.zoekOpNaamEnGeboortedatum("D\u2019Angelo", LocalDate.of(2015, 5, 5));
        wm.verify(1, postRequestedFor(urlEqualTo(PAD)).withRequestBody(matchingJsonPath("$.geslachtsnaam", equalTo("D'Angelo"))));
    }

    @Test
    void eenGeweigerdeVraagIsGeenAntwoordEnWordtNietHerhaald() {
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(probleem(400)));

        assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(BrpRegister.BrpFout.class)
                .hasMessageContaining("400").hasMessageContaining("paramsValidation").hasMessageNotContaining(JANSEN);
        wm.verify(1, postRequestedFor(urlEqualTo(PAD)));
        // a refused query says nothing about the register being down
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(BrpRegister.BrpFout.class);
        }
        assertThat(register.circuitStand()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void eenVerkeerdeSleutelIsEenZaakVoorDeBeheerderEnLaatHetBerichtWachten() {
        for (int status : List.of(401, 403)) {
            wm.resetAll();
            wm.stubFor(post(urlEqualTo(PAD)).willReturn(probleem(status)));
            BrpRegister fout = register(brp.basisUrl(), "verkeerde-sleutel");

            assertThatThrownBy(() -> fout.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class)
                    .hasMessageContaining(String.valueOf(status))
                    .satisfies(e -> assertThat(((GbaOnbereikbaar) e).wacht()).isEqualTo(Duration.ofSeconds(7)));
            wm.verify(1, postRequestedFor(urlEqualTo(PAD)));
        }
        assertThat(log.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("HTTP 401").contains("API key"))
                .anySatisfy(m -> assertThat(m).contains("HTTP 403"));
    }

    @Test
    void eenStoringWordtHerhaaldEnIsDanGeenAntwoord() {
        for (int status : List.of(500, 503, 429)) {
            wm.resetAll();
            wm.stubFor(post(urlEqualTo(PAD)).willReturn(probleem(status)));
            BrpRegister r = register(brp.basisUrl(), BrpNabootsing.API_SLEUTEL);

            assertThatThrownBy(() -> r.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class)
                    .hasMessageContaining(String.valueOf(status));
            wm.verify(3, postRequestedFor(urlEqualTo(PAD)));
        }
    }

    @Test
    void eenHerhalingNaEenStoringGeeftHetAntwoord() {
        wm.stubFor(post(urlEqualTo(PAD)).inScenario("storing").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(probleem(503)).willSetStateTo("hersteld"));
        wm.stubFor(post(urlEqualTo(PAD)).inScenario("storing").whenScenarioStateIs("hersteld")
                .willReturn(json(200, antwoord("raadpleeg-jansen.json"))));

        assertThat(register.zoekOpBsn(JANSEN)).isPresent();
        wm.verify(2, postRequestedFor(urlEqualTo(PAD)));
    }

    @Test
    void eenTraagAntwoordVoorbijDeTimeoutIsGeenAntwoord() {
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(json(200, antwoord("raadpleeg-jansen.json")).withFixedDelay(8000)));

        long begin = System.nanoTime();
        assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class).hasMessageContaining("within");
        // three attempts of at most 2.5 s each (read and connect timeout), not three times the delay
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofMillis(8000));
        wm.verify(3, postRequestedFor(urlEqualTo(PAD)));
    }

    @Test
    void eenAfgebrokenVerbindingOfOnzinIsGeenAntwoord() {
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class);

        wm.resetAll();
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(json(200, "<html>proxy</html>")));
        assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(BrpRegister.BrpFout.class);
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(json(200, "{\"type\":\"RaadpleegMetBurgerservicenummer\"}")));
        assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(BrpRegister.BrpFout.class);
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(json(200, "{\"personen\":[{\"burgerservicenummer\":\"12\"}]}")));
        assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(BrpRegister.BrpFout.class);
    }

    @Test
    void eenRegisterDatErNietIsIsGeenAntwoord() throws Exception {
        int vrij;
        try (ServerSocket s = new ServerSocket(0)) {
            vrij = s.getLocalPort();
        }
        BrpRegister weg = register("https://localhost:" + vrij + "/haalcentraal/api/brp", BrpNabootsing.API_SLEUTEL);

        assertThatThrownBy(() -> weg.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class).hasMessageContaining("not reachable");
    }

    @Test
    void eenCertificaatDatDeHubNietVertrouwtIsGeenAntwoord() {
        antwoordt("raadpleeg-jansen.json");
        BrpRegister argwanend = new BrpRegister(eigenschappen(brp.basisUrl(), BrpNabootsing.API_SLEUTEL), (SSLContext) null);

        assertThatThrownBy(() -> argwanend.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class);
        wm.verify(0, postRequestedFor(urlEqualTo(PAD)));
    }

    @Test
    void hetCircuitGaatOpenBijStoringenEnWeerDichtAlsDeBrpAntwoordt() {
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(probleem(503)));
        // venster 4, minimum 4, 50 %: the 2 look-ups of 3 attempts each open it
        assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class);
        assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class);
        assertThat(register.circuitStand()).isEqualTo(CircuitBreaker.State.OPEN);
        int gevraagd = wm.getAllServeEvents().size();

        // open: no request at all, the bericht waits at once
        assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class).hasMessageContaining("circuit open");
        assertThat(wm.getAllServeEvents()).hasSize(gevraagd);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("BRP circuit open"));

        wm.resetAll();
        antwoordt("raadpleeg-jansen.json");
        Optional<GbaPersoon> weer = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(GbaOnbereikbaar.class).until(() -> register.zoekOpBsn(JANSEN), Optional::isPresent);
        assertThat(weer).isPresent();
        assertThat(register.circuitStand()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("BRP circuit closed"));
    }

    @Test
    void eenProefAanroepDieFaaltOpentHetCircuitOpnieuw() {
        wm.stubFor(post(urlEqualTo(PAD)).willReturn(probleem(500)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class);
        }
        assertThat(register.circuitStand()).isEqualTo(CircuitBreaker.State.OPEN);

        int gevraagd = wm.getAllServeEvents().size();

        // after 'open' one trial look-up (proef-aanroepen 1) reaches the BRP, fails, and the circuit is open again
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThatThrownBy(() -> register.zoekOpBsn(JANSEN)).isInstanceOf(GbaOnbereikbaar.class);
            return wm.getAllServeEvents().size() > gevraagd;
        });
        assertThat(wm.getAllServeEvents()).hasSize(gevraagd + 1);
        assertThat(register.circuitStand()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @EnableConfigurationProperties(BrpEigenschappen.class)
    static class MetBrp {
    }

    private final ApplicationContextRunner start = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(MetBrp.class)
            .withPropertyValues("bron.gba.register=brp", "bron.gba.brp.basis-url=https://brp.example/haalcentraal/api/brp",
                    "bron.gba.brp.api-sleutel=geheim");

    @Test
    void eenVerkeerdeInstellingStoptDeStartEnNoemtDeSleutel() {
        start.run(c -> assertThat(c).hasNotFailed().getBean(BrpEigenschappen.class)
                .satisfies(e -> assertThat(e.pogingen()).isEqualTo(3)));
        for (String[] fout : new String[][] {
                {"bron.gba.brp.api-sleutel=", "bron.gba.brp.api-sleutel"},
                {"bron.gba.brp.basis-url=http://brp.example/api", "bron.gba.brp.basis-url"},
                {"bron.gba.brp.basis-url=https://brp.example/api?x=1", "bron.gba.brp.basis-url"},
                {"bron.gba.brp.lees-timeout=PT0S", "bron.gba.brp.lees-timeout"},
                {"bron.gba.brp.pogingen=0", "bron.gba.brp.pogingen"},
                {"bron.gba.brp.circuit.faalpercentage=101", "bron.gba.brp.circuit.faalpercentage"}}) {
            start.withPropertyValues(fout[0]).run(c -> assertThat(c).hasFailed().getFailure()
                    .satisfies(e -> assertThat(alles(e)).as(fout[0]).contains(fout[1])));
        }
    }

    private static String alles(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t.getMessage()).append('\n');
            if (t instanceof BindValidationException b) {
                s.append(b.getValidationErrors().getName()).append('\n');
                b.getValidationErrors().getAllErrors().forEach(o -> s.append(o instanceof FieldError f
                        ? b.getValidationErrors().getName() + "." + f.getField() : o.toString()).append('\n'));
            }
        }
        return s.toString();
    }
}
