package nl.bronhub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An operator talking JSON to the hub's operator API. */
public final class OperatorClient {

    public record Antwoord(int status, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String basis;

    /** The operator password the test hubs are given (bron.operator.wachtwoord). */
    public static final String WACHTWOORD = "proef-operator-wachtwoord";

    private final String inlog;
    private final HttpClient http;

    /** The operator at the operator door ({@code port}: bron.operator.poort), with the test hubs' password. */
    public OperatorClient(int port) {
        this(port, "operator", WACHTWOORD);
    }

    public OperatorClient(int port, String gebruiker, String wachtwoord) {
        this(port, gebruiker, wachtwoord, Pki.zonderCertificaat());
    }

    /** Through {@code identiteit}'s HTTPS client: a LAS certificate knocking at a door. */
    public OperatorClient(int port, String gebruiker, String wachtwoord, Pki.Identiteit identiteit) {
        this.http = identiteit.http();
        this.basis = "https://localhost:" + port + "/operator";
        this.inlog = gebruiker == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((gebruiker + ":" + wachtwoord).getBytes(StandardCharsets.UTF_8));
    }

    public Antwoord get(String pad) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).GET());
    }

    public Antwoord put(String pad, Object body) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : schrijf(body))));
    }

    public Antwoord post(String pad) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Antwoord post(String pad, Object body) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : schrijf(body))));
    }

    public Antwoord postPem(String pad, String pem) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).header("Content-Type", "application/x-pem-file")
                .POST(HttpRequest.BodyPublishers.ofString(pem)));
    }

    /** The actuator at the operator door (/actuator{pad}), as raw HTTP: health answers 503 with JSON, metrics are text. */
    public HttpResponse<String> actuator(String pad) {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create(basis.replace("/operator", "/actuator") + pad));
        if (inlog != null) {
            verzoek.header("Authorization", inlog);
        }
        try {
            return http.send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Any request at the operator door as raw HTTP ({@code pad} from the door's root, e.g. /operator/audit or
     * /v3/api-docs), so a test sees the status, the headers and the body as sent.
     */
    public HttpResponse<String> ruw(String methode, String pad, String contentType, String body) {
        return ruwBytes(methode, pad, contentType, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** As {@link #ruw(String, String, String, String)}, with more headers: name, value, name, value, ... */
    public HttpResponse<String> ruw(String methode, String pad, String contentType, String body, String... koppen) {
        return ruwBytes(methode, pad, contentType, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), koppen);
    }

    /** The body as bytes: another encoding than UTF-8, as a careless client sends it. */
    public HttpResponse<String> ruwBytes(String methode, String pad, String contentType, byte[] body, String... koppen) {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create(basis.replace("/operator", "") + pad))
                .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            verzoek.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < koppen.length; i += 2) {
            verzoek.header(koppen[i], koppen[i + 1]);
        }
        if (inlog != null) {
            verzoek.header("Authorization", inlog);
        }
        try {
            return http.send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON merge patch (RFC 7396): only the fields sent change. */
    public Antwoord patch(String pad, Object body) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : schrijf(body))));
    }

    public Antwoord delete(String pad) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).DELETE());
    }

    private Antwoord stuur(HttpRequest.Builder verzoek) {
        if (inlog != null) {
            verzoek.header("Authorization", inlog);
        }
        try {
            HttpResponse<String> r = http.send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
            return new Antwoord(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String schrijf(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A school in its phase from {@code brief}, with a gemachtigde at NAAM-school.example and a bestuur at
     * NAAM-bestuur.example (distinct mail domains, so a test can tell who got a mail), norms 10 and 2.
     */
    public static Map<String, Object> schoolMetBestuur(String naam, String brief) {
        Map<String, Object> g = aanleverpunt("directie@" + naam + "-school.example", brief, 10, 2);
        g.put("bestuurNaam", "Stichting " + naam);
        g.put("bestuurEmail", "secretariaat@" + naam + "-bestuur.example");
        return g;
    }

    public static Map<String, Object> aanleverpunt(String email, String brief, Integer norm, Integer normAb) {
        var m = new HashMap<String, Object>();
        m.put("las", "Test-LAS");
        m.put("contactpersoon", "C. Contact");
        m.put("gemachtigdeNaam", "G. Gemachtigde");
        m.put("gemachtigdeEmail", email);
        m.put("wachtwoordbriefDatum", brief);
        m.put("normLeerlingen", norm);
        m.put("normAbLeerlingen", normAb);
        return m;
    }
}
