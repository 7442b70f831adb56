package nl.bronhub.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A school's browser on the portal without the browser: plain HTTPS with a cookie jar, no redirects
 * followed (a test looks at where the portal sends it), the Accept header a browser sends. For the many
 * requests of a hostile-input test, where Chromium would be far too slow.
 */
public final class PortaalClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String ALS_EEN_BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http;
    private final String basis;

    public PortaalClient(int poort) {
        this.http = HttpClient.newBuilder().sslContext(Pki.zonderCertificaat().http().sslContext())
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.basis = "https://localhost:" + poort;
    }

    public HttpResponse<String> get(String pad) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).GET());
    }

    /** As a script or curl asks: another Accept than a browser's. */
    public HttpResponse<String> get(String pad, String accept) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).GET(), accept);
    }

    /** A form as a browser posts it: {@code velden} in order (a name may come twice), URL-encoded. */
    public HttpResponse<String> post(String pad, List<Map.Entry<String, String>> velden) {
        return postRuw(pad, formulier(velden));
    }

    public HttpResponse<String> postRuw(String pad, String lichaam) {
        return stuur(HttpRequest.newBuilder(URI.create(basis + pad)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(lichaam)));
    }

    /** Signs in as the school; true when the portal let it in. */
    public boolean logIn(String brin, String wachtwoord) {
        String token = token(get("/portaal/inloggen").body());
        HttpResponse<String> r = post("/portaal/inloggen", List.of(Map.entry("_csrf", token), Map.entry("brin", brin),
                Map.entry("wachtwoord", wachtwoord)));
        return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/portaal");
    }

    /** The CSRF token of the page's first form. */
    public static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    public static String formulier(List<Map.Entry<String, String>> velden) {
        return velden.stream().map(v -> URLEncoder.encode(v.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpResponse<String> stuur(HttpRequest.Builder verzoek) {
        return stuur(verzoek, ALS_EEN_BROWSER);
    }

    private HttpResponse<String> stuur(HttpRequest.Builder verzoek, String accept) {
        try {
            return http.send(verzoek.header("Accept", accept).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
