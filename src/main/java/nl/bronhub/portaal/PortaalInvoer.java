package nl.bronhub.portaal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** What every portal page refuses before it reads its input, for schools and boards alike. */
@ControllerAdvice(assignableTypes = {PortaalController.class, BestuurController.class})
class PortaalInvoer {

    /**
     * The portal's forms carry each field once; a request with a field twice (or the token twice) is not
     * one of them, and is refused whole rather than guessing which value was meant.
     */
    @ModelAttribute
    void elkVeldEenmaal(HttpServletRequest verzoek) {
        if (verzoek.getParameterMap().values().stream().anyMatch(w -> w.length > 1)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    /**
     * An address part that is no date (the GTB's peildatum): 400, the portal's Dutch page. Handled here so
     * that Spring does not log the rejected value at WARN, as it would: what someone typed into an
     * address may be anything, a pupil's number too.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void onleesbaarAdres(HttpServletResponse antwoord) throws IOException {
        antwoord.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
