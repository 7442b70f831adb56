package nl.bronhub.operator;

import java.util.List;

import nl.bronhub.registry.AanleverpuntGegevens;
import nl.bronhub.registry.AanleverpuntRegister;
import nl.bronhub.registry.AanleverpuntRegister.Aanleverpunt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: the aanleverpunt registry (JSON). */
@RestController
@RequestMapping("/operator/aanleverpunten")
public class AanleverpuntenApi {

    private final AanleverpuntRegister register;

    public AanleverpuntenApi(AanleverpuntRegister register) {
        this.register = register;
    }

    @GetMapping
    public List<Aanleverpunt> alle() {
        return register.alle();
    }

    @GetMapping("/{brin}/{nummer}")
    public Aanleverpunt een(@PathVariable String brin, @PathVariable String nummer) {
        return register.zoek(brin, nummer).orElseThrow(() -> new OperatorFouten.NietGevonden("aanleverpunt " + brin + "/" + nummer));
    }

    /** Creates or replaces the aanleverpunt's registry data. */
    @PutMapping("/{brin}/{nummer}")
    public Aanleverpunt zet(@PathVariable String brin, @PathVariable String nummer, @RequestBody AanleverpuntGegevens gegevens) {
        return register.slaOp(brin, nummer, gegevens);
    }
}
