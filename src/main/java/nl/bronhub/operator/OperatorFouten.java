package nl.bronhub.operator;

import java.util.Map;

import nl.bronhub.OngeldigeInvoer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the operator API as a clear JSON message, never a stack trace. */
@RestControllerAdvice(basePackageClasses = OperatorFouten.class)
public class OperatorFouten {

    public static class NietGevonden extends RuntimeException {
        public NietGevonden(String wat) {
            super(wat + " bestaat niet");
        }
    }

    @ExceptionHandler(OngeldigeInvoer.class)
    ResponseEntity<Map<String, String>> ongeldig(OngeldigeInvoer e) {
        return ResponseEntity.badRequest().body(Map.of("fout", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> onleesbaar(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("fout",
                "de invoer is geen geldige JSON van de verwachte vorm (datums als JJJJ-MM-DD, aantallen als getal)"));
    }

    @ExceptionHandler(NietGevonden.class)
    ResponseEntity<Map<String, String>> nietGevonden(NietGevonden e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("fout", e.getMessage()));
    }
}
