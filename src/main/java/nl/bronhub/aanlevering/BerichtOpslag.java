package nl.bronhub.aanlevering;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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
     * In the request's transaction (route aanlevering-vastleggen). The insert itself finds an identificatie this
     * aanleverpunt used before, or that another request is storing at this moment: it stores nothing for it (396).
     */
    public Aanlevering slaOp(Aanlevering aanlevering) {
        List<AangeleverdBericht> nieuw = aanlevering.geaccepteerd();
        if (nieuw.isEmpty()) {
            return aanlevering;
        }
        long aanleverpuntId = aanleverpunten.id(aanlevering.brin(), aanlevering.aanleverpuntnummer());
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
