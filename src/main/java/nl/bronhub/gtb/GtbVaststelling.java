package nl.bronhub.gtb;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fixes a school's GTBs once its connection phase is over (qualified or not): each peildatum whose term
 * (bron.gtb.termijn-dagen) has passed. During the phase the school delivers its history and every GTB
 * follows; afterwards a mutation that comes too late no longer changes a fixed GTB (signals 20, 21).
 */
@Component
public class GtbVaststelling {

    private final NamedParameterJdbcTemplate jdbc;
    private final Instellingen instellingen;
    private final Peildata peildata;
    private final Clock klok;
    private final int termijnDagen;

    public GtbVaststelling(NamedParameterJdbcTemplate jdbc, Instellingen instellingen, Peildata peildata, Clock klok,
                           GtbEigenschappen eigenschappen) {
        this.jdbc = jdbc;
        this.instellingen = instellingen;
        this.peildata = peildata;
        this.klok = klok;
        this.termijnDagen = eigenschappen.termijnDagen();
    }

    /** Each round looks only past the latest peildatum already fixed per school, so it costs a query, not a scan. */
    public void stelVast() {
        LocalDate vandaag = LocalDate.now(klok);
        Map<String, LocalDate> laatste = new HashMap<>();
        jdbc.query("select k.brin, max(v.peildatum) as laatste from kwalificatie k left join gtb_vastgesteld v on v.brin = k.brin "
                + "where k.status <> 'IN_FASE' group by k.brin", Map.of(), rs -> {
                    laatste.put(rs.getString("brin"), rs.getDate("laatste") == null ? LocalDate.MIN : rs.getDate("laatste").toLocalDate());
                });
        laatste.forEach((brin, tot) -> {
            Instelling.Soort soort = instellingen.zoek(brin).map(Instelling::soort).orElse(null);
            if (soort == null || !Peildata.heeftGtb(soort)) {
                return;
            }
            List<MapSqlParameterSource> nieuw = peildata.voor(soort, vandaag).stream().map(Peildata.Peildatum::datum)
                    .filter(d -> d.isAfter(tot) && d.plusDays(termijnDagen).isBefore(vandaag))
                    .map(d -> new MapSqlParameterSource("brin", brin).addValue("d", Date.valueOf(d)).addValue("nu", Timestamp.from(klok.instant())))
                    .toList();
            try {
                jdbc.batchUpdate("insert into gtb_vastgesteld (brin, peildatum, vastgesteld_op) values (:brin, :d, :nu)",
                        nieuw.toArray(MapSqlParameterSource[]::new));
            } catch (DuplicateKeyException tegelijk) {
                // another instance fixed them first
            }
        });
    }
}
