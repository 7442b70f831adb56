package nl.bronhub.referentie;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.bronhub.ConfigLezer;
import org.springframework.stereotype.Component;

/** The reference register of institutions and vestigingen (BRIN), read from config/ at start. */
@Component
public class Instellingen {

    record RegelVestiging(String volgnummer, LocalDate geldigVanaf, LocalDate geldigTot, List<String> soortenOnderwijs) {
    }

    record Regel(String brin, String naam, Instelling.Soort soort, LocalDate geldigVanaf, LocalDate geldigTot,
                 List<RegelVestiging> vestigingen, Boolean bekostigd) {
    }

    record Bestand(List<Regel> instellingen, List<String> recs) {
    }

    private final Map<String, Instelling> instellingen;
    private final Set<String> recs;
    private final String vingerafdruk;

    public Instellingen(ReferentieEigenschappen eigenschappen, ConfigLezer config) {
        String bestand = eigenschappen.instellingen();
        Bestand gelezen = config.lees(bestand, Bestand.class, "Reference register");
        this.recs = gelezen.recs() == null ? Set.of() : Set.copyOf(gelezen.recs());
        this.instellingen = gelezen.instellingen().stream()
                    .map(r -> new Instelling(r.brin(), r.naam(), r.soort(), r.geldigVanaf(), r.geldigTot(),
                            r.vestigingen() == null ? List.of() : r.vestigingen().stream()
                                    .map(v -> new Instelling.Vestiging(v.volgnummer(), v.geldigVanaf(), v.geldigTot(),
                                            v.soortenOnderwijs() == null ? Set.of() : Set.copyOf(v.soortenOnderwijs())))
                                    .toList(), !Boolean.FALSE.equals(r.bekostigd())))
                    .collect(Collectors.toUnmodifiableMap(Instelling::brin, Function.identity(), (a, b) -> {
                        throw new IllegalStateException("Reference register " + bestand + " lists BRIN " + a.brin() + " twice");
                    }));
        this.vingerafdruk = berekenVingerafdruk();
    }

    /** The REC numbers (regionale expertisecentra) an indicatienummer may start with (GTB signal 10). */
    public boolean isRec(String nummer) {
        return nummer != null && recs.contains(nummer.trim());
    }

    /** Changes whenever the register's content does (the GTB recomputes everyone then); read once, at start. */
    public String vingerafdruk() {
        return vingerafdruk;
    }

    private String berekenVingerafdruk() {
        String alles = alle().stream().map(i -> String.join("/", i.brin(), String.valueOf(i.soort()), String.valueOf(i.geldigVanaf()),
                        String.valueOf(i.geldigTot()), String.valueOf(i.bekostigd()), i.vestigingen().stream()
                                .map(v -> v.volgnummer() + ":" + v.geldigVanaf() + ":" + v.geldigTot() + ":"
                                        + v.soortenOnderwijs().stream().sorted().collect(Collectors.joining(",")))
                                .sorted().collect(Collectors.joining("+"))))
                .collect(Collectors.joining(";")) + "|" + recs.stream().sorted().collect(Collectors.joining(","));
        return Integer.toHexString(alles.hashCode());
    }

    public List<Instelling> alle() {
        return instellingen.values().stream().sorted(Comparator.comparing(Instelling::brin)).toList();
    }

    public Optional<Instelling> zoek(String brin) {
        return brin == null ? Optional.empty() : Optional.ofNullable(instellingen.get(brin.trim()));
    }
}
