package nl.bronhub;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.FoutenInLog;
import nl.bronhub.support.Hub;
import nl.bronhub.support.Mailserver;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.PersoonsgegevensInLog;
import nl.bronhub.support.PortaalClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal at its edge, over plain HTTPS (no browser, so that hundreds of requests take seconds): a
 * CSRF token that does not decode is a wrong token; what the portal tells a browser about loading and
 * sending (CSP, Referrer-Policy, the session cookie).
 */
class PortaalVerhardingTest {

    /** The signed-in school, whose forms are attacked. */
    private static final String SCHOOL = "70CG";
    /** The school whose sign-in is attacked (its password is never sent). */
    private static final String ANDER = "70CH";

    private static Mailserver smtp;
    private static Hub hub;
    private static FoutenInLog log;
    private static PortaalClient school;
    private static PortaalClient anoniem;
    private static String wachtwoord;

    @BeforeContainer
    static void start() {
        smtp = new Mailserver();
        hub = Hub.start(Hub.testEigenschappen(Path.of("target/test-data", "portaal-" + Berichten.uniekeLetters()), smtp));
        for (String brin : List.of(SCHOOL, ANDER)) {
            assertThat(hub.operator().put("/aanleverpunten/" + brin + "/1", OperatorClient.schoolMetBestuur(brin.toLowerCase(), "2026-09-07"))
                    .status()).isEqualTo(200);
        }
        wachtwoord = hub.operator().post("/scholen/" + SCHOOL + "/portaalwachtwoord").json().get("wachtwoord").asText();
        hub.operator().post("/scholen/" + ANDER + "/portaalwachtwoord");
        school = new PortaalClient(hub.portaalPoort());
        assertThat(school.logIn(SCHOOL, wachtwoord)).isTrue();
        anoniem = new PortaalClient(hub.portaalPoort());
        log = FoutenInLog.open();
    }

    @AfterContainer
    static void stop() {
        if (log != null) {
            log.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Example
    void eenCsrfTokenDatNietOntcijfertIsEenFoutToken() {
        PortaalClient bezoeker = new PortaalClient(hub.portaalPoort());
        String token = PortaalClient.token(bezoeker.get("/portaal/inloggen").body());
        log.neem();
        HttpResponse<String> zonder = bezoeker.post("/portaal/inloggen", List.of(Map.entry("brin", ANDER), Map.entry("wachtwoord", "geraden")));
        HttpResponse<String> omgekeerd = bezoeker.post("/portaal/inloggen", List.of(Map.entry("_csrf", omgekeerd(token)),
                Map.entry("brin", ANDER), Map.entry("wachtwoord", "geraden")));
        assertThat(zonder.statusCode()).isEqualTo(403);
        assertThat(omgekeerd.statusCode()).isEqualTo(403);
        assertThat(omgekeerd.body()).isEqualTo(zonder.body()).contains("lang=\"nl\"").contains("Formulier verlopen");
        // signed in, on a form that changes data: the same, and nothing changed
        Stand voor = stand();
        HttpResponse<String> gegevens = school.post("/portaal/" + SCHOOL + "/gegevens/1", List.of(Map.entry("_csrf", omgekeerd(tokenVanSchool())),
                Map.entry("normLeerlingen", "77")));
        assertThat(gegevens.statusCode()).isEqualTo(403);
        assertThat(gegevens.body()).isEqualTo(zonder.body());
        assertThat(stand()).isEqualTo(voor);
        assertThat(log.neem()).as("ERROR lines and stack traces in the hub's log").isEmpty();
    }

    @Example
    void hetPortaalZegtDeBrowserWatHijMagLadenEnDoorgeven() {
        PortaalClient bezoeker = new PortaalClient(hub.portaalPoort());
        HttpResponse<String> inloggen = bezoeker.get("/portaal/inloggen");
        // the session cookie: only over HTTPS, not for scripts, and not sent along from other sites
        String koekje = inloggen.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(koekje).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly").contains("; SameSite=Strict");
        // before sign-in, signed in, and on the error pages: the same policy
        for (HttpResponse<String> pagina : List.of(inloggen, school.get("/portaal/" + SCHOOL + "/gegevens"), school.get("/portaal/" + ANDER),
                school.get("/portaal/" + SCHOOL + "/gtb/99/2026-10-01"))) {
            String waar = pagina.uri().getPath() + " (" + pagina.statusCode() + ")";
            String csp = pagina.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(waar).contains("default-src 'none'", "style-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
                    "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(pagina.headers().firstValue("Referrer-Policy")).as(waar).hasValue("no-referrer");
        }
        // the stylesheet, before sign-in, as a stylesheet
        HttpResponse<String> stijl = bezoeker.get("/portaal/stijl.css");
        assertThat(stijl.statusCode()).isEqualTo(200);
        assertThat(stijl.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(stijl.body()).contains(".balk");
    }

    private static String tokenVanSchool() {
        HttpResponse<String> pagina = school.get("/portaal/" + SCHOOL + "/reactie");
        assertThat(pagina.statusCode()).as("the school is still signed in").isEqualTo(200);
        return PortaalClient.token(pagina.body());
    }

    /** The school as stored: its aanleverpunt's row, its kwalificatie and its portal account. */
    record Stand(Map<String, Object> gegevens, Map<String, Object> school) {
    }

    private static Stand stand() {
        Map<String, Object> gegevens = hub.jdbc().queryForMap("select * from aanleverpunt where brin = ? and aanleverpuntnummer = '1'", SCHOOL);
        Map<String, Object> school = new java.util.TreeMap<>();
        hub.jdbc().queryForList("select reactie, reactie_op, status, afgerond_op from kwalificatie where brin = ?", SCHOOL)
                .forEach(school::putAll);
        school.putAll(hub.jdbc().queryForMap("select wachtwoord, aangemaakt_op, zelf_gekozen_op from portaal_account where brin = ?", SCHOOL));
        return new Stand(gegevens, school);
    }

    private static String omgekeerd(String token) {
        return new StringBuilder(token).reverse().toString();
    }
}
