package nl.bronhub.afnemers;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.Probleem;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refusal at /afnemers/** as RFC 9457 problem details, in the operator API's shape (urn:bron-hub:probleem:...):
 * fixed Dutch texts, never anything of the request (its path, user name or values).
 */
final class AfnemerProbleem {

    static final String TYPE = Probleem.TYPE;

    private AfnemerProbleem() {
    }

    static ResponseEntity<ProblemDetail> antwoord(int status, String type, String titel, String detail, String veld) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        p.setType(URI.create(TYPE + type));
        p.setTitle(titel);
        // this occurrence, not the request path (Spring would fill in the path)
        p.setInstance(URI.create("urn:uuid:" + UUID.randomUUID()));
        if (veld != null) {
            p.setProperty("veld", veld);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** Straight to the response, before Spring MVC is reached (the security filters). */
    static void schrijf(HttpServletResponse antwoord, int status, String type, String titel, String detail) throws IOException {
        Probleem.schrijf(antwoord, status, type, titel, detail);
    }
}
