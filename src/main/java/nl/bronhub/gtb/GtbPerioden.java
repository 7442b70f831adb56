package nl.bronhub.gtb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How the GTB rows are stored: per inschrijving, the peildata in a row of its school's schedule on which it stands
 * the same (category, vestiging, soort onderwijs, age group, CUMI and signals) become one period. A pupil enrolled a
 * whole school year at one vestiging is one period for that year instead of thirteen rows. A period holds on every
 * peildatum of the school's schedule from its first to its last; a peildatum whose GTB is vastgesteld always has a
 * period of its own, so what was fixed there is read and kept apart from what the rules now say. Pure.
 */
final class GtbPerioden {

    /** One stored period: an inschrijving's standing on every peildatum of its school's schedule from eerste to laatste. */
    record Periode(long inschrijvingId, LocalDate eerste, LocalDate laatste, long persoonId, String brin, String vestiging,
                   GtbRegels.Categorie categorie, String soortOnderwijs, String leeftijdsgroep, boolean cumi,
                   List<GtbRegels.Signaal> signalen) {

        /** The standing on one peildatum of the period. */
        GtbRegels.Rij op(LocalDate peildatum) {
            return new GtbRegels.Rij(peildatum, inschrijvingId, brin, vestiging, categorie, soortOnderwijs, leeftijdsgroep, cumi, signalen);
        }

        private boolean zelfdeStand(GtbRegels.Rij r, List<GtbRegels.Signaal> geordend) {
            return r.inschrijvingId() == inschrijvingId && Objects.equals(r.brin(), brin) && zelfdeTelling(op(r.peildatum()), r)
                    && geordend.equals(signalen);
        }
    }

    private static final NavigableSet<LocalDate> GEEN = new TreeSet<>();

    private final Map<String, NavigableSet<LocalDate>> vast;
    private final Function<String, List<Peildata.Peildatum>> schema;
    private final Map<String, Map<LocalDate, Integer>> volgorde = new HashMap<>();

    /**
     * @param vast   per BRIN the peildata whose GTB is vastgesteld
     * @param schema per BRIN its school's peildata in order (empty for a school without a GTB)
     */
    GtbPerioden(Map<String, NavigableSet<LocalDate>> vast, Function<String, List<Peildata.Peildatum>> schema) {
        this.vast = vast;
        this.schema = schema;
    }

    /** A person's standing per inschrijving and peildatum as periods, ordered by inschrijving and first peildatum. */
    List<Periode> perioden(long persoonId, List<GtbRegels.Rij> stand) {
        List<GtbRegels.Rij> rijen = new ArrayList<>(stand);
        rijen.sort(Comparator.comparingLong(GtbRegels.Rij::inschrijvingId).thenComparing(GtbRegels.Rij::peildatum));
        List<Periode> perioden = new ArrayList<>();
        for (GtbRegels.Rij r : rijen) {
            List<GtbRegels.Signaal> signalen = geordend(r.signalen());
            Periode vorige = perioden.isEmpty() ? null : perioden.get(perioden.size() - 1);
            if (vorige != null && vorige.zelfdeStand(r, signalen) && volgend(r.brin(), vorige.laatste(), r.peildatum())) {
                perioden.set(perioden.size() - 1, new Periode(vorige.inschrijvingId(), vorige.eerste(), r.peildatum(), persoonId,
                        vorige.brin(), vorige.vestiging(), vorige.categorie(), vorige.soortOnderwijs(), vorige.leeftijdsgroep(),
                        vorige.cumi(), vorige.signalen()));
            } else {
                perioden.add(new Periode(r.inschrijvingId(), r.peildatum(), r.peildatum(), persoonId, r.brin(), r.vestiging(),
                        r.categorie(), r.soortOnderwijs(), r.leeftijdsgroep(), r.cumi(), signalen));
            }
        }
        return perioden;
    }

    /** Whether {@code volgende} is the peildatum right after {@code laatste} in the school's schedule, and neither is vastgesteld. */
    private boolean volgend(String brin, LocalDate laatste, LocalDate volgende) {
        NavigableSet<LocalDate> vastgesteld = vast.getOrDefault(brin, GEEN);
        if (vastgesteld.contains(laatste) || vastgesteld.contains(volgende)) {
            return false;
        }
        Map<LocalDate, Integer> index = volgorde.computeIfAbsent(brin, b -> {
            Map<LocalDate, Integer> i = new HashMap<>();
            List<Peildata.Peildatum> peildata = schema.apply(b);
            for (int n = 0; n < peildata.size(); n++) {
                i.put(peildata.get(n).datum(), n);
            }
            return i;
        });
        Integer a = index.get(laatste);
        Integer b = index.get(volgende);
        return a != null && b != null && b == a + 1;
    }

    /** Whether two rows count the same (category, vestiging, soort onderwijs, age group, CUMI), signals aside. */
    static boolean zelfdeTelling(GtbRegels.Rij a, GtbRegels.Rij b) {
        return a.categorie() == b.categorie() && Objects.equals(a.vestiging(), b.vestiging())
                && Objects.equals(a.soortOnderwijs(), b.soortOnderwijs()) && Objects.equals(a.leeftijdsgroep(), b.leeftijdsgroep())
                && a.cumi() == b.cumi();
    }

    /** Signals in one order (by code), so equal standings compare equal however the rules listed them. */
    static List<GtbRegels.Signaal> geordend(List<GtbRegels.Signaal> signalen) {
        if (signalen.size() < 2) {
            // most standings have none: no stream per row (the profile saw 5% of the GTB thread here)
            return signalen;
        }
        return signalen.stream().sorted(Comparator.comparingInt(GtbRegels.Signaal::code)).toList();
    }
}
