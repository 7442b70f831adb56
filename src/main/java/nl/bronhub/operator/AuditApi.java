package nl.bronhub.operator;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: the audit trail, newest first; optionally one school's (brin) rows. */
@RestController
@RequestMapping("/operator")
public class AuditApi {

    private final NamedParameterJdbcTemplate jdbc;

    public AuditApi(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/audit")
    public List<Map<String, Object>> audit(@RequestParam(required = false) String brin,
                                           @RequestParam(defaultValue = "100") int aantal) {
        // two statements rather than ':brin is null', whose parameter type PostgreSQL cannot infer
        return jdbc.queryForList("select id, moment, operatie, brin, aanleverpuntnummer, document, certificaat, aantal, aantal_afgekeurd, uitkomst "
                        + "from audit " + (brin == null ? "" : "where brin = :brin ") + "order by id desc limit :aantal",
                new MapSqlParameterSource("brin", brin).addValue("aantal", Math.max(1, Math.min(aantal, 1000))));
    }
}
