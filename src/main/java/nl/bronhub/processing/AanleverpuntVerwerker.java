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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes one aanleverpunt's waiting berichten strictly in arrival order through the route
 * direct:verwerk-bericht: a bericht's register effect, its terugkoppeling and its status change
 * commit together or not at all. Up to bron.verwerking.per-transactie berichten share one
 * transaction (one commit and one take of the queue's row lock for them all: 14% more on bulk loads); when that
 * transaction fails, it is rolled back whole and its berichten go again one per transaction, so a
 * failure is pinned on the one bericht that causes it. A failure stops this aanleverpunt's batch so
 * that no later bericht overtakes the failed one.
 */
@Component
public class AanleverpuntVerwerker {

    /**
     * Aanleverpunten being worked on in this instance: one worker each, whatever the timer does. Across
     * instances on one database, each transaction claims the aanleverpunt's row (see claim).
     */
    private final Set<Long> bezig = ConcurrentHashMap.newKeySet();
    /** Aanleverpunten whose failure could not even be recorded (database trouble): left alone for a while. */
    private final Map<Long, Instant> pauze = new ConcurrentHashMap<>();
    private static final Duration PAUZE = Duration.ofSeconds(5);

    private final ProducerTemplate routes;
    private final TransactionTemplate transactie;
    private final MislukteVerwerking mislukt;
    private final NamedParameterJdbcTemplate jdbc;

    private final int perTransactie;

    public AanleverpuntVerwerker(ProducerTemplate routes, TransactionTemplate transactie, MislukteVerwerking mislukt,
                                 NamedParameterJdbcTemplate jdbc, @Value("${bron.verwerking.per-transactie}") int perTransactie) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.transactie = transactie;
        this.mislukt = mislukt;
        this.perTransactie = Math.max(1, perTransactie);
    }

    /**
     * Returns how many berichten were processed, which replaces the rows as the exchange's body: a
     * poll over thousands of aanleverpunten keeps every part's body until the last part is done, and
     * with the rows in it that grew with the backlog.
     */
    public int verwerkOpVolgorde(List<Map<String, Object>> wachtend) {
        if (wachtend.isEmpty()) {
            return 0;
        }
        long aanleverpunt = ((Number) wachtend.get(0).get("aanleverpunt_id")).longValue();
        Instant tot = pauze.get(aanleverpunt);
        if ((tot != null && Instant.now().isBefore(tot)) || !bezig.add(aanleverpunt)) {
            return 0;
        }
        try {
            return verwerkTotBezet(aanleverpunt, wachtend);
        } finally {
            bezig.remove(aanleverpunt);
        }
    }

    private int verwerkTotBezet(long aanleverpunt, List<Map<String, Object>> wachtend) {
        int verwerkt = 0;
        try {
            List<Map<String, Object>> aanDeBeurt = aanDeBeurt(wachtend);
            for (int van = 0; van < aanDeBeurt.size(); van += perTransactie) {
                List<Map<String, Object>> deel = aanDeBeurt.subList(van, Math.min(van + perTransactie, aanDeBeurt.size()));
                if (deel.size() > 1 && verwerkSamen(deel)) {
                    verwerkt += deel.size();
                    continue;
                }
                int eenVoorEen = verwerkEenVoorEen(aanleverpunt, deel);
                verwerkt += eenVoorEen;
                if (eenVoorEen < deel.size()) {
                    return verwerkt;
                }
            }
            pauze.remove(aanleverpunt);
            return verwerkt;
        } catch (Bezet anderWerktEraan) {
            return verwerkt;
        }
    }

    /** The berichten before the first one that still waits for its back-off: that one holds up the rest. */
    private static List<Map<String, Object>> aanDeBeurt(List<Map<String, Object>> wachtend) {
        for (int i = 0; i < wachtend.size(); i++) {
            if (isNogNietAanDeBeurt(wachtend.get(i))) {
                return wachtend.subList(0, i);
            }
        }
        return wachtend;
    }

    /** All of them in one transaction; false (and nothing changed) when any of them failed. */
    private boolean verwerkSamen(List<Map<String, Object>> deel) {
        try {
            transactie.executeWithoutResult(status -> {
                claim(deel.get(0));
                deel.forEach(AanleverpuntVerwerker.this::stuur);
            });
            return true;
        } catch (Bezet e) {
            throw e;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The aanleverpunt's row lock for this transaction, taken without waiting: another instance on the
     * same database that holds it is working on this aanleverpunt, and this one leaves it alone this
     * round. Under the lock, the first bericht must still be the oldest waiting one: a list read before
     * another instance worked through it is stale, and is read again at the next poll.
     */
    private void claim(Map<String, Object> eerste) {
        long aanleverpunt = ((Number) eerste.get("aanleverpunt_id")).longValue();
        List<Long> vast = jdbc.queryForList("select id from aanleverpunt where id = :id for update skip locked",
                Map.of("id", aanleverpunt), Long.class);
        if (vast.isEmpty()) {
            throw new Bezet();
        }
        Long oudste = jdbc.queryForObject("select min(id) from bericht where status = 'ONTVANGEN' and aanleverpunt_id = :id",
                Map.of("id", aanleverpunt), Long.class);
        if (oudste == null || oudste != ((Number) eerste.get("id")).longValue()) {
            throw new Bezet();
        }
    }

    /** Each in its own transaction, up to the first that failed (the ones after it must wait); returns how many went on. */
    private int verwerkEenVoorEen(long aanleverpunt, List<Map<String, Object>> deel) {
        int verder = 0;
        for (Map<String, Object> rij : deel) {
            Uitkomst uitkomst = verwerk(rij);
            if (uitkomst == Uitkomst.NIET_VASTGELEGD) {
                pauze.put(aanleverpunt, Instant.now().plus(PAUZE));
            }
            if (uitkomst != Uitkomst.VERDER) {
                return verder;
            }
            verder++;
        }
        return verder;
    }

    enum Uitkomst { VERDER, WACHTEN, NIET_VASTGELEGD }

    private Uitkomst verwerk(Map<String, Object> rij) {
        long berichtId = ((Number) rij.get("id")).longValue();
        long aanleverpuntId = ((Number) rij.get("aanleverpunt_id")).longValue();
        try {
            transactie.executeWithoutResult(status -> {
                claim(rij);
                stuur(rij);
            });
            return Uitkomst.VERDER;
        } catch (Bezet e) {
            throw e;
        } catch (VerwerkingMislukt e) {
            return registreer(aanleverpuntId, berichtId, e.getCause(), e.plaats);
        } catch (RuntimeException e) {
            return registreer(aanleverpuntId, berichtId, e, null);
        }
    }

    private Uitkomst registreer(long aanleverpuntId, long berichtId, Throwable oorzaak, FoutPlaats.Plaats plaats) {
        try (var correlatie = Correlatie.bericht(berichtId)) {
            return mislukt.registreer(aanleverpuntId, berichtId, oorzaak, plaats);
        }
    }

    private void stuur(Map<String, Object> rij) {
        Exchange uitkomst;
        try (var correlatie = Correlatie.bericht(((Number) rij.get("id")).longValue())) {
            uitkomst = routes.send("direct:verwerk-bericht", e -> e.getIn().setBody(rij));
        }
        if (uitkomst.getException() != null) {
            throw new VerwerkingMislukt(uitkomst.getException(), FoutPlaats.Plaats.van(uitkomst));
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

    /** Another instance holds the aanleverpunt, or has gone past this list: not a failure, just not now. */
    static final class Bezet extends RuntimeException {
        Bezet() {
            super(null, null, false, false);
        }
    }

    static final class VerwerkingMislukt extends RuntimeException {
        final transient FoutPlaats.Plaats plaats;

        VerwerkingMislukt(Throwable oorzaak, FoutPlaats.Plaats plaats) {
            super(oorzaak);
            this.plaats = plaats;
        }
    }
}
