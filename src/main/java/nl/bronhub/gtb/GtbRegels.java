package nl.bronhub.gtb;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import nl.bronhub.aanlevering.Waardelijsten;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.springframework.stereotype.Component;

/**
 * How one pupil counts on each peildatum of each school it is enrolled at (handbook ch. 9 and 10.2).
 * Pure: it reads the pupil's stored data and the reference register, and says per inschrijving and
 * peildatum its category (counted, not counted, AB, returned) and its GTB signals. A pupil is the unit
 * of recomputation because the signals that link schools (2/4 double enrolment, 8, 26, 27) only ever
 * look at the same pupil's other inschrijvingen.
 */
@Component
public class GtbRegels {

    public enum Categorie { BEKOSTIGD, NIET_BEKOSTIGD, AB, AB_NIET, TERUGGEPLAATST }

    public record Indicatie(LocalDate datum, String soort, String rec) {
    }

    public record Begeleiding(LocalDate ingang, String brinSchool) {
    }

    public record Inschrijving(long id, String brin, LocalDate inschrijving, LocalDate uitschrijving, String brinTeruggeplaatst,
                               String nnca, Map<String, NavigableMap<LocalDate, String>> groepen, List<Indicatie> indicaties,
                               List<Begeleiding> begeleiding) {

        boolean actiefOp(LocalDate p) {
            return !inschrijving.isAfter(p) && (uitschrijving == null || !uitschrijving.isBefore(p));
        }

        Optional<String> groep(String naam, LocalDate p) {
            NavigableMap<LocalDate, String> g = groepen.getOrDefault(naam, new TreeMap<>());
            Map.Entry<LocalDate, String> op = g.floorEntry(p);
            return Optional.ofNullable(op != null ? op.getValue() : g.isEmpty() ? null : g.firstEntry().getValue());
        }

        boolean isAbOp(LocalDate p) {
            return begeleiding.stream().anyMatch(b -> !b.ingang().isAfter(p));
        }

        Optional<Indicatie> indicatieOp(LocalDate p) {
            return indicaties.stream().filter(i -> !i.datum().isAfter(p)).max(Comparator.comparing(Indicatie::datum));
        }

        boolean crisisOfObservatieOp(LocalDate p) {
            return groep("soort_verblijf", p).filter(v -> v.equals("1") || v.equals("2")).isPresent();
        }

        /** Handbook 8.5: crisis, observatie and residential places (soort verblijf 1-6) admit without an indication. */
        boolean zonderIndicatieToegelatenOp(LocalDate p) {
            return groep("soort_verblijf", p).filter(Waardelijsten.VERBLIJF_ZONDER_INDICATIE::contains).isPresent();
        }

        /** Handbook 8.4: the LAS registers 'Nee' for a pupil that does not qualify for funding (7.4.9, absence). */
        boolean nietBekostigbaarOp(LocalDate p) {
            return groep("indicatie_bekostiging", p).filter("N"::equals).isPresent();
        }
    }

    public record Leerling(long persoonId, String pgn, LocalDate geboortedatum, List<Inschrijving> inschrijvingen,
                           Set<String> verzuim) {
    }

    public record Signaal(int code, LocalDate ingang, String scholen) {
    }

    public record Rij(LocalDate peildatum, long inschrijvingId, String brin, String vestiging, Categorie categorie,
                      String soortOnderwijs, String leeftijdsgroep, boolean cumi, List<Signaal> signalen) {
    }

    /** Every signal these rules (and the writer: 20, 21) can give. */
    static final Set<Integer> SIGNALEN = Set.of(1, 2, 3, 4, 5, 8, 9, 10, 12, 16, 17, 18, 19, 20, 21, 25, 26, 27);

    /** Signals after which a pupil does not count at this school. */
    static final Set<Integer> TELT_NIET = Set.of(1, 2, 3, 5, 8, 10, 12, 16, 17, 18, 19, 25, 26, 27);

    private final Instellingen instellingen;
    private final Peildata peildata;

    public GtbRegels(Instellingen instellingen, Peildata peildata) {
        this.instellingen = instellingen;
        this.peildata = peildata;
    }

    public List<Rij> beoordeel(Leerling leerling, LocalDate vandaag) {
        List<Rij> rijen = new ArrayList<>();
        for (Inschrijving i : leerling.inschrijvingen()) {
            Optional<Instelling> school = instellingen.zoek(i.brin()).filter(s -> Peildata.heeftGtb(s.soort()));
            if (school.isEmpty()) {
                continue;
            }
            // signal -> first peildatum of the current uninterrupted run (datum ingang)
            Map<Integer, LocalDate> ingang = new HashMap<>();
            for (Peildata.Peildatum pd : peildata.voor(school.get().soort(), vandaag)) {
                LocalDate p = pd.datum();
                Optional<Rij> rij = rij(leerling, i, school.get(), p);
                Set<Integer> nu = rij.map(r -> r.signalen().stream().map(Signaal::code).collect(Collectors.toSet())).orElse(Set.of());
                ingang.keySet().retainAll(nu);
                nu.forEach(code -> ingang.putIfAbsent(code, p));
                rij.map(r -> new Rij(r.peildatum(), r.inschrijvingId(), r.brin(), r.vestiging(), r.categorie(), r.soortOnderwijs(),
                                r.leeftijdsgroep(), r.cumi(), r.signalen().stream()
                                .map(s -> new Signaal(s.code(), ingang.get(s.code()), s.scholen())).toList()))
                        .ifPresent(rijen::add);
            }
        }
        return rijen;
    }

    /**
     * One inschrijving on the peildata of one school year of its school, in order; each signal dated on its own peildatum
     * (the datum ingang of a run is {@link #beoordeel(Leerling, LocalDate)}'s). What the funding status reads.
     */
    public List<Rij> beoordeel(Leerling leerling, Inschrijving i, Instelling school, int schooljaar) {
        List<Rij> rijen = new ArrayList<>();
        for (Peildata.Peildatum pd : peildata.voor(school.soort(), schooljaar)) {
            rij(leerling, i, school, pd.datum()).ifPresent(rijen::add);
        }
        return rijen;
    }

    private Optional<Rij> rij(Leerling l, Inschrijving i, Instelling school, LocalDate p) {
        int jaar = Peildata.schooljaar(p);
        String leeftijdsgroep = leeftijdsgroep(l.geboortedatum(), jaar);
        String vestiging = i.groep("vestiging", p).orElse("01");
        List<Signaal> signalen = new ArrayList<>();
        if (!i.actiefOp(p)) {
            if (i.uitschrijving() == null || i.uitschrijving().isAfter(p)
                    || i.uitschrijving().isBefore(LocalDate.of(jaar, 8, 1).minusDays(1))) {
                return Optional.empty();
            }
            signalen.add(new Signaal(1, p, null));
            Categorie categorie = Categorie.NIET_BEKOSTIGD;
            LocalDate eenOktober = p.isAfter(LocalDate.of(jaar, 10, 1)) ? LocalDate.of(jaar, 10, 1) : null;
            if (school.soort() != Instelling.Soort.WPO && i.brinTeruggeplaatst() != null && eenOktober != null && i.actiefOp(eenOktober)
                    && !i.isAbOp(eenOktober)) {
                if (l.inschrijvingen().stream().anyMatch(andere -> andere.id() != i.id() && andere.isAbOp(p) && andere.actiefOp(p))) {
                    signalen.add(new Signaal(27, p, null));
                } else if (!sluitAan(l, i)) {
                    signalen.add(new Signaal(26, p, null));
                } else {
                    categorie = Categorie.TERUGGEPLAATST;
                }
            }
            return Optional.of(new Rij(p, i.id(), i.brin(), vestiging, categorie, soort(i, school, p), leeftijdsgroep, false, signalen));
        }
        if (i.isAbOp(p)) {
            return Optional.of(begeleid(l, i, school, p, vestiging, leeftijdsgroep));
        }
        boolean wpo = school.soort() == Instelling.Soort.WPO;
        Optional<Instelling.Vestiging> v = school.vestiging(vestiging);
        if (!school.geldigOp(p) || v.isEmpty() || !v.get().geldigOp(p)) {
            signalen.add(new Signaal(3, p, null));
        }
        String soort = soort(i, school, p);
        boolean crisis = i.crisisOfObservatieOp(p);
        if (crisis) {
            signalen.add(new Signaal(5, p, null));
        }
        Optional<Indicatie> indicatie = i.indicatieOp(p);
        if (!wpo) {
            // ambulante begeleiding (00) was counted above; a place counts only in a soort its vestiging gives, 00 too
            if (v.isPresent() && !v.get().soortenOnderwijs().contains(soort)) {
                signalen.add(new Signaal(19, p, null));
            }
            if (!i.zonderIndicatieToegelatenOp(p) && indicatie.isEmpty()) {
                signalen.add(new Signaal(16, p, null));
            }
            indicatie.filter(ind -> school.soort() != Instelling.Soort.VGK && !Waardelijsten.ZONDER_REC.contains(ind.soort())
                    && !instellingen.isRec(ind.rec())).ifPresent(ind -> signalen.add(new Signaal(10, p, null)));
            indicatie.filter(ind -> !"00".equals(soort)
                    && !Waardelijsten.PASSEND_ONDERWIJS.getOrDefault(ind.soort(), Set.of()).contains(soort))
                    .ifPresent(ind -> signalen.add(new Signaal(18, p, null)));
        }
        // as the LAS registered it (indicatie bekostiging 'N' in force on the peildatum), or as the operator was told
        if (i.nietBekostigbaarOp(p) || (p.equals(LocalDate.of(jaar, 10, 1)) && l.verzuim().contains(i.brin() + "|" + jaar))) {
            signalen.add(new Signaal(12, p, null));
        }
        if (!crisis) {
            dubbel(l, i, p).ifPresent(signalen::add);
        }
        if (onderMinimumleeftijd(l, i, wpo)) {
            signalen.add(new Signaal(9, p, null));
        }
        boolean telt = signalen.stream().noneMatch(s -> TELT_NIET.contains(s.code()));
        return Optional.of(new Rij(p, i.id(), i.brin(), vestiging, telt ? Categorie.BEKOSTIGD : Categorie.NIET_BEKOSTIGD, soort,
                leeftijdsgroep, telt && "2".equals(i.nnca()), signalen));
    }

    /** An AB pupil: counted for AB unless signal 8, 10, 17 or 25 says otherwise. */
    private Rij begeleid(Leerling l, Inschrijving i, Instelling school, LocalDate p, String vestiging, String leeftijdsgroep) {
        List<Signaal> signalen = new ArrayList<>();
        Begeleiding b = i.begeleiding().stream().filter(x -> !x.ingang().isAfter(p)).max(Comparator.comparing(Begeleiding::ingang))
                .orElseThrow();
        Optional<Instelling> andere = instellingen.zoek(b.brinSchool());
        if (andere.filter(a -> a.soort() == Instelling.Soort.WPO).isPresent() && l.inschrijvingen().stream()
                .noneMatch(x -> x.brin().equals(b.brinSchool()) && x.actiefOp(p))) {
            signalen.add(new Signaal(8, p, null));
        }
        if (school.soort() == Instelling.Soort.VGK && andere.filter(a -> a.bekostigd() && a.geldigOp(p)).isEmpty()) {
            signalen.add(new Signaal(17, p, null));
        }
        Optional<Indicatie> indicatie = i.indicatieOp(p);
        indicatie.filter(ind -> school.soort() != Instelling.Soort.VGK && !Waardelijsten.ZONDER_REC.contains(ind.soort())
                && !instellingen.isRec(ind.rec())).ifPresent(ind -> signalen.add(new Signaal(10, p, null)));
        String soort = indicatie.map(Indicatie::soort).orElse("00");
        if (indicatie.isPresent() && school.soort() == Instelling.Soort.WEC) {
            Set<String> passend = Waardelijsten.PASSEND_ONDERWIJS.getOrDefault(indicatie.get().soort(), Set.of());
            Optional<String> bevoegd = school.vestiging(vestiging).stream().flatMap(v -> v.soortenOnderwijs().stream())
                    .filter(passend::contains).sorted().findFirst();
            if (bevoegd.isEmpty()) {
                signalen.add(new Signaal(25, p, null));
            } else {
                soort = bevoegd.get();
            }
        } else if (indicatie.isPresent()) {
            soort = Waardelijsten.PASSEND_ONDERWIJS.getOrDefault(indicatie.get().soort(), Set.of(soort)).stream().sorted()
                    .findFirst().orElse(soort);
        }
        boolean telt = signalen.stream().noneMatch(s -> TELT_NIET.contains(s.code()));
        return new Rij(p, i.id(), i.brin(), vestiging, telt ? Categorie.AB : Categorie.AB_NIET, soort, leeftijdsgroep, false, signalen);
    }

    /**
     * Signals 2 and 4: the pupil counts at the school where it was enrolled most recently; both sides
     * are told which other schools enrol it on the peildatum. Crisis and observation places do not
     * compete (they have signal 5).
     */
    private Optional<Signaal> dubbel(Leerling l, Inschrijving i, LocalDate p) {
        if (l.inschrijvingen().stream().allMatch(x -> x.brin().equals(i.brin()))) {
            return Optional.empty(); // no other school (most pupils): nothing to look up per peildatum
        }
        List<Inschrijving> concurrent = l.inschrijvingen().stream()
                .filter(x -> x.actiefOp(p) && !x.isAbOp(p) && !x.crisisOfObservatieOp(p))
                .filter(x -> instellingen.zoek(x.brin()).filter(s -> Peildata.heeftGtb(s.soort())).isPresent())
                .toList();
        List<String> anderen = concurrent.stream().filter(x -> !x.brin().equals(i.brin())).map(Inschrijving::brin).distinct().sorted()
                .toList();
        if (anderen.isEmpty()) {
            return Optional.empty();
        }
        Inschrijving winnaar = concurrent.stream()
                .max(Comparator.comparing(Inschrijving::inschrijving).thenComparing(Inschrijving::id)).orElseThrow();
        return Optional.of(new Signaal(winnaar.id() == i.id() ? 4 : 2, p, String.join(", ", anderen)));
    }

    /** Signal 26: the regular school's enrolment starts the next school day after the uitschrijving. */
    private static boolean sluitAan(Leerling l, Inschrijving i) {
        LocalDate dag = i.uitschrijving().plusDays(1);
        LocalDate uiterlijk = dag;
        while (uiterlijk.getDayOfWeek() == DayOfWeek.SATURDAY || uiterlijk.getDayOfWeek() == DayOfWeek.SUNDAY) {
            uiterlijk = uiterlijk.plusDays(1);
        }
        LocalDate laatste = uiterlijk;
        return l.inschrijvingen().stream().anyMatch(x -> x.brin().equals(i.brinTeruggeplaatst())
                && !x.inschrijving().isBefore(dag) && !x.inschrijving().isAfter(laatste));
    }

    /**
     * Signal 9: enrolled before the minimum age (4, or 3 for the indications that may start at 3),
     * which the inspectorate must have allowed.
     */
    private static boolean onderMinimumleeftijd(Leerling l, Inschrijving i, boolean wpo) {
        int minimum = !wpo && i.indicaties().stream().anyMatch(ind -> Waardelijsten.VANAF_DRIE_JAAR.contains(ind.soort())) ? 3 : 4;
        return Period.between(l.geboortedatum(), i.inschrijving()).getYears() < minimum;
    }

    private static String soort(Inschrijving i, Instelling school, LocalDate p) {
        if (school.soort() == Instelling.Soort.WPO) {
            return "BAO";
        }
        return i.groep("soort_onderwijs", p).orElse("00");
    }

    /** Age on 31 December of the school year (handbook ch. 9, note 15). */
    static String leeftijdsgroep(LocalDate geboortedatum, int schooljaar) {
        int leeftijd = Period.between(geboortedatum, LocalDate.of(schooljaar, 12, 31)).getYears();
        return leeftijd < 8 ? "<8" : leeftijd <= 12 ? "8-12" : "13+";
    }
}
