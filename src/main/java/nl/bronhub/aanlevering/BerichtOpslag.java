package nl.bronhub.aanlevering;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.aanlevering.Aanleverpunten;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.contract.Contract;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Durable intake: the accepted berichten of a request are committed in one transaction (with the request's audit
 * row, route aanlevering-vastleggen) before the answer leaves. An identificatie this aanleverpunt used before is
 * refused with 396.
 */
@Component
public class BerichtOpslag implements SignaalBron {

    private final NamedParameterJdbcTemplate jdbc;
    private final Aanleverpunten aanleverpunten;
    private final Contract contract;
    private final SignaalCatalogus catalogus;
    private final Clock klok;

    public BerichtOpslag(NamedParameterJdbcTemplate jdbc, Aanleverpunten aanleverpunten, Contract contract, SignaalCatalogus catalogus,
                         Clock klok) {
        this.jdbc = jdbc;
        this.aanleverpunten = aanleverpunten;
        this.contract = contract;
        this.catalogus = catalogus;
        this.klok = klok;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("396");
    }

    /**
     * In the request's transaction (route aanlevering-vastleggen). An identificatie another request of this aanleverpunt
     * stores at the same moment is found by the insert itself (it does nothing for it): 396 as well.
     */
    public Aanlevering slaOp(Aanlevering aanlevering) {
        if (aanlevering.geaccepteerd().isEmpty()) {
            return aanlevering;
        }
        long aanleverpuntId = aanleverpunten.id(aanlevering.brin(), aanlevering.aanleverpuntnummer());
        List<AangeleverdBericht> berichten = aanlevering.geaccepteerd();
        Set<String> gebruikt = new HashSet<>(jdbc.queryForList(
                "select identificatie from bericht where aanleverpunt_id = :ap and identificatie in (:ids)",
                Map.of("ap", aanleverpuntId, "ids", berichten.stream().map(b -> b.bericht().getIdentificatie()).toList()),
                String.class));
        List<AangeleverdBericht> nieuw = berichten.stream()
                .filter(b -> {
                    if (gebruikt.contains(b.bericht().getIdentificatie())) {
                        b.voegToe(catalogus.signaal("396", "identificatie"));
                        return false;
                    }
                    return true;
                }).toList();
        Timestamp nu = Timestamp.from(klok.instant());
        SqlParameterSource[] rijen = nieuw.stream().map(b -> new MapSqlParameterSource()
                .addValue("ap", aanleverpuntId)
                .addValue("id", b.bericht().getIdentificatie())
                .addValue("inhoud", contract.alsXml("bericht", Bericht.class, b.bericht()))
                .addValue("nu", nu)).toArray(SqlParameterSource[]::new);
        int[] opgeslagen = jdbc.batchUpdate("insert into bericht (aanleverpunt_id, identificatie, status, inhoud, ontvangen_op) "
                + "values (:ap, :id, 'ONTVANGEN', :inhoud, :nu) on conflict do nothing", rijen);
        for (int i = 0; i < opgeslagen.length; i++) {
            if (opgeslagen[i] == 0) {
                nieuw.get(i).voegToe(catalogus.signaal("396", "identificatie"));
            }
        }
        return aanlevering;
    }
}
