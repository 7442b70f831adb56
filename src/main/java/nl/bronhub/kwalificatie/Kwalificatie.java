package nl.bronhub.kwalificatie;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import java.util.stream.Stream;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import nl.bronhub.voortgang.Fase;
import nl.bronhub.voortgang.VoortgangTeller;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Qualification (connection plan steps 12-13). The school answers on the GTB and the AB comparison:
 * akkoord within its phase makes it gekwalificeerd at once; a phase that ends without akkoord leaves it
 * 'aangesloten, niet gekwalificeerd'. Either way the end-of-phase message is recorded once, for the
 * gemachtigde and the bestuur, and goes out through the voortgangsmail outbox.
 */
@Component
public class Kwalificatie {

    private static final Logger LOG = LoggerFactory.getLogger(Kwalificatie.class);

    public enum Reactie {
        AKKOORD("Akkoord: de inhoud en de aantallen zijn correct"),
        KWALITEIT_AKKOORD_AANTAL_NIET("Kwaliteit akkoord, aantal niet akkoord"),
        KWALITEIT_NIET_AANTAL_NIET("Kwaliteit niet akkoord, aantal niet akkoord"),
        KWALITEIT_NIET_AANTAL_AKKOORD("Kwaliteit niet akkoord, aantal akkoord");

        public final String tekst;

        Reactie(String tekst) {
            this.tekst = tekst;
        }
    }

    public enum Status { IN_FASE, GEKWALIFICEERD, AANGESLOTEN_NIET_GEKWALIFICEERD }

    /**
     * Where a school stands: its phase (from the earliest to the last wachtwoordbrief + 10 weeks) and its answer.
     * {@code begonnen}: the phase's first day has come (an operator may date a wachtwoordbrief ahead, as a plan's start).
     */
    /** The operator's name for a school whose phase has not begun ({@link Stand#operatorStatus}). */
    public static final String GEPLAND = "GEPLAND";

    /** What the operator may filter the schools by: GEPLAND and the three states. */
    public static final List<String> OPERATOR_STATUSSEN = java.util.stream.Stream.concat(java.util.stream.Stream.of(GEPLAND),
            java.util.Arrays.stream(Status.values()).map(Enum::name)).toList();

    public record Stand(String brin, String naam, Instelling.Soort soort, LocalDate faseBegin, LocalDate faseEinde, @JsonIgnore Status status,
                        Reactie reactie, Instant reactieOp, Instant afgerondOp, long resterendeWeken, boolean begonnen) {

        /** In the phase, from its first day to its last: before it nothing is to be judged yet, after it nothing can be. */
        public boolean magReageren() {
            return status == Status.IN_FASE && faseEinde != null && begonnen;
        }

        /**
         * The state as the operator reads it: a school in no phase yet (no wachtwoordbrief, or one dated ahead: a plan's
         * start) is GEPLAND, not IN_FASE, as its portal says "nog niet in de fase aansluiting" (a newcomer read the
         * operator's IN_FASE with 0 weeks left as a school that had run out of time).
         */
        @JsonProperty("status")
        public String operatorStatus() {
            return status == Status.IN_FASE && !begonnen ? GEPLAND : status.name();
        }

        /** The phase's last day, as the portal and the mails name it ("tot en met"); faseEinde is the day after it. */
        @JsonProperty("faseLaatsteDag")
        public LocalDate faseLaatsteDag() {
            return faseEinde == null ? null : faseEinde.minusDays(1);
        }
    }

    public enum Uitkomst { OPGESLAGEN, GEKWALIFICEERD, FASE_VOORBIJ, NIET_BEGONNEN, GEEN_FASE }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final Instellingen instellingen;
    private final VoortgangTeller teller;
    private final Clock klok;

    public Kwalificatie(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie, Instellingen instellingen,
                        VoortgangTeller teller, Clock klok) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.instellingen = instellingen;
        this.teller = teller;
        this.klok = klok;
    }

    public Optional<Stand> stand(String brin) {
        List<Map<String, Object>> fase = jdbc.queryForList("select min(wachtwoordbrief_datum) as begin, max(wachtwoordbrief_datum) as laatste, "
                + "count(*) as n from aanleverpunt where brin = :brin", Map.of("brin", brin));
        if (((Number) fase.get(0).get("n")).intValue() == 0) {
            return Optional.empty();
        }
        LocalDate begin = datum(fase.get(0).get("begin"));
        LocalDate einde = datum(fase.get(0).get("laatste")) == null ? null : datum(fase.get(0).get("laatste")).plusWeeks(Fase.WEKEN);
        List<Map<String, Object>> k = jdbc.queryForList("select * from kwalificatie where brin = :brin", Map.of("brin", brin));
        Map<String, Object> rij = k.isEmpty() ? Map.of() : k.get(0);
        LocalDate vandaag = LocalDate.now(klok);
        Status status = rij.isEmpty() ? Status.IN_FASE : Status.valueOf((String) rij.get("status"));
        boolean begonnen = begin != null && !vandaag.isBefore(begin);
        // a phase ended by akkoord has no weeks left, however far its calendar end is; one not begun counts none yet
        long resterend = status != Status.IN_FASE || einde == null || !begonnen || !vandaag.isBefore(einde) ? 0
                : (ChronoUnit.DAYS.between(vandaag, einde) + 6) / 7;
        Optional<Instelling> instelling = instellingen.zoek(brin);
        return Optional.of(new Stand(brin, instelling.map(Instelling::naam).orElse(brin), instelling.map(Instelling::soort).orElse(null),
                begin, einde, status,
                rij.get("reactie") == null ? null : Reactie.valueOf((String) rij.get("reactie")), tijd(rij.get("reactie_op")),
                tijd(rij.get("afgerond_op")), resterend, begonnen));
    }

    /**
     * For the operator, a page of the schools with an aanleverpunt, in BRIN order after {@code vanaf}, optionally only those
     * with this status: with thousands of schools the operator pages rather than have every school's
     * scores counted in one request.
     */
    public List<Stand> alle(String status, String vanaf, int aantal) {
        MapSqlParameterSource p = new MapSqlParameterSource("vanaf", vanaf == null ? "" : vanaf).addValue("aantal", aantal)
                .addValue("elke", status == null ? 1 : 0).addValue("status", status == null ? "" : status)
                .addValue("vandaag", java.sql.Date.valueOf(LocalDate.now(klok)));
        // a school without a kwalificatie row is still in its phase, or planned: begun once its earliest wachtwoordbrief's
        // day has come (as stand() says begonnen)
        return jdbc.queryForList("select a.brin from aanleverpunt a left join kwalificatie k on k.brin = a.brin "
                + "where a.brin > :vanaf group by a.brin, k.status having :elke = 1 "
                + "or coalesce(k.status, 'IN_FASE') <> 'IN_FASE' and k.status = :status "
                + "or coalesce(k.status, 'IN_FASE') = 'IN_FASE' and (case when min(a.wachtwoordbrief_datum) <= :vandaag "
                + "then 'IN_FASE' else 'GEPLAND' end) = :status order by a.brin limit :aantal",
                p, String.class).stream()
                .map(this::stand).flatMap(Optional::stream).toList();
    }

    /** The school's answer (step 12). Akkoord within the phase qualifies it; before its first day no answer is taken. */
    public Uitkomst reageer(String brin, Reactie reactie) {
        Optional<Stand> stand = stand(brin);
        if (stand.isEmpty() || stand.get().faseEinde() == null) {
            return Uitkomst.GEEN_FASE;
        }
        Instant nu = klok.instant();
        if (stand.get().status() != Status.IN_FASE || !LocalDate.now(klok).isBefore(stand.get().faseEinde())) {
            return Uitkomst.FASE_VOORBIJ;
        }
        if (!stand.get().begonnen()) {
            return Uitkomst.NIET_BEGONNEN;
        }
        zorgVoorRij(brin);
        return transactie.execute(t -> {
            int bijgewerkt = jdbc.update("update kwalificatie set reactie = :r, reactie_op = :nu where brin = :brin and status = 'IN_FASE'",
                    new MapSqlParameterSource("brin", brin).addValue("r", reactie.name()).addValue("nu", Timestamp.from(nu)));
            if (bijgewerkt == 0) {
                return Uitkomst.FASE_VOORBIJ;
            }
            if (reactie != Reactie.AKKOORD) {
                return Uitkomst.OPGESLAGEN;
            }
            rond(brin, Status.GEKWALIFICEERD, nu);
            return Uitkomst.GEKWALIFICEERD;
        });
    }

    /** The route's step: schools whose phase ended without akkoord are aangesloten, niet gekwalificeerd. */
    public void controleerFases() {
        LocalDate vandaag = LocalDate.now(klok);
        List<String> voorbij = jdbc.queryForList("select a.brin from aanleverpunt a where a.wachtwoordbrief_datum is not null "
                + "and not exists (select 1 from kwalificatie k where k.brin = a.brin and k.status <> 'IN_FASE') "
                + "group by a.brin having max(a.wachtwoordbrief_datum) <= :grens",
                Map.of("grens", vandaag.minusWeeks(Fase.WEKEN)), String.class);
        for (String brin : voorbij) {
            zorgVoorRij(brin);
            transactie.executeWithoutResult(t -> {
                if (jdbc.update("update kwalificatie set status = :s, afgerond_op = :nu where brin = :brin and status = 'IN_FASE'",
                        new MapSqlParameterSource("brin", brin).addValue("s", Status.AANGESLOTEN_NIET_GEKWALIFICEERD.name())
                                .addValue("nu", Timestamp.from(klok.instant()))) == 1) {
                    rond(brin, Status.AANGESLOTEN_NIET_GEKWALIFICEERD, klok.instant());
                }
            });
        }
    }

    /** Records the outcome and its end-of-phase message (week 10 in the outbox), in the caller's transaction. */
    private void rond(String brin, Status status, Instant nu) {
        jdbc.update("update kwalificatie set status = :s, afgerond_op = :nu where brin = :brin",
                new MapSqlParameterSource("brin", brin).addValue("s", status.name()).addValue("nu", Timestamp.from(nu)));
        Map<String, Object> ap = jdbc.queryForList("select * from aanleverpunt where brin = :brin order by id", Map.of("brin", brin)).get(0);
        String ontvangers = String.join(", ", Stream.of(ap.get("gemachtigde_email"), ap.get("bestuur_email"))
                .filter(Objects::nonNull).map(Object::toString).toList());
        long id = ((Number) ap.get("id")).longValue();
        Instelling.Soort soort = instellingen.zoek(brin).map(Instelling::soort).orElse(Instelling.Soort.WEC);
        VoortgangTeller.Telling telling = teller.tel(id, brin, soort, LocalDate.ofInstant(nu, klok.getZone()));
        jdbc.update("insert into voortgangsmail (aanleverpunt_id, week, soort, uitkomst, ontvanger, aantal_leerlingen, norm_leerlingen, "
                        + "aantal_ab, norm_ab, status, aangemaakt_op) values (:ap, :week, 'AFRONDING', :uitkomst, :ontvanger, :leerlingen, "
                        + ":norm, :ab, :normAb, :status, :nu)",
                new MapSqlParameterSource("ap", id).addValue("week", Fase.WEKEN).addValue("uitkomst", status.name())
                        .addValue("ontvanger", ontvangers.isEmpty() ? null : ontvangers)
                        .addValue("leerlingen", telling.leerlingen()).addValue("norm", ap.get("norm_leerlingen"))
                        .addValue("ab", telling.abLeerlingen()).addValue("normAb", ap.get("norm_ab_leerlingen"))
                        .addValue("status", ontvangers.isEmpty() ? "NIET_VERZENDBAAR" : "TE_VERZENDEN").addValue("nu", Timestamp.from(nu)));
        LOG.info("School {}: connection phase ended, {}", brin, status);
    }

    private void zorgVoorRij(String brin) {
        try {
            jdbc.update("insert into kwalificatie (brin, status) select :brin, 'IN_FASE' where not exists "
                    + "(select 1 from kwalificatie where brin = :brin)", Map.of("brin", brin));
        } catch (DuplicateKeyException tegelijk) {
            // another instance made it first
        }
    }

    private static LocalDate datum(Object o) {
        return o == null ? null : ((Date) o).toLocalDate();
    }

    /** H2 hands out OffsetDateTime for TIMESTAMP WITH TIME ZONE, PostgreSQL's driver a Timestamp. */
    private static Instant tijd(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return o == null ? null : ((Timestamp) o).toInstant();
    }
}
