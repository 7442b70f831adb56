package nl.bronhub.operator;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

import nl.bronhub.voortgang.IngebouwdeMailserver;
import nl.bronhub.voortgang.Voortgangsmails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: the voortgangsmails (list, send again) and the embedded mail server's inbox. */
@RestController
@Tag(name = "voortgangsmails", description = "Voortgangsmails en de ingebouwde mailserver")
@RequestMapping("/operator")
public class VoortgangsmailsApi {

    private final Voortgangsmails mails;
    private final ObjectProvider<IngebouwdeMailserver> mailserver;

    public VoortgangsmailsApi(Voortgangsmails mails, ObjectProvider<IngebouwdeMailserver> mailserver) {
        this.mails = mails;
        this.mailserver = mailserver;
    }

    @GetMapping("/voortgangsmails")
    public List<Voortgangsmails.Overzicht> alle() {
        return mails.overzicht();
    }

    @PostMapping("/voortgangsmails/{id}/opnieuw")
    public ResponseEntity<Map<String, String>> opnieuw(@PathVariable long id) {
        return switch (mails.opnieuw(id)) {
            case ONBEKEND -> throw new OperatorFouten.NietGevonden("deze voortgangsmail");
            case GEEN_ADRES -> throw new OperatorFouten.Conflict("het aanleverpunt heeft geen e-mailadres voor de gemachtigde; vul dat eerst in");
            case VERZENDEN -> ResponseEntity.accepted().body(Map.of("status", "wordt opnieuw verzonden"));
        };
    }

    @GetMapping("/mailserver/berichten")
    public List<IngebouwdeMailserver.Ontvangen> ontvangen() {
        IngebouwdeMailserver server = mailserver.getIfAvailable();
        if (server == null) {
            throw new OperatorFouten.NietGevonden("de ingebouwde mailserver (bron.mail.ingebouwd is false)");
        }
        return server.berichten();
    }
}
