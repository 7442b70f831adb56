package nl.bronhub.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.bronhub.ConfigLezer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The reference register of institutions and vestigingen (BRIN), read from config/ at start. */
@Component
public class Instellingen {

    record RegelVestiging(String volgnummer, LocalDate geldigVanaf, LocalDate geldigTot, List<String> soortenOnderwijs) {
    }

    record Regel(String brin, String naam, Instelling.Soort soort, LocalDate geldigVanaf, LocalDate geldigTot,
                 List<RegelVestiging> vestigingen) {
    }

    record Bestand(List<Regel> instellingen) {
    }

    private final Map<String, Instelling> instellingen;

    public Instellingen(@Value("${bron.referentie.instellingen}") String bestand, ConfigLezer config) {
        this.instellingen = config.lees(bestand, Bestand.class, "Reference register").instellingen().stream()
                    .map(r -> new Instelling(r.brin(), r.naam(), r.soort(), r.geldigVanaf(), r.geldigTot(),
                            r.vestigingen() == null ? List.of() : r.vestigingen().stream()
                                    .map(v -> new Instelling.Vestiging(v.volgnummer(), v.geldigVanaf(), v.geldigTot(),
                                            v.soortenOnderwijs() == null ? Set.of() : Set.copyOf(v.soortenOnderwijs())))
                                    .toList()))
                    .collect(Collectors.toUnmodifiableMap(Instelling::brin, Function.identity(), (a, b) -> {
                        throw new IllegalStateException("Reference register " + bestand + " lists BRIN " + a.brin() + " twice");
                    }));
    }

    public Optional<Instelling> zoek(String brin) {
        return brin == null ? Optional.empty() : Optional.ofNullable(instellingen.get(brin.trim()));
    }
}
