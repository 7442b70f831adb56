package nl.bronhub.gtb;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.bronhub.reference.Instelling;
import nl.bronhub.reference.Instellingen;
import org.springframework.beans.factory.annotation.Value;
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
                           @Value("${bron.gtb.termijn-dagen:28}") int termijnDagen) {
        this.jdbc = jdbc;
        this.instellingen = instellingen;
        this.peildata = peildata;
        this.klok = klok;
        this.termijnDagen = termijnDagen;
    }

    public void stelVast() {
        LocalDate vandaag = LocalDate.now(klok);
        List<String> afgerond = jdbc.queryForList("select brin from kwalificatie where status <> 'IN_FASE'", Map.of(), String.class);
        for (String brin : afgerond) {
            Instelling.Soort soort = instellingen.zoek(brin).map(Instelling::soort).orElse(null);
            if (soort == null || !Peildata.heeftGtb(soort)) {
                continue;
            }
            for (Peildata.Peildatum p : peildata.voor(soort, vandaag)) {
                if (p.datum().plusDays(termijnDagen).isBefore(vandaag)) {
                    MapSqlParameterSource k = new MapSqlParameterSource("brin", brin).addValue("d", Date.valueOf(p.datum()))
                            .addValue("nu", Timestamp.from(klok.instant()));
                    try {
                        jdbc.update("insert into gtb_vastgesteld (brin, peildatum, vastgesteld_op) select :brin, :d, :nu where not exists "
                                + "(select 1 from gtb_vastgesteld where brin = :brin and peildatum = :d)", k);
                    } catch (org.springframework.dao.DuplicateKeyException tegelijk) {
                        // another instance fixed it first
                    }
                }
            }
        }
    }
}
