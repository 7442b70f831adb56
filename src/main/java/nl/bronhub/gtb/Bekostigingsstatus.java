package nl.bronhub.gtb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.springframework.stereotype.Component;

/**
 * A registered inschrijving's provisional funding status (the 2019 letter's po-bekostigen), for its terugkoppeling:
 * judged by {@link GtbRegels}, the rules the GTB itself counts with, on the register as the bericht left it. The pupil
 * is judged on every peildatum on or after the datum inschrijving (and on or before the datum uitschrijving) up to the end
 * of the current school year (or of the inschrijving's, when it starts later). The status is how the last of those
 * stands, from the first peildatum of the run it ends: counted (for funding, for AB, or as teruggeplaatst) from then
 * on, or kept out from then on by the GTB signals on that peildatum. An enrolment that ends before its first peildatum
 * is not counted (signal 1 on the peildatum after it). A school without a GTB (not WPO, WEC or VGK) has no status.
 */
@Component
public class Bekostigingsstatus {

    /** One GTB signal with its text (config/gtb-signalen.yaml). */
    public record GtbSignaal(int code, String tekst) {
    }

    /** {@code telt}: counted from {@code peildatum}; otherwise not counted on it, with the signals why. */
    public record Status(boolean telt, LocalDate peildatum, List<GtbSignaal> signalen) {
    }

    private final GtbRegels regels;
    private final GtbHerberekening register;
    private final GtbSignalen teksten;
    private final Instellingen instellingen;

    public Bekostigingsstatus(GtbRegels regels, GtbHerberekening register, GtbSignalen teksten, Instellingen instellingen) {
        this.regels = regels;
        this.register = register;
        this.teksten = teksten;
        this.instellingen = instellingen;
    }

    /**
     * The status of each inschrijving (by id) of the given persons (inschrijving id to person id), read from the register
     * at once; an inschrijving without a status is absent.
     */
    public Map<Long, Status> vanAlle(Map<Long, Long> persoonPerInschrijving, LocalDate vandaag) {
        Map<Long, GtbRegels.Leerling> leerlingen = register.leerlingen(new HashSet<>(persoonPerInschrijving.values()));
        Map<Long, Status> statussen = new HashMap<>();
        persoonPerInschrijving.forEach((inschrijving, persoon) -> {
            GtbRegels.Leerling leerling = leerlingen.get(persoon);
            if (leerling != null) {
                van(leerling, inschrijving, vandaag).ifPresent(s -> statussen.put(inschrijving, s));
            }
        });
        return statussen;
    }

    /** The status of inschrijving {@code inschrijvingId} of a pupil as the GTB rules read them, as of {@code vandaag}. */
    public Optional<Status> van(GtbRegels.Leerling leerling, long inschrijvingId, LocalDate vandaag) {
        return leerling.inschrijvingen().stream().filter(i -> i.id() == inschrijvingId).findFirst()
                .flatMap(i -> status(leerling, i, vandaag));
    }

    private Optional<Status> status(GtbRegels.Leerling leerling, GtbRegels.Inschrijving i, LocalDate vandaag) {
        Optional<Instelling> school = instellingen.zoek(i.brin()).filter(s -> Peildata.heeftGtb(s.soort()));
        if (school.isEmpty()) {
            return Optional.empty();
        }
        int eerste = Peildata.schooljaar(i.inschrijving());
        int laatste = Math.max(eerste, Peildata.schooljaar(vandaag));
        if (i.uitschrijving() != null) {
            laatste = Math.min(laatste, Math.max(eerste, Peildata.schooljaar(i.uitschrijving())));
        }
        List<GtbRegels.Rij> rijen = new ArrayList<>();
        for (int jaar = eerste; jaar <= laatste; jaar++) {
            // this inschrijving on this school year's peildata only (the status reads no signal's datum ingang)
            regels.beoordeel(leerling, i, school.get(), jaar).stream().filter(r -> !r.peildatum().isBefore(i.inschrijving()))
                    .forEach(rijen::add);
        }
        // the peildata on which the pupil is enrolled; enrolled between two peildata, the one after (signal 1) says so
        List<GtbRegels.Rij> ingeschreven = rijen.stream()
                .filter(r -> i.uitschrijving() == null || !r.peildatum().isAfter(i.uitschrijving())).toList();
        if (ingeschreven.isEmpty()) {
            return rijen.stream().findFirst().map(r -> new Status(false, r.peildatum(), signalen(r)));
        }
        // how the pupil stands now: the last run of peildata that all count, or all do not, from its first peildatum
        boolean telt = telt(ingeschreven.get(ingeschreven.size() - 1).categorie());
        int begin = ingeschreven.size() - 1;
        while (begin > 0 && telt(ingeschreven.get(begin - 1).categorie()) == telt) {
            begin--;
        }
        GtbRegels.Rij r = ingeschreven.get(begin);
        return Optional.of(new Status(telt, r.peildatum(), signalen(r)));
    }

    static boolean telt(GtbRegels.Categorie categorie) {
        return categorie == GtbRegels.Categorie.BEKOSTIGD || categorie == GtbRegels.Categorie.AB
                || categorie == GtbRegels.Categorie.TERUGGEPLAATST;
    }

    private List<GtbSignaal> signalen(GtbRegels.Rij r) {
        return r.signalen().stream().map(s -> new GtbSignaal(s.code(), teksten.tekst(s.code(), s.scholen()))).toList();
    }
}
