package nl.bronhub.verwerking;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The message that travels through stages 4-7 (routes 40-70): consecutive waiting berichten of one
 * aanleverpunt, in arrival order, processed in one transaction (route verwerk-reeks). No pupil occurs twice
 * in a reeks, so each stage may work through the whole reeks before the next stage starts and every bericht
 * still sees the effect of the ones before it about the same pupil: those are in an earlier reeks.
 */
public final class Reeks {

    private final long aanleverpuntId;
    private final List<Verwerking> berichten;

    Reeks(long aanleverpuntId, List<Verwerking> berichten) {
        this.aanleverpuntId = aanleverpuntId;
        this.berichten = List.copyOf(berichten);
    }

    public long getAanleverpuntId() {
        return aanleverpuntId;
    }

    /** In arrival order. */
    public List<Verwerking> getBerichten() {
        return berichten;
    }

    public int getAantal() {
        return berichten.size();
    }

    /** The berichten' own identificaties (the LAS's, never personal data): for tracing a reeks in a route. */
    public List<String> getIdentificaties() {
        return berichten.stream().map(v -> v.getBericht().identificatie()).toList();
    }

    /**
     * Whether the bericht with this identificatie (the LAS's) is in the reeks: for an operator who puts a step on one
     * bericht in a route, e.g. {@code filter: simple: "${body.bevat('...')}"}.
     */
    public boolean bevat(String identificatie) {
        return berichten.stream().anyMatch(v -> identificatie.equals(v.getBericht().identificatie()));
    }

    /** The register's ids of the persons whose inschrijvingen the reeks's berichten stored (once the register stage ran). */
    public Set<Long> getPersoonIds() {
        Set<Long> personen = new HashSet<>();
        berichten.forEach(v -> {
            if (v.getPersoonId() != null) {
                personen.add(v.getPersoonId());
            }
        });
        return personen;
    }

    /** Each bericht in turn, with its correlation id in the log lines written meanwhile. */
    public void elk(Consumer<Verwerking> stap) {
        elk(berichten, stap);
    }

    /** Each of these berichten (part of a reeks) in turn, with its correlation id in the log lines written meanwhile. */
    public static void elk(List<Verwerking> berichten, Consumer<Verwerking> stap) {
        for (Verwerking v : berichten) {
            try (var correlatie = Correlatie.bericht(v.getBerichtId())) {
                stap.accept(v);
            }
        }
    }

    /** Each bericht that no afkeur signal has stopped yet. */
    public void elkNietAfgekeurd(Consumer<Verwerking> stap) {
        elk(v -> {
            if (!v.isAfgekeurd()) {
                stap.accept(v);
            }
        });
    }
}
