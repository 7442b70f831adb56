package nl.bronhub.terugkoppeling;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import nl.bronhub.OngeldigeInvoer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers terugkoppelingen to the registered push endpoints (route terugkoppeling-push): per aanleverpunt in
 * volgnummer order, the next one only after the endpoint accepted the one before (a 2xx answer). A failure stops the
 * aanleverpunt's round and waits, doubling each time up to a maximum (machine time, in the database, so a restart
 * keeps it); the same volgnummer is tried again, so a LAS may get one twice and drops it by its volgnummer.
 * Delivering acknowledges nothing: the queue and fetching are as they were.
 */
@Component("terugkoppelingPush")
public class PushAflevering {

    private static final Logger LOG = LoggerFactory.getLogger(PushAflevering.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TerugkoppelingWachtrij wachtrij;
    private final PushEigenschappen eigenschappen;
    private final SslBundles bundels;
    /** Waiting times use the machine's clock, not the hub's (which a demo may fix to a date). */
    private final Clock wachtklok = Clock.systemUTC();
    private volatile HttpClient http;

    public PushAflevering(NamedParameterJdbcTemplate jdbc, TerugkoppelingWachtrij wachtrij, PushEigenschappen eigenschappen,
            SslBundles bundels) {
        this.jdbc = jdbc;
        this.wachtrij = wachtrij;
        this.eigenschappen = eigenschappen;
        this.bundels = bundels;
    }

    /**
     * The aanleverpunten with something to deliver whose next attempt is due, each claimed for this round (so that a
     * second instance of the hub does not deliver the same ones beside this one).
     */
    public List<Long> teBezorgen() {
        Instant nu = wachtklok.instant();
        MapSqlParameterSource p = new MapSqlParameterSource("nu", Timestamp.from(nu))
                .addValue("tot", Timestamp.from(nu.plus(claimduur())));
        List<Long> kandidaten = jdbc.queryForList("select p.aanleverpunt_id from terugkoppeling_push p "
                + "where (p.volgende_poging_op is null or p.volgende_poging_op <= :nu) and (p.bezig_tot is null or p.bezig_tot < :nu) "
                + "and exists (select 1 from terugkoppeling t where t.aanleverpunt_id = p.aanleverpunt_id "
                + "and t.volgnummer > p.laatst_afgeleverd) order by p.aanleverpunt_id", p, Long.class);
        List<Long> geclaimd = new ArrayList<>();
        for (Long id : kandidaten) {
            if (jdbc.update("update terugkoppeling_push set bezig_tot = :tot where aanleverpunt_id = :ap "
                    + "and (bezig_tot is null or bezig_tot < :nu)", new MapSqlParameterSource(p.getValues()).addValue("ap", id)) == 1) {
                geclaimd.add(id);
            }
        }
        return geclaimd;
    }

    /**
     * Delivers the aanleverpunt's terugkoppelingen after the last one delivered, one by one, until none is left, the
     * round's maximum is reached or one fails; then gives up the claim.
     */
    public void bezorg(Long aanleverpuntId) {
        try {
            List<Map<String, Object>> rij = jdbc.queryForList("select a.brin, a.aanleverpuntnummer, p.adres, p.laatst_afgeleverd "
                    + "from terugkoppeling_push p join aanleverpunt a on a.id = p.aanleverpunt_id where p.aanleverpunt_id = :ap",
                    Map.of("ap", aanleverpuntId));
            if (rij.isEmpty()) {
                return; // removed meanwhile
            }
            String brin = (String) rij.get(0).get("brin");
            String nummer = (String) rij.get(0).get("aanleverpuntnummer");
            String adres = (String) rij.get(0).get("adres");
            long laatst = ((Number) rij.get(0).get("laatst_afgeleverd")).longValue();
            for (int i = 0; i < eigenschappen.perRonde(); i++) {
                List<Map<String, Object>> volgende = jdbc.queryForList("select volgnummer, inhoud from terugkoppeling "
                        + "where aanleverpunt_id = :ap and volgnummer > :laatst order by volgnummer limit 1",
                        new MapSqlParameterSource("ap", aanleverpuntId).addValue("laatst", laatst));
                if (volgende.isEmpty()) {
                    return;
                }
                long volgnummer = ((Number) volgende.get(0).get("volgnummer")).longValue();
                // the claim covers one attempt at a time, so a hub that died mid-round holds up its endpoint only briefly
                jdbc.update("update terugkoppeling_push set bezig_tot = :tot where aanleverpunt_id = :ap",
                        new MapSqlParameterSource("ap", aanleverpuntId).addValue("tot", Timestamp.from(wachtklok.instant().plus(claimduur()))));
                String envelop;
                try {
                    envelop = PushBericht.envelop(brin, nummer, volgnummer, (String) volgende.get(0).get("inhoud"));
                } catch (IllegalStateException onleesbaar) {
                    // not the endpoint's fault, but waits as one does: an operator sees it, and no round is spent on it
                    mislukt(aanleverpuntId, brin, nummer, volgnummer, "terugkoppeling-onleesbaar");
                    return;
                }
                // given before it is sent, and in the file (this write waits for it): an endpoint that stores it may
                // acknowledge it by fetching even when the hub dies before it records the 200 (no 743 then)
                wachtrij.gegeven(aanleverpuntId, volgnummer);
                String fout = verstuur(adres, envelop);
                if (fout != null) {
                    mislukt(aanleverpuntId, brin, nummer, volgnummer, fout);
                    return;
                }
                // only from the state this round started from: an operator's removal meanwhile ends the round
                if (jdbc.update("update terugkoppeling_push set laatst_afgeleverd = :volgnummer, laatst_afgeleverd_op = :nu, "
                        + "pogingen = 0, volgende_poging_op = null where aanleverpunt_id = :ap and laatst_afgeleverd = :vorige",
                        new MapSqlParameterSource("ap", aanleverpuntId).addValue("volgnummer", volgnummer).addValue("vorige", laatst)
                                .addValue("nu", Timestamp.from(wachtklok.instant()))) != 1) {
                    return;
                }
                laatst = volgnummer;
            }
        } finally {
            jdbc.update("update terugkoppeling_push set bezig_tot = null where aanleverpunt_id = :ap", Map.of("ap", aanleverpuntId));
        }
    }

    /** A round that failed on the hub's side (the database, say): the claim runs out and the next round tries again. */
    public void rondeMislukt(Long aanleverpuntId, Exception e) {
        LOG.warn("Push delivery round for aanleverpunt id {} failed on the hub's side ({}); tried again next round",
                aanleverpuntId, e == null ? "?" : e.getClass().getName());
    }

    /** The wait after the {@code pogingen}-th failure in a row: the first wait, doubled each time, up to the maximum. */
    Duration wachttijd(int pogingen) {
        long ms = eigenschappen.eersteWachttijdMs();
        for (int i = 1; i < pogingen && ms < eigenschappen.maxWachttijdMs(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, eigenschappen.maxWachttijdMs()));
    }

    private void mislukt(long aanleverpuntId, String brin, String nummer, long volgnummer, String fout) {
        Integer pogingen = jdbc.queryForObject("select pogingen from terugkoppeling_push where aanleverpunt_id = :ap",
                Map.of("ap", aanleverpuntId), Integer.class);
        int nu = (pogingen == null ? 0 : pogingen) + 1;
        Duration wacht = wachttijd(nu);
        Instant moment = wachtklok.instant();
        jdbc.update("update terugkoppeling_push set pogingen = :pogingen, volgende_poging_op = :volgende, laatste_fout = :fout, "
                + "laatste_fout_op = :nu where aanleverpunt_id = :ap", new MapSqlParameterSource("ap", aanleverpuntId)
                .addValue("pogingen", nu).addValue("volgende", Timestamp.from(moment.plus(wacht)))
                .addValue("fout", fout.length() <= 200 ? fout : fout.substring(0, 200)).addValue("nu", Timestamp.from(moment)));
        // the aanleverpunt and volgnummer only: the terugkoppeling holds a pupil's data, the address is the operator's
        LOG.warn("Push delivery to aanleverpunt {}/{} failed at volgnummer {}: {}; attempt {}, next in {} ms",
                brin, nummer, volgnummer, fout, nu, wacht.toMillis());
    }

    /** Sends one envelope; null when the endpoint accepted it (2xx), else a short code with the reason. */
    private String verstuur(String adres, String envelop) {
        HttpClient client;
        URI uri;
        try {
            // checked when registered; checked again, as only a well-formed https address is ever called
            uri = PushAdressen.controleer(adres);
        } catch (OngeldigeInvoer e) {
            return "adres-ongeldig: " + e.getMessage();
        }
        try {
            client = client();
        } catch (RuntimeException e) {
            return "tls-configuratie: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        try {
            HttpRequest verzoek = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMillis(eigenschappen.antwoordTimeoutMs()))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .header("SOAPAction", "\"" + PushBericht.SOAP_ACTION + "\"")
                    // the JDK's own would name its version: the endpoint learns no more of the hub than its name
                    .header("User-Agent", "bron-hub")
                    .POST(HttpRequest.BodyPublishers.ofString(envelop, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<InputStream> antwoord = client.send(verzoek, HttpResponse.BodyHandlers.ofInputStream());
            // the answer's body is not needed (the status says it all), and is not read: it could be endless
            antwoord.body().close();
            return antwoord.statusCode() >= 200 && antwoord.statusCode() < 300 ? null : "http-" + antwoord.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "onderbroken";
        } catch (IOException e) {
            return oorzaak(e);
        }
    }

    /**
     * What went wrong with the connection, in a few words and the JDK's reason (about the connection only: the
     * terugkoppeling is never in it).
     */
    static String oorzaak(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return "tls-geweigerd: " + (ssl.getMessage() == null ? ssl.getClass().getSimpleName() : ssl.getMessage());
            }
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "verbinding-time-out";
        }
        if (e instanceof HttpTimeoutException) {
            return "antwoord-time-out";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a host name that does not resolve is the address's fault, not the endpoint's: say so
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "host-onbekend";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "verbinding-geweigerd";
            }
        }
        return "verbinding-verbroken: " + (e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage());
    }

    /**
     * The HTTP client, made at first use from the SSL bundle: its key store is the client certificate the hub shows, its
     * trust store the CAs it accepts an endpoint's certificate from; the host name is verified (the JDK client's
     * default), redirects are not followed (only the registered address is called), and no proxy is used.
     */
    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .sslContext(bundels.getBundle(eigenschappen.sslBundle()).createSslContext())
                            .connectTimeout(Duration.ofMillis(eigenschappen.verbindTimeoutMs()))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                }
                c = http;
            }
        }
        return c;
    }

    /** How long a claim holds: one attempt timing out (connecting, then waiting for the answer), and a margin. */
    private Duration claimduur() {
        return Duration.ofMillis((long) eigenschappen.verbindTimeoutMs() + eigenschappen.antwoordTimeoutMs()).plusSeconds(5);
    }
}
