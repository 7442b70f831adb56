package nl.bronhub.processing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import nl.bronhub.feedback.TerugkoppelingWachtrij;
import nl.bronhub.signal.SignaalBron;
import nl.bronhub.signal.SignaalCatalogus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bericht whose processing failed stays in the queue and is retried with back-off. After
 * bron.verwerking.max-pogingen attempts it is parked for an operator and the LAS gets signal 358.
 */
@Component
public class MislukteVerwerking implements SignaalBron {

    private static final Logger LOG = LoggerFactory.getLogger(MislukteVerwerking.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final TerugkoppelingWachtrij wachtrij;
    private final SignaalCatalogus catalogus;
    private final BerichtLezer lezer;
    private final int maxPogingen;

    public MislukteVerwerking(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie, TerugkoppelingWachtrij wachtrij,
                              SignaalCatalogus catalogus, BerichtLezer lezer,
                              @Value("${bron.verwerking.max-pogingen}") int maxPogingen) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.wachtrij = wachtrij;
        this.catalogus = catalogus;
        this.lezer = lezer;
        this.maxPogingen = maxPogingen;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("358");
    }

    /** Whether the berichten after this one may go on (it is parked), must wait, or the failure was not even recorded. */
    public AanleverpuntVerwerker.Uitkomst registreer(long aanleverpuntId, long berichtId, Throwable oorzaak) {
        // Exception texts can quote submitted values; only the type is kept.
        String fout = oorzaak == null ? "onbekend" : oorzaak.getClass().getName();
        try {
            return transactie.execute(s -> {
                Integer pogingen = jdbc.query("select pogingen from bericht where status = 'ONTVANGEN' "
                                + "and aanleverpunt_id = :ap and id = :id for update", Map.of("ap", aanleverpuntId, "id", berichtId), rs -> rs.next() ? rs.getInt(1) + 1 : null);
                if (pogingen == null) {
                    return AanleverpuntVerwerker.Uitkomst.WACHTEN;
                }
                if (pogingen >= maxPogingen) {
                    parkeer(berichtId, pogingen, fout);
                    return AanleverpuntVerwerker.Uitkomst.VERDER;
                }
                // the clock of the machine, not the hub's domain clock: this is about waiting, not about dates
                Instant volgende = Instant.now().plus(Duration.ofSeconds(1L << Math.min(pogingen, 8)));
                jdbc.update("update bericht set pogingen = :p, laatste_fout = :fout, volgende_poging_op = :volgende where id = :id",
                        Map.of("p", pogingen, "fout", fout, "volgende", Timestamp.from(volgende), "id", berichtId));
                LOG.warn("Bericht {} failed (attempt {} of {}): {}", berichtId, pogingen, maxPogingen, fout);
                return AanleverpuntVerwerker.Uitkomst.WACHTEN;
            });
        } catch (RuntimeException e) {
            LOG.warn("Failure of bericht {} could not be recorded ({}); it stays in the queue and its aanleverpunt pauses",
                    berichtId, e.getClass().getName());
            return AanleverpuntVerwerker.Uitkomst.NIET_VASTGELEGD;
        }
    }

    private void parkeer(long berichtId, int pogingen, String fout) {
        Map<String, Object> rij = jdbc.queryForMap("select b.id, b.aanleverpunt_id, b.inhoud, a.brin from bericht b "
                + "join aanleverpunt a on a.id = b.aanleverpunt_id where b.id = :id", Map.of("id", berichtId));
        Verwerking v = lezer.lees(rij);
        v.voegToe(catalogus.signaal("358"));
        wachtrij.plaats(v);
        jdbc.update("update bericht set status = 'GEPARKEERD', pogingen = :p, laatste_fout = :fout where id = :id",
                Map.of("p", pogingen, "fout", fout, "id", berichtId));
        LOG.error("Bericht {} parked after {} attempts ({}); the LAS gets signal 358", berichtId, pogingen, fout);
    }
}
