package nl.bronhub.aanlevering;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Aanleverpunten (BRIN + aanleverpuntnummer) by their database id; a new one is registered on first use. */
@Component
public class Aanleverpunten {

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    public Aanleverpunten(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long id(String brin, String aanleverpuntnummer) {
        return ids.computeIfAbsent(brin + "/" + aanleverpuntnummer, k -> zoekOfMaak(brin, aanleverpuntnummer));
    }

    /** The id, or null when this aanleverpunt never delivered anything. */
    public Long bestaand(String brin, String aanleverpuntnummer) {
        Long id = ids.get(brin + "/" + aanleverpuntnummer);
        return id != null ? id : zoek(brin, aanleverpuntnummer);
    }

    private long zoekOfMaak(String brin, String nummer) {
        Long id = zoek(brin, nummer);
        if (id != null) {
            return id;
        }
        try {
            jdbc.update("insert into aanleverpunt (brin, aanleverpuntnummer) values (:brin, :nummer)",
                    Map.of("brin", brin, "nummer", nummer));
        } catch (DuplicateKeyException gelijktijdigAangemaakt) {
            // another request registered it first; fine
        }
        return zoek(brin, nummer);
    }

    private Long zoek(String brin, String nummer) {
        return jdbc.query("select id from aanleverpunt where brin = :brin and aanleverpuntnummer = :nummer",
                Map.of("brin", brin, "nummer", nummer), rs -> rs.next() ? rs.getLong(1) : null);
    }
}
