package nl.bronhub.operator;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.bronhub.OngeldigeInvoer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: the audit trail, newest first; optionally one school's (brin) rows. */
@RestController
@RequestMapping("/operator")
@Tag(name = "audit", description = "Wie wat aanleverde of ophaalde, en wanneer (geen persoonsgegevens)")
public class AuditApi {

    /**
     * One request of a LAS: operatie null when it was refused before its operation was known; aantal the
     * berichten sent or terugkoppelingen returned, aantalAfgekeurd the berichten refused in the answer;
     * uitkomst 'beantwoord' or the signal code of a refused request.
     */
    public record Auditregel(long id, Instant moment, String operatie, String brin, String aanleverpuntnummer, String document,
                             String certificaat, int aantal, int aantalAfgekeurd, String uitkomst) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public AuditApi(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/audit")
    @Operation(summary = "Het auditspoor, nieuwste eerst (aantal: 1 tot 1000, standaard 100)")
    public List<Auditregel> audit(@RequestParam(required = false) String brin, @RequestParam(defaultValue = "100") int aantal) {
        if (aantal < 1 || aantal > 1000) {
            throw new OngeldigeInvoer("aantal", "aantal moet tussen 1 en 1000 liggen");
        }
        // two statements rather than ':brin is null', whose parameter type PostgreSQL cannot infer
        return jdbc.query("select id, moment, operatie, brin, aanleverpuntnummer, document, certificaat, aantal, aantal_afgekeurd, uitkomst "
                        + "from audit " + (brin == null ? "" : "where brin = :brin ") + "order by id desc limit :aantal",
                new MapSqlParameterSource("brin", brin).addValue("aantal", aantal),
                (rs, n) -> new Auditregel(rs.getLong("id"), rs.getTimestamp("moment").toInstant(), rs.getString("operatie"),
                        rs.getString("brin"), rs.getString("aanleverpuntnummer"), rs.getString("document"), rs.getString("certificaat"),
                        rs.getInt("aantal"), rs.getInt("aantal_afgekeurd"), rs.getString("uitkomst")));
    }
}
