package nl.bronhub.verwerking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One aanleverpunt's waiting berichten for one poll, in arrival order, handed out as reeksen (route
 * verwerk-aanleverpunt): up to bron.verwerking.per-transactie berichten, no pupil twice (Verwerking.leerlingSleutels:
 * a pupil sent without a number too, by the BSN the person register found, or by birth date and sex). After a reeks that failed, its berichten come again one per reeks, so that the failure is
 * pinned on its own bericht; a bericht that must wait (back-off) stops the rest, which may not overtake it.
 */
public final class Werkvoorraad {

    private final long aanleverpuntId;
    private final int perReeks;
    private final List<Verwerking> wachtend;
    /** How many of the first waiting berichten go one per reeks (after a reeks of them failed). */
    private int losTot;
    private Reeks uit;
    private boolean gestopt;
    private int verwerkt;

    Werkvoorraad(long aanleverpuntId, int perReeks, List<Verwerking> wachtend) {
        this.aanleverpuntId = aanleverpuntId;
        this.perReeks = Math.max(1, perReeks);
        this.wachtend = new ArrayList<>(wachtend);
    }

    public long getAanleverpuntId() {
        return aanleverpuntId;
    }

    public List<Verwerking> getBerichten() {
        return List.copyOf(wachtend);
    }

    public boolean isHeeftVolgende() {
        return !gestopt && !wachtend.isEmpty();
    }

    /** The next reeks; the previous one must have been reported done or failed. */
    public Reeks getVolgende() {
        if (uit != null) {
            throw new IllegalStateException("the previous reeks was not reported");
        }
        int grens = losTot > 0 ? 1 : perReeks;
        List<Verwerking> reeks = new ArrayList<>();
        Set<String> leerlingen = new HashSet<>();
        for (Verwerking v : wachtend) {
            Set<String> sleutels = v.leerlingSleutels();
            if (reeks.size() == grens || (!reeks.isEmpty() && (sleutels == null || sleutels.stream().anyMatch(leerlingen::contains)))) {
                break;
            }
            reeks.add(v);
            if (sleutels == null) {
                break; // who they are is not known at all: alone
            }
            leerlingen.addAll(sleutels);
        }
        uit = new Reeks(aanleverpuntId, reeks);
        return uit;
    }

    /** The reeks is committed. */
    public void klaar(Reeks reeks) {
        neemTerug(reeks);
        wachtend.subList(0, reeks.getAantal()).clear();
        losTot = Math.max(0, losTot - reeks.getAantal());
        verwerkt += reeks.getAantal();
    }

    /** The reeks was rolled back; with more than one bericht in it, they go again one by one. */
    void mislukt(Reeks reeks) {
        neemTerug(reeks);
        reeks.getBerichten().forEach(Verwerking::opnieuw);
        losTot = Math.max(losTot, reeks.getAantal());
    }

    /** The first bericht was parked: the ones after it go on. */
    void overslaanEerste() {
        wachtend.remove(0);
        losTot = Math.max(0, losTot - 1);
    }

    /** Nothing more this poll: a bericht waits for its back-off, or another instance has the aanleverpunt. */
    void stop() {
        gestopt = true;
    }

    /**
     * A bericht about whom the person register could not be asked, and why; {@code wacht} is set when the register
     * gave no answer (the bericht waits that long, no attempt counted), null for a failure like any other.
     */
    public record NietGevraagd(Verwerking bericht, RuntimeException oorzaak, Duration wacht) {
    }

    private NietGevraagd nietGevraagd;

    /**
     * The person register could not be asked about this bericht: only the ones before it go this poll, and its
     * failure is recorded when the poll ends (retried with back-off like any other).
     */
    public void nietGevraagd(Verwerking v, RuntimeException oorzaak) {
        nietGevraagd(v, oorzaak, null);
    }

    /** The person register gave no answer about this bericht: it and the ones after it wait {@code wacht}. */
    public void nietGevraagd(Verwerking v, RuntimeException oorzaak, Duration wacht) {
        int i = wachtend.indexOf(v);
        if (i >= 0) {
            wachtend.subList(i, wachtend.size()).clear();
            nietGevraagd = new NietGevraagd(v, oorzaak, wacht);
        }
    }

    public NietGevraagd getNietGevraagd() {
        return nietGevraagd;
    }

    public int getVerwerkt() {
        return verwerkt;
    }

    private void neemTerug(Reeks reeks) {
        if (uit != reeks) {
            throw new IllegalStateException("not the reeks handed out");
        }
        uit = null;
    }
}
