package nl.bronhub.gba;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import nl.bronhub.model.GbaPersoon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * The person register as the Haal Centraal BRP Personen API (v2) holds it: {@code POST {basis-url}/personen} with
 * RaadpleegMetBurgerservicenummer or ZoekMetGeslachtsnaamEnGeboortedatum, the API key in X-API-KEY. The BSN and the
 * name travel in the JSON body only, never in the URL or a header, and no log line names a person.
 *
 * <p>An unknown person is an answer (no persons). No answer (down, slow, 5xx, 429, an open circuit, or the BRP
 * refusing the hub's key) is a {@link GbaOnbereikbaar}: the bericht waits. A 400 or an answer the client cannot
 * read is a failure of this one look-up ({@link BrpFout}): retried with back-off and, if it persists, parked for an
 * operator like any other failure in processing.
 */
@Component
@ConditionalOnProperty(name = "bron.gba.register", havingValue = "brp")
public class BrpRegister implements GbaRegister {

    private static final Logger LOG = LoggerFactory.getLogger(BrpRegister.class);

    /** What the hub asks for, nothing more: what GbaControle, Identificatie and AdresRegels read. */
    static final List<String> VELDEN = List.of("burgerservicenummer", "geboorte.datum", "geslacht", "naam.voornamen",
            "naam.voorvoegsel", "naam.geslachtsnaam", "verblijfplaats", "geheimhoudingPersoonsgegevens",
            "opschortingBijhouding");

    /** The API's pattern for geslachtsnaam, without its wildcard form (a pupil's name is never a wildcard). */
    private static final Pattern GESLACHTSNAAM =
            Pattern.compile("[a-zA-Z0-9\u00C0-\u017E .\\-']{1,200}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrpEigenschappen eigenschappen;
    private final URI personen;
    private final HttpClient http;
    private final CircuitBreaker circuit;
    private final Retry retry;

    @Autowired
    public BrpRegister(BrpEigenschappen eigenschappen, SslBundles ssl) {
        this(eigenschappen, eigenschappen.sslBundle().isBlank() ? null
                : ssl.getBundle(eigenschappen.sslBundle()).createSslContext());
    }

    BrpRegister(BrpEigenschappen eigenschappen, SSLContext sslContext) {
        this.eigenschappen = eigenschappen;
        this.personen = URI.create(eigenschappen.basisUrl().replaceAll("/+$", "") + "/personen");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(eigenschappen.verbindTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
        BrpEigenschappen.Circuit c = eigenschappen.circuit();
        this.circuit = CircuitBreaker.of("brp", CircuitBreakerConfig.custom()
                .failureRateThreshold(c.faalpercentage())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(c.venster())
                .minimumNumberOfCalls(Math.min(c.minimumAanroepen(), c.venster()))
                .waitDurationInOpenState(c.open())
                .permittedNumberOfCallsInHalfOpenState(c.proefAanroepen())
                // only 'no answer' opens the circuit; a refused query (400) says nothing about the register
                .recordException(e -> e instanceof GbaOnbereikbaar)
                .ignoreExceptions(BrpFout.class)
                .build());
        this.circuit.getEventPublisher().onStateTransition(e -> {
            switch (e.getStateTransition().getToState()) {
                case OPEN -> LOG.warn("BRP circuit open: the person register does not answer; look-ups stop for {} and "
                        + "berichten wait (none is lost)", c.open());
                case HALF_OPEN -> LOG.info("BRP circuit half open: trying the person register again");
                case CLOSED -> LOG.info("BRP circuit closed: the person register answers again");
                default -> { }
            }
        });
        this.retry = Retry.of("brp", RetryConfig.custom()
                .maxAttempts(eigenschappen.pogingen())
                .waitDuration(eigenschappen.wachtTussenPogingen())
                .retryOnException(e -> e instanceof Herhaalbaar)
                .build());
    }

    @Override
    public Optional<GbaPersoon> zoekOpBsn(String bsn) {
        ObjectNode vraag = JSON.createObjectNode().put("type", "RaadpleegMetBurgerservicenummer");
        vraag.putArray("burgerservicenummer").add(bsn);
        return vraag(vraag).stream().filter(p -> bsn.equals(p.bsn())).findFirst();
    }

    @Override
    public List<GbaPersoon> zoekOpNaamEnGeboortedatum(String achternaam, LocalDate geboortedatum) {
        String naam = achternaam == null ? "" : achternaam.strip().replace('\u2019', '\'');
        if (!GESLACHTSNAAM.matcher(naam).matches()) {
            // the BRP holds no such name (and a '*' would be a wildcard): nobody, without asking
            return List.of();
        }
        ObjectNode vraag = JSON.createObjectNode()
                .put("type", "ZoekMetGeslachtsnaamEnGeboortedatum")
                .put("geslachtsnaam", naam)
                .put("geboortedatum", geboortedatum.toString());
        return vraag(vraag);
    }

    /** Open, half open or closed: for the tests and the operator's log. */
    CircuitBreaker.State circuitStand() {
        return circuit.getState();
    }

    private List<GbaPersoon> vraag(ObjectNode vraag) {
        vraag.putArray("fields").addAll(VELDEN.stream().map(JSON.getNodeFactory()::textNode).toList());
        byte[] body = vraag.toString().getBytes(StandardCharsets.UTF_8);
        Supplier<List<GbaPersoon>> metCircuit = CircuitBreaker.decorateSupplier(circuit, () -> stuur(body));
        try {
            return Retry.decorateSupplier(retry, metCircuit).get();
        } catch (CallNotPermittedException e) {
            throw new GbaOnbereikbaar("BRP circuit open", eigenschappen.wachtBijStoring(), null);
        }
    }

    private List<GbaPersoon> stuur(byte[] body) {
        HttpRequest verzoek = HttpRequest.newBuilder(personen)
                .timeout(eigenschappen.leesTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("X-API-KEY", eigenschappen.apiSleutel())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> antwoord = verstuur(verzoek);
        int status = antwoord.statusCode();
        if (status == 200) {
            return lees(antwoord.body());
        }
        String code = probleemcode(antwoord.body());
        if (status == 429 || status >= 500) {
            throw new Herhaalbaar("BRP answered HTTP " + status + code, eigenschappen.wachtBijStoring(), null);
        }
        if (status == 400) {
            // invalidParams may quote the value refused: only the status and the problem's code are kept
            LOG.warn("BRP refused a query (HTTP 400{}); the bericht is retried and parked if it persists", code);
            throw new BrpFout("BRP refused the query (HTTP 400" + code + ")");
        }
        // 401, 403: the key or the client certificate; 404, 405, 406, 415: the URL or the protocol. For the operator.
        LOG.error("BRP refuses the hub (HTTP {}{}): check bron.gba.brp.basis-url, the API key and the client certificate; "
                + "berichten wait until it answers", status, code);
        throw new GbaOnbereikbaar("BRP refused the hub (HTTP " + status + code + ")", eigenschappen.wachtBijStoring(), null);
    }

    private HttpResponse<byte[]> verstuur(HttpRequest verzoek) {
        CompletableFuture<HttpResponse<byte[]>> bezig = http.sendAsync(verzoek, HttpResponse.BodyHandlers.ofByteArray());
        // the request's timeout ends at the answer's headers; this bounds the body too
        long grens = eigenschappen.leesTimeout().plus(eigenschappen.verbindTimeout()).toMillis();
        try {
            return bezig.get(grens, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            bezig.cancel(true);
            throw new Herhaalbaar("BRP did not answer within " + eigenschappen.leesTimeout(), eigenschappen.wachtBijStoring(), null);
        } catch (InterruptedException e) {
            bezig.cancel(true);
            Thread.currentThread().interrupt();
            throw new GbaOnbereikbaar("interrupted while asking the BRP", eigenschappen.wachtBijStoring(), null);
        } catch (ExecutionException e) {
            Throwable oorzaak = e.getCause() == null ? e : e.getCause();
            if (oorzaak instanceof HttpTimeoutException) {
                throw new Herhaalbaar("BRP did not answer within " + eigenschappen.leesTimeout(), eigenschappen.wachtBijStoring(), null);
            }
            // the type only: an I/O exception's text can name the host, never a person, but keep it plain
            throw new Herhaalbaar("BRP not reachable (" + oorzaak.getClass().getSimpleName() + ")",
                    eigenschappen.wachtBijStoring(), null);
        }
    }

    /** The persons of a 200 answer; a person whose record the BRP marks as made in error (opschorting F) is none. */
    static List<GbaPersoon> lees(byte[] body) {
        JsonNode antwoord;
        try {
            antwoord = JSON.readTree(body);
        } catch (IOException e) {
            throw new BrpFout("the BRP's answer is not JSON");
        }
        JsonNode personen = antwoord == null ? null : antwoord.get("personen");
        if (personen == null || !personen.isArray()) {
            throw new BrpFout("the BRP's answer has no list of personen");
        }
        List<GbaPersoon> uit = new ArrayList<>();
        Set<String> gezien = new HashSet<>();
        for (JsonNode p : personen) {
            if ("F".equals(tekst(p.path("opschortingBijhouding").path("reden"), "code"))) {
                continue;
            }
            GbaPersoon persoon = persoon(p);
            // one person twice in an answer is one match, not two (Identificatie needs exactly one)
            if (gezien.add(persoon.bsn())) {
                uit.add(persoon);
            }
        }
        return List.copyOf(uit);
    }

    private static GbaPersoon persoon(JsonNode p) {
        String bsn = tekst(p, "burgerservicenummer");
        if (bsn == null || !bsn.matches("\\d{9}")) {
            throw new BrpFout("a person in the BRP's answer has no valid burgerservicenummer");
        }
        JsonNode naam = p.path("naam");
        JsonNode plaats = p.path("verblijfplaats");
        JsonNode adres = "Adres".equals(tekst(plaats, "type")) ? plaats.path("verblijfadres") : JSON.missingNode();
        return new GbaPersoon(bsn, datum(p.path("geboorte").path("datum")), tekst(p.path("geslacht"), "code"),
                tekst(naam, "voorvoegsel"), tekst(naam, "geslachtsnaam"), tekst(naam, "voornamen"),
                Optional.ofNullable(tekst(adres, "officieleStraatnaam")).orElse(tekst(adres, "korteStraatnaam")),
                tekst(adres, "huisnummer"), toevoeging(tekst(adres, "huisletter"), tekst(adres, "huisnummertoevoeging")),
                tekst(adres, "postcode"), tekst(adres, "woonplaats"),
                p.path("geheimhoudingPersoonsgegevens").asBoolean(false));
    }

    /** A full date only: a date partly unknown (JaarDatum, JaarMaandDatum, DatumOnbekend) matches no pupil's. */
    private static LocalDate datum(JsonNode datum) {
        if (!"Datum".equals(tekst(datum, "type")) || tekst(datum, "datum") == null) {
            return null;
        }
        try {
            return LocalDate.parse(tekst(datum, "datum"));
        } catch (DateTimeParseException e) {
            throw new BrpFout("a birth date in the BRP's answer is not a date");
        }
    }

    /** BRON has one huisnummertoevoeging; the BRP splits it into huisletter and huisnummertoevoeging. */
    private static String toevoeging(String huisletter, String toevoeging) {
        if (huisletter == null) {
            return toevoeging;
        }
        return toevoeging == null ? huisletter : huisletter + " " + toevoeging;
    }

    private static String tekst(JsonNode node, String veld) {
        JsonNode v = node.get(veld);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText();
    }

    /** The problem's code (application/problem+json), never its detail or invalidParams (they may quote values). */
    private static String probleemcode(byte[] body) {
        try {
            JsonNode probleem = JSON.readTree(body);
            String code = probleem == null ? null : tekst(probleem, "code");
            return code != null && code.matches("[A-Za-z0-9_.-]{1,40}") ? ", code " + code : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** No answer, worth asking again at once (down, slow, 5xx, 429). */
    private static final class Herhaalbaar extends GbaOnbereikbaar {
        Herhaalbaar(String reden, Duration wacht, Throwable oorzaak) {
            super(reden, wacht, oorzaak);
        }
    }

    /** This look-up failed (refused as a query, or an answer the client cannot read): not an answer either. */
    public static final class BrpFout extends RuntimeException {
        BrpFout(String reden) {
            super(reden);
        }
    }
}
