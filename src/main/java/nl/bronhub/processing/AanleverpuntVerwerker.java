package nl.bronhub.processing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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

    private final ProducerTemplate routes;
    private final TransactionTemplate transactie;
    private final MislukteVerwerking mislukt;

    public AanleverpuntVerwerker(ProducerTemplate routes, TransactionTemplate transactie, MislukteVerwerking mislukt) {
        this.routes = routes;
        this.transactie = transactie;
        this.mislukt = mislukt;
    }

    public void verwerkOpVolgorde(List<Map<String, Object>> wachtend) {
        for (Map<String, Object> rij : wachtend) {
            if (isNogNietAanDeBeurt(rij) || !verwerk(rij)) {
                return;
            }
        }
    }

    private boolean verwerk(Map<String, Object> rij) {
        long berichtId = ((Number) rij.get("id")).longValue();
        try {
            transactie.executeWithoutResult(status -> {
                Exchange uitkomst = routes.send("direct:verwerk-bericht", e -> e.getIn().setBody(rij));
                if (uitkomst.getException() != null) {
                    throw new VerwerkingMislukt(uitkomst.getException());
                }
            });
            return true;
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
