package nl.bronhub.processing;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes one aanleverpunt's waiting berichten strictly in arrival order, each in its own
 * transaction through the route direct:verwerk-bericht: its register effect, its terugkoppeling and
 * its status change commit together or not at all. A failure stops this aanleverpunt's batch so that
 * no later bericht overtakes the failed one.
 */
@Component
public class AanleverpuntVerwerker {

    /** Aanleverpunten being worked on in this hub: one worker each, whatever the timer does. */
    private final Set<Long> bezig = ConcurrentHashMap.newKeySet();
    /** Aanleverpunten whose failure could not even be recorded (database trouble): left alone for a while. */
    private final Map<Long, Instant> pauze = new ConcurrentHashMap<>();
    private static final Duration PAUZE = Duration.ofSeconds(5);

    private final ProducerTemplate routes;
    private final TransactionTemplate transactie;
    private final MislukteVerwerking mislukt;

    public AanleverpuntVerwerker(ProducerTemplate routes, TransactionTemplate transactie, MislukteVerwerking mislukt) {
        this.routes = routes;
        this.transactie = transactie;
        this.mislukt = mislukt;
    }

    public void verwerkOpVolgorde(List<Map<String, Object>> wachtend) {
        if (wachtend.isEmpty()) {
            return;
        }
        long aanleverpunt = ((Number) wachtend.get(0).get("aanleverpunt_id")).longValue();
        Instant tot = pauze.get(aanleverpunt);
        if ((tot != null && Instant.now().isBefore(tot)) || !bezig.add(aanleverpunt)) {
            return;
        }
        try {
            for (Map<String, Object> rij : wachtend) {
                if (isNogNietAanDeBeurt(rij)) {
                    return;
                }
                Uitkomst uitkomst = verwerk(rij);
                if (uitkomst == Uitkomst.NIET_VASTGELEGD) {
                    pauze.put(aanleverpunt, Instant.now().plus(PAUZE));
                }
                if (uitkomst != Uitkomst.VERDER) {
                    return;
                }
            }
            pauze.remove(aanleverpunt);
        } finally {
            bezig.remove(aanleverpunt);
        }
    }

    enum Uitkomst { VERDER, WACHTEN, NIET_VASTGELEGD }

    private Uitkomst verwerk(Map<String, Object> rij) {
        long berichtId = ((Number) rij.get("id")).longValue();
        try {
            transactie.executeWithoutResult(status -> {
                Exchange uitkomst = routes.send("direct:verwerk-bericht", e -> e.getIn().setBody(rij));
                if (uitkomst.getException() != null) {
                    throw new VerwerkingMislukt(uitkomst.getException());
                }
            });
            return Uitkomst.VERDER;
        } catch (VerwerkingMislukt e) {
            return mislukt.registreer(berichtId, e.getCause());
        } catch (RuntimeException e) {
            return mislukt.registreer(berichtId, e);
        }
    }

    /** A bericht that failed before waits for its back-off; the ones after it wait with it. */
    private static boolean isNogNietAanDeBeurt(Map<String, Object> rij) {
        Object volgende = rij.get("volgende_poging_op");
        if (volgende == null) {
            return false;
        }
        Instant moment = volgende instanceof OffsetDateTime odt ? odt.toInstant()
                : volgende instanceof java.sql.Timestamp ts ? ts.toInstant() : Instant.parse(volgende.toString());
        return moment.isAfter(Instant.now());
    }

    static final class VerwerkingMislukt extends RuntimeException {
        VerwerkingMislukt(Throwable oorzaak) {
            super(oorzaak);
        }
    }
}
