package nl.bronhub.verwerking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.springframework.stereotype.Component;

/**
 * Hands each poll's waiting berichten of an aanleverpunt to route verwerk-aanleverpunt as a Werkvoorraad, and
 * hears how each reeks went: committed, or rolled back (then its berichten go again one by one, and a single
 * bericht that fails is retried with back-off and parked after bron.verwerking.max-pogingen, see
 * MislukteVerwerking). One worker per aanleverpunt in this instance; across instances the aanleverpunt's row lock
 * decides (BerichtWachtrij.claim).
 */
@Component
public class Werkvoorraden {

    static final String WERKVOORRAAD = "werkvoorraad";

    /** Aanleverpunten being worked on in this instance. */
    private final Set<Long> bezig = ConcurrentHashMap.newKeySet();
    /** Aanleverpunten whose failure could not even be recorded (database trouble): left alone for a while. */
    private final Map<Long, Instant> pauze = new ConcurrentHashMap<>();
    private static final Duration PAUZE = Duration.ofSeconds(5);

    private final BerichtWachtrij wachtrij;
    private final BerichtLezer lezer;
    private final MislukteVerwerking mislukt;
    private final int perTransactie;

    public Werkvoorraden(BerichtWachtrij wachtrij, BerichtLezer lezer, MislukteVerwerking mislukt,
                         VerwerkingEigenschappen eigenschappen) {
        this.wachtrij = wachtrij;
        this.lezer = lezer;
        this.mislukt = mislukt;
        this.perTransactie = eigenschappen.perTransactie();
    }

    /**
     * The aanleverpunt's waiting berichten up to the first that still waits for its back-off, read into the typed
     * model; null when this instance is already at work on the aanleverpunt or leaves it alone for a while.
     */
    public Werkvoorraad neem(long aanleverpunt) {
        Instant tot = pauze.get(aanleverpunt);
        if ((tot != null && Instant.now().isBefore(tot)) || !bezig.add(aanleverpunt)) {
            return null;
        }
        try {
            List<Verwerking> aanDeBeurt = new ArrayList<>();
            for (Map<String, Object> rij : wachtrij.wachtend(aanleverpunt)) {
                if (isNogNietAanDeBeurt(rij)) {
                    break;
                }
                aanDeBeurt.add(lezer.lees(rij));
            }
            if (aanDeBeurt.isEmpty()) {
                bezig.remove(aanleverpunt);
                return null;
            }
            return new Werkvoorraad(aanleverpunt, perTransactie, aanDeBeurt);
        } catch (RuntimeException e) {
            bezig.remove(aanleverpunt);
            throw e;
        }
    }

    /** The reeks is committed. */
    public void klaar(Exchange exchange) {
        Werkvoorraad w = exchange.getProperty(WERKVOORRAAD, Werkvoorraad.class);
        w.klaar(exchange.getMessage().getBody(Reeks.class));
        pauze.remove(w.getAanleverpuntId());
    }

    /** The reeks was rolled back (route verwerk-reeks failed): what now for it and the berichten after it. */
    public void mislukt(Exchange exchange) {
        Werkvoorraad w = exchange.getProperty(WERKVOORRAAD, Werkvoorraad.class);
        Reeks reeks = exchange.getMessage().getBody(Reeks.class);
        Throwable oorzaak = uitgepakt(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        FoutPlaats.Plaats plaats = FoutPlaats.Plaats.van(exchange);
        FoutPlaats.vergeet(exchange);
        w.mislukt(reeks);
        if (isBezet(oorzaak)) {
            w.stop();
            return;
        }
        if (reeks.getAantal() > 1) {
            return; // again, one per transaction
        }
        Verwerking v = reeks.getBerichten().get(0);
        MislukteVerwerking.Uitkomst uitkomst;
        try (var correlatie = Correlatie.bericht(v.getBerichtId())) {
            uitkomst = mislukt.registreer(w.getAanleverpuntId(), v.getBerichtId(), oorzaak, plaats);
        }
        switch (uitkomst) {
            case VERDER -> w.overslaanEerste();
            case WACHTEN -> w.stop();
            case NIET_VASTGELEGD -> {
                pauze.put(w.getAanleverpuntId(), Instant.now().plus(PAUZE));
                w.stop();
            }
        }
    }

    /** The end of the poll for this aanleverpunt, however it went: returns how many berichten were processed. */
    public int vrijgeven(Exchange exchange) {
        Werkvoorraad w = exchange.getProperty(WERKVOORRAAD, Werkvoorraad.class);
        if (w == null) {
            return 0;
        }
        try {
            Werkvoorraad.NietGevraagd niet = w.getNietGevraagd();
            if (niet != null) {
                try (var correlatie = Correlatie.bericht(niet.bericht().getBerichtId())) {
                    MislukteVerwerking.Uitkomst uitkomst = niet.wacht() != null
                            ? mislukt.wachtOpRegister(w.getAanleverpuntId(), niet.bericht().getBerichtId(), niet.oorzaak(), niet.wacht())
                            : mislukt.registreer(w.getAanleverpuntId(), niet.bericht().getBerichtId(), niet.oorzaak(), null);
                    if (uitkomst == MislukteVerwerking.Uitkomst.NIET_VASTGELEGD) {
                        pauze.put(w.getAanleverpuntId(), Instant.now().plus(PAUZE));
                    }
                }
            }
            return w.getVerwerkt();
        } finally {
            bezig.remove(w.getAanleverpuntId());
        }
    }

    /** The exception the step raised: Camel's transaction error handler wraps it. */
    private static Throwable uitgepakt(Throwable t) {
        while (t instanceof RuntimeCamelException && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isBezet(Throwable oorzaak) {
        for (Throwable t = oorzaak; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BerichtWachtrij.Bezet) {
                return true;
            }
        }
        return false;
    }

    /** A bericht that failed before waits for its back-off; the ones after it wait with it. */
    private static boolean isNogNietAanDeBeurt(Map<String, Object> rij) {
        Object volgende = rij.get("volgende_poging_op");
        if (volgende == null) {
            return false;
        }
        Instant moment = volgende instanceof OffsetDateTime odt ? odt.toInstant()
                : volgende instanceof Timestamp ts ? ts.toInstant() : Instant.parse(volgende.toString());
        return moment.isAfter(Instant.now());
    }
}
