package nl.bronhub.afnemers;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What Spring refuses on the way into AfnemerApi (a parameter with control characters that the firewall rejects when
 * it is read, a method or media type it cannot serve): problem details with Spring's status, recorded in the trail.
 * A fault on the hub's side stays Spring's (logged, 500).
 */
@RestControllerAdvice(assignableTypes = AfnemerApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AfnemerFouten {

    private final AfnemerSpoor spoor;

    public AfnemerFouten(AfnemerSpoor spoor) {
        this.spoor = spoor;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> geweigerd(Exception e) throws Exception {
        int status;
        if (e instanceof RequestRejectedException) {
            status = 400;
        } else if (e instanceof ErrorResponse fout && fout.getStatusCode().is4xxClientError()) {
            status = fout.getStatusCode().value();
        } else {
            throw e;
        }
        Authentication wie = SecurityContextHolder.getContext().getAuthentication();
        spoor.vastleggen(wie == null ? null : wie.getName(), null, null, null, 0, 0, status, "verzoek-geweigerd");
        return AfnemerProbleem.antwoord(status, status == 400 ? "ongeldig-verzoek" : "http-" + status, "Verzoek niet verwerkt",
                "het verzoek is niet verwerkt (HTTP " + status + ")", null);
    }
}
