package nl.bronhub.operator;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.aanlevering.Formaten;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal at the operator door as RFC 9457 problem details (application/problem+json): a type
 * (urn:bron-hub:probleem:...), a title, the status, a Dutch detail for the operator and, where the
 * refusal is about one parameter or JSON property, {@code veld} naming it. The value sent is never
 * echoed (it can be a pupil's number). Not restricted to the operator's controllers, because a wrong
 * path or method fails before any controller is chosen; what arrives at another door is handed back
 * to Spring's own handling (the portal has its pages, the LAS door its SOAP faults).
 */
@RestControllerAdvice
public class OperatorFouten {

    static final String TYPE = "urn:bron-hub:probleem:";

    /** The shape of the API's own property names: a sender's name of another shape is never repeated. */
    static final Pattern ALS_VELDNAAM = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    /** A property name the sender used, as an answer may repeat it: itself when it has the API's shape. */
    static String genoemd(String naam) {
        // nor a name with a run of digits (bsn999990482): no property of the API has one, a pupil's number may be it
        return naam != null && ALS_VELDNAAM.matcher(naam).matches() && !naam.matches(".*[0-9]{3}.*") ? naam
                : "(een naam die niet herhaald wordt)";
    }

    public static class NietGevonden extends RuntimeException {
        public NietGevonden(String wat) {
            super(wat + " bestaat niet");
        }

        private NietGevonden(String melding, boolean uitgelegd) {
            super(melding);
        }

        /** A 404 whose text says more than that something does not exist. */
        public static NietGevonden uitgelegd(String melding) {
            return new NietGevonden(melding, true);
        }
    }

    /**
     * The 404 of an aanleverpunt: its BRIN-nummer and number are repeated only when both have their form (codes, never a
     * pupil's number); anything else in the path is not.
     */
    static NietGevonden geenAanleverpunt(String brin, String nummer) {
        return new NietGevonden(brin != null && nummer != null && Formaten.BRIN.matcher(brin).matches()
                && Formaten.NUMMER.matcher(nummer).matches() ? "aanleverpunt " + brin + "/" + nummer : "dit aanleverpunt");
    }

    /** The request is understood but conflicts with the record's state (already handled, no address yet). */
    public static class Conflict extends RuntimeException {
        public Conflict(String melding) {
            super(melding);
        }
    }

    /** A precondition the request set (If-Match) does not hold: nothing written. */
    public static class VoorwaardeMislukt extends RuntimeException {
        public VoorwaardeMislukt(String melding) {
            super(melding);
        }
    }

    private final OperatorKanaal operatorKanaal;

    public OperatorFouten(OperatorKanaal operatorKanaal) {
        this.operatorKanaal = operatorKanaal;
    }

    @ExceptionHandler(OngeldigeInvoer.class)
    ResponseEntity<ProblemDetail> ongeldig(OngeldigeInvoer e, HttpServletRequest verzoek) {
        alleenOperatorDeur(e, verzoek);
        return probleem(HttpStatus.BAD_REQUEST, "ongeldige-invoer", "Ongeldige invoer", e.getMessage(), e.veld());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> onleesbaar(HttpMessageNotReadableException e, HttpServletRequest verzoek) {
        alleenOperatorDeur(e, verzoek);
        if (e.getCause() instanceof UnrecognizedPropertyException onbekend) {
            // the name is the sender's, not the API's: repeated only when it has the shape of the API's own names (a
            // misspelt one, gemachtigdeEmial), never anything else (it could be a BSN or a name)
            String naam = onbekend.getPropertyName();
            boolean alsVeld = naam != null && ALS_VELDNAAM.matcher(naam).matches();
            return probleem(HttpStatus.BAD_REQUEST, "onleesbare-invoer", "Onleesbare invoer", (alsVeld ? naam + ": " : "")
                    + "de invoer bevat een veld dat hier niet bestaat (zie /v3/api-docs voor de velden)", alsVeld ? naam : null);
        }
        String veld = e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty() ? pad(m) : null;
        String detail = e.getCause() instanceof JsonProcessingException || veld != null
                ? (veld == null ? "" : kort(veld) + ": ")
                        + "de invoer is geen geldige JSON van de verwachte vorm (datums als JJJJ-MM-DD, aantallen als getal)"
                : "de invoer ontbreekt of is niet te lezen; stuur JSON (Content-Type: application/json)";
        return probleem(HttpStatus.BAD_REQUEST, "onleesbare-invoer", "Onleesbare invoer", detail, veld);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> verkeerdType(MethodArgumentTypeMismatchException e, HttpServletRequest verzoek) {
        alleenOperatorDeur(e, verzoek);
        return probleem(HttpStatus.BAD_REQUEST, "ongeldige-waarde", "Ongeldige waarde",
                e.getName() + " moet " + verwacht(e.getRequiredType()) + " zijn", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> ontbreekt(MissingServletRequestParameterException e, HttpServletRequest verzoek) throws Exception {
        alleenOperatorDeur(e, verzoek);
        return probleem(HttpStatus.BAD_REQUEST, "ontbrekende-parameter", "Parameter ontbreekt",
                "de parameter " + e.getParameterName() + " ontbreekt", e.getParameterName());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> verkeerdMediatype(HttpMediaTypeNotSupportedException e, HttpServletRequest verzoek) throws Exception {
        alleenOperatorDeur(e, verzoek);
        String ondersteund = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        ResponseEntity<ProblemDetail> antwoord = probleem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "mediatype-niet-ondersteund",
                "Mediatype niet ondersteund", "dit verzoek neemt alleen " + ondersteund + " aan (Content-Type)", "Content-Type");
        return ResponseEntity.status(antwoord.getStatusCode()).header(HttpHeaders.ACCEPT, ondersteund)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(antwoord.getBody());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> verkeerdeMethode(HttpRequestMethodNotSupportedException e, HttpServletRequest verzoek) throws Exception {
        alleenOperatorDeur(e, verzoek);
        String toegestaan = e.getSupportedHttpMethods() == null ? ""
                : e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
        ResponseEntity<ProblemDetail> antwoord = probleem(HttpStatus.METHOD_NOT_ALLOWED, "methode-niet-toegestaan",
                "Methode niet toegestaan", e.getMethod() + " kan hier niet; wel: " + toegestaan, null);
        return ResponseEntity.status(antwoord.getStatusCode()).header(HttpHeaders.ALLOW, toegestaan)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(antwoord.getBody());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> geenPad(NoResourceFoundException e, HttpServletRequest verzoek) throws Exception {
        alleenOperatorDeur(e, verzoek);
        return probleem(HttpStatus.NOT_FOUND, "niet-gevonden", "Niet gevonden",
                "dit adres bestaat niet in de operator-API (zie /v3/api-docs)", null);
    }

    @ExceptionHandler(NietGevonden.class)
    ResponseEntity<ProblemDetail> nietGevonden(NietGevonden e, HttpServletRequest verzoek) {
        alleenOperatorDeur(e, verzoek);
        return probleem(HttpStatus.NOT_FOUND, "niet-gevonden", "Niet gevonden", e.getMessage(), null);
    }

    /** Two requests created the same record at once: the one that lost is told so (it was a 500 with a stack trace). */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> tegelijk(DuplicateKeyException e, HttpServletRequest verzoek) {
        alleenOperatorDeur(e, verzoek);
        return probleem(HttpStatus.CONFLICT, "conflict", "Conflict",
                "een gelijktijdig verzoek legde dit net vast; vraag op wat er nu staat en probeer het zo nodig opnieuw", null);
    }

    /**
     * Another request held the record's lock longer than the database waits (H2: 2 seconds): told so, to try again, not
     * a 500 with a stack trace.
     */
    @ExceptionHandler({QueryTimeoutException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> bezet(DataAccessException e, HttpServletRequest verzoek) {
        alleenOperatorDeur(e, verzoek);
        return probleem(HttpStatus.CONFLICT, "conflict", "Conflict",
                "een gelijktijdig verzoek hield dit vast; vraag op wat er nu staat en probeer het zo opnieuw", null);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e, HttpServletRequest verzoek) {
        alleenOperatorDeur(e, verzoek);
        return probleem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), null);
    }

    @ExceptionHandler(VoorwaardeMislukt.class)
    ResponseEntity<ProblemDetail> voorwaarde(VoorwaardeMislukt e, HttpServletRequest verzoek) {
        alleenOperatorDeur(e, verzoek);
        return probleem(HttpStatus.PRECONDITION_FAILED, "intussen-gewijzigd", "Intussen gewijzigd", e.getMessage(), null);
    }

    /** The other client errors Spring knows (406, 413, ...): its own status, in the same shape. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> overig(Exception e, HttpServletRequest verzoek) throws Exception {
        alleenOperatorDeur(e, verzoek);
        if (!(e instanceof ErrorResponse fout) || !fout.getStatusCode().is4xxClientError()) {
            // a fault on the hub's side: Spring's handling (logged, 500), not a refusal of the operator's input
            throw e;
        }
        HttpStatusCode status = fout.getStatusCode();
        ResponseEntity<ProblemDetail> antwoord = probleem(status, "http-" + status.value(), "Verzoek niet verwerkt",
                "het verzoek is niet verwerkt (HTTP " + status.value() + ")", null);
        return ResponseEntity.status(status).headers(fout.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(antwoord.getBody());
    }

    static ResponseEntity<ProblemDetail> probleem(HttpStatusCode status, String type, String titel, String detail, String veld) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE + type));
        p.setTitle(titel);
        // this occurrence, not the request path: Spring would fill in the path, and a path can carry what was sent
        p.setInstance(URI.create("urn:uuid:" + UUID.randomUUID()));
        if (veld != null && !veld.isBlank()) {
            p.setProperty("veld", kort(veld));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** What arrives at another door (the portal's pages) keeps Spring's handling there. */
    private <T extends Exception> void alleenOperatorDeur(T e, HttpServletRequest verzoek) throws T {
        if (verzoek.getLocalPort() != operatorKanaal.poort()) {
            throw e;
        }
    }

    /** A field name as sent (it may be anything): at most 60 characters, no control characters. */
    static String kort(String naam) {
        String schoon = naam.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
        return schoon.length() <= 60 ? schoon : schoon.substring(0, 60) + "…";
    }

    /** The JSON property that could not be read, as a path: normLeerlingen, [2].pgn. */
    private static String pad(JsonMappingException e) {
        StringBuilder pad = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                pad.append(pad.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                pad.append('[').append(r.getIndex()).append(']');
            }
        }
        return pad.toString();
    }

    private static String verwacht(Class<?> type) {
        if (type == null) {
            return "een geldige waarde";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "een geheel getal";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true of false";
        }
        if (type == LocalDate.class) {
            return "een datum (JJJJ-MM-DD)";
        }
        if (type.isEnum()) {
            return "een van " + Arrays.toString(type.getEnumConstants());
        }
        return "een geldige waarde";
    }
}
