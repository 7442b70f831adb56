package nl.bronhub.operator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.aanlevering.Formaten;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.toegang.CertificaatRegister;
import nl.bronhub.toegang.CertificaatRegister.Houder;
import nl.bronhub.toegang.CertificaatRegister.Mandaat;
import nl.bronhub.toegang.CertificaatRegister.Registratie;
import nl.bronhub.toegang.CertificaatUitgifte;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: the certificate register and the mandate register (JSON). */
@RestController
@Tag(name = "toegang", description = "Het certificaatregister en het mandaatregister")
@RequestMapping("/operator")
public class ToegangApi {

    /** A certificate to register: the PEM text, and either brin + aanleverpuntnummer or leverancier. */
    public record Aanmelding(String certificaat, String brin, String aanleverpuntnummer, String leverancier) {
    }

    private final CertificaatRegister register;
    private final CertificaatUitgifte uitgifte;
    private final Instellingen instellingen;

    public ToegangApi(CertificaatRegister register, CertificaatUitgifte uitgifte, Instellingen instellingen) {
        this.instellingen = instellingen;
        this.uitgifte = uitgifte;
        this.register = register;
    }

    /** What the helpdesk watches in step 9: per aanleverpunt with a wachtwoordbrief, obtained? tested? and the two flags. */
    @GetMapping("/certificaten/uitgifte")
    @Operation(summary = "Per aanleverpunt met een wachtwoordbrief: certificaat opgehaald en getest, en wie de helpdesk moet benaderen")
    public List<CertificaatUitgifte.Bewaking> uitgifte() {
        return uitgifte.bewaking();
    }

    @GetMapping("/certificaten")
    public List<Registratie> certificaten() {
        return register.alle();
    }

    /** Registers a certificate, or moves a registered one to another houder. */
    @PostMapping(value = "/certificaten", consumes = "application/json")
    public Registratie registreer(@RequestBody Aanmelding aanmelding) {
        bekend(aanmelding.brin());
        return register.registreer(aanmelding.certificaat(),
                new Houder(aanmelding.brin(), aanmelding.aanleverpuntnummer(), aanmelding.leverancier()));
    }

    /** The same, with the PEM file itself as the body (curl --data-binary @las.crt) and the houder as parameters. */
    @PostMapping(value = "/certificaten", consumes = {"application/x-pem-file", "text/plain"})
    public Registratie registreerPem(@RequestBody String pem, @RequestParam(required = false) String brin,
                                     @RequestParam(required = false) String aanleverpuntnummer,
                                     @RequestParam(required = false) String leverancier) {
        bekend(brin);
        return register.registreer(pem, new Houder(brin, aanleverpuntnummer, leverancier));
    }

    /**
     * A school the reference register does not know gets no certificate or mandate: a mistyped BRIN-nummer would take a
     * working certificate from its aanleverpunt, or mandate a vendor for no school. Repeated only in the BRIN's form.
     */
    private void bekend(String brin) {
        if (brin != null && Formaten.BRIN.matcher(brin).matches() && instellingen.zoek(brin).isEmpty()) {
            throw new OngeldigeInvoer("brin", "BRIN-nummer " + brin + " is niet bekend in het BRIN-register");
        }
    }

    @DeleteMapping("/certificaten/{vingerafdruk}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> trekIn(@PathVariable String vingerafdruk) {
        if (!register.trekIn(vingerafdruk)) {
            throw new OperatorFouten.NietGevonden("dit certificaat");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/mandaten")
    public List<Mandaat> mandaten(@RequestParam(required = false) String brin) {
        return register.mandaten(brin);
    }

    @PutMapping("/mandaten/{brin}/{leverancier}")
    public Mandaat machtig(@PathVariable String brin, @PathVariable String leverancier) {
        bekend(brin);
        return register.machtig(brin, leverancier);
    }

    @DeleteMapping("/mandaten/{brin}/{leverancier}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> trekMandaatIn(@PathVariable String brin, @PathVariable String leverancier) {
        if (!register.trekMandaatIn(brin, leverancier)) {
            throw new OperatorFouten.NietGevonden("dit mandaat");
        }
        return ResponseEntity.noContent().build();
    }
}
