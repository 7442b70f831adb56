package nl.bronhub.voortgang;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.stream.Stream;
import nl.bronhub.Helpdesk;
import nl.bronhub.planning.Contactcontrole;
import nl.bronhub.planning.Planning;
import nl.bronhub.planning.PlanningEigenschappen;
import nl.bronhub.planning.Vooraankondigingen;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the recorded voortgangsmails (connection plan step 11). A mail is claimed before it goes out,
 * so one hub or several never send it twice at once; an SMTP failure leaves it waiting, retried with
 * a doubling back-off; an operator can list them and send one again.
 */
@Component
public class Voortgangsmails {

    private static final Logger LOG = LoggerFactory.getLogger(Voortgangsmails.class);
    /** A claim older than this belongs to a hub that stopped while sending; the mail may be taken over. */
    private static final Duration CLAIM_VERLOOPT = Duration.ofMinutes(10);
    private static final Duration MAXIMAAL_WACHTEN = Duration.ofHours(1);

    /** A voortgangsmail as the operator API lists it. */
    public record Overzicht(long id, String brin, String aanleverpuntnummer, String soort, int week, String ontvanger, int aantalLeerlingen,
                            Integer normLeerlingen, int aantalAbLeerlingen, Integer normAbLeerlingen, String status, int pogingen,
                            String laatsteFout, int keerVerzonden, Instant aangemaaktOp, Instant verzondenOp) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final MailSjablonen sjablonen;
    private final Instellingen instellingen;
    private final Map<Integer, Integer> verwachting;
    private final Duration herhaalNa;
    private final String afzender;
    private final Helpdesk helpdesk;
    private final String handboek;
    private final Planning planning;
    private final Contactcontrole contactcontrole;

    public Voortgangsmails(NamedParameterJdbcTemplate jdbc, MailSjablonen sjablonen, Instellingen instellingen, Helpdesk helpdesk,
                           VoortgangEigenschappen voortgang, MailEigenschappen mail,
                           PlanningEigenschappen planningEigenschappen, Planning planning,
                           Contactcontrole contactcontrole) {
        this.jdbc = jdbc;
        this.sjablonen = sjablonen;
        this.instellingen = instellingen;
        this.verwachting = Map.of(3, voortgang.verwachting().week3(), 6, voortgang.verwachting().week6());
        this.herhaalNa = Duration.ofMillis(voortgang.herhaalNaMs());
        this.afzender = mail.afzender();
        this.helpdesk = helpdesk;
        this.handboek = planningEigenschappen.handboekUrl();
        this.planning = planning;
        this.contactcontrole = contactcontrole;
    }

    /** The mails waiting to go out now. */
    public List<Long> teVerzenden() {
        return jdbc.queryForList("select id from voortgangsmail where (status = 'TE_VERZENDEN' and (volgende_poging_op is null "
                        + "or volgende_poging_op <= :nu)) or (status = 'VERZENDEN' and geclaimd_op < :verlopen) order by id",
                new MapSqlParameterSource("nu", Timestamp.from(Instant.now()))
                        .addValue("verlopen", Timestamp.from(Instant.now().minus(CLAIM_VERLOOPT))), Long.class);
    }

    /**
     * Claims the mail and writes it: the HTML part as the body, the plain-text part, recipient and
     * subject as camel-mail headers. null when another run claimed it first.
     */
    public String opstellen(Long id, Exchange exchange) {
        int geclaimd = jdbc.update("update voortgangsmail set status = 'VERZENDEN', geclaimd_op = :nu where id = :id "
                        + "and (status = 'TE_VERZENDEN' or (status = 'VERZENDEN' and geclaimd_op < :verlopen))",
                new MapSqlParameterSource("id", id).addValue("nu", Timestamp.from(Instant.now()))
                        .addValue("verlopen", Timestamp.from(Instant.now().minus(CLAIM_VERLOOPT))));
        if (geclaimd == 0) {
            return null;
        }
        Map<String, Object> m = jdbc.queryForMap("select v.*, a.brin, a.aanleverpuntnummer, a.gemachtigde_naam, a.wachtwoordbrief_datum, "
                + "a.bestuur_naam from voortgangsmail v join aanleverpunt a on a.id = v.aanleverpunt_id where v.id = :id", Map.of("id", id));
        String soort = (String) m.get("soort");
        MailSjablonen.Mail mail = soort.startsWith("VOORAANKONDIGING") || soort.startsWith("CONTACTCONTROLE") ? vooraankondiging(m)
                : soort.startsWith("CERTIFICAAT") ? certificaat(m) : voortgang(m);
        exchange.setProperty("voortgangsmailId", id);
        exchange.setProperty(Exchange.CHARSET_NAME, "UTF-8");
        exchange.getIn().setHeader("To", m.get("ontvanger"));
        exchange.getIn().setHeader("From", afzender);
        exchange.getIn().setHeader("Subject", mail.onderwerp());
        exchange.getIn().setHeader("CamelMailAlternativeBody", mail.tekst());
        return mail.html();
    }

    /** A vooraankondiging (connection plan steps 1 and 5): the planned week and its window, or the start, and the handbook. */
    private MailSjablonen.Mail vooraankondiging(Map<String, Object> m) {
        Map<String, Object> gegevens = algemeen(m);
        LocalDate maandag = planning.startweek((String) m.get("brin")).orElseThrow();
        gegevens.put("startweek", Planning.week(maandag));
        gegevens.put("weekMaandag", maandag);
        gegevens.put("weeknummer", maandag.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        gegevens.put("weekjaar", maandag.get(IsoFields.WEEK_BASED_YEAR));
        gegevens.put("vanaf", Planning.vensterVan(maandag));
        gegevens.put("totEnMet", Planning.vensterTot(maandag));
        // the start itself once the wachtwoordbrief's date is set; null before
        gegevens.put("start", m.get("wachtwoordbrief_datum") == null ? null : ((Date) m.get("wachtwoordbrief_datum")).toLocalDate());
        gegevens.put("handboek", handboek);
        String soort = (String) m.get("soort");
        if (soort.startsWith(Vooraankondigingen.CONTACT)) {
            // a reminder of step 2 or 7: until when the step is open
            int stap = Integer.parseInt(soort.substring(Vooraankondigingen.CONTACT.length()));
            LocalDate start = gegevens.get("start") == null ? maandag : (LocalDate) gegevens.get("start");
            gegevens.put("stap", stap);
            gegevens.put("uiterlijk", contactcontrole.sluit(stap, start).minusDays(1));
            gegevens.put("startdatum", start);
            return sjablonen.maak("contactcontrole", gegevens);
        }
        return sjablonen.maak(Vooraankondigingen.EERSTE.equals(soort) ? "vooraankondiging1" : "vooraankondiging2",
                gegevens);
    }

    /** The helpdesk's reminder of step 9: the certificate not obtained after a week, or not tested after two. */
    private MailSjablonen.Mail certificaat(Map<String, Object> m) {
        Map<String, Object> gegevens = algemeen(m);
        gegevens.put("ophalen", "CERTIFICAAT_OPHALEN".equals(m.get("soort")));
        return sjablonen.maak("certificaat", gegevens);
    }

    /** What every mail says: the school, the aanleverpunt, whom it addresses, and the helpdesk. */
    private Map<String, Object> algemeen(Map<String, Object> m) {
        Map<String, Object> gegevens = new HashMap<>();
        gegevens.put("brin", m.get("brin"));
        gegevens.put("aanleverpuntnummer", m.get("aanleverpuntnummer"));
        gegevens.put("schoolnaam", instellingen.zoek((String) m.get("brin")).map(Instelling::naam).orElse((String) m.get("brin")));
        gegevens.put("gemachtigde", m.get("gemachtigde_naam") == null ? "gemachtigde" : m.get("gemachtigde_naam"));
        // the helpdesk (name, phone, e-mail, site) and the portal's address for the link
        gegevens.put("helpdesk", helpdesk);
        // only a WPO school has a vergelijkingsoverzicht ambulant begeleide leerlingen to check (connection plan, step 12)
        gegevens.put("wpo", instellingen.zoek((String) m.get("brin")).map(i -> i.soort() == Instelling.Soort.WPO).orElse(false));
        return gegevens;
    }

    private MailSjablonen.Mail voortgang(Map<String, Object> m) {
        int week = ((Number) m.get("week")).intValue();
        boolean afronding = "AFRONDING".equals(m.get("soort"));
        Map<String, Object> gegevens = algemeen(m);
        // the end-of-phase message (step 13): gekwalificeerd, or aangesloten without qualification
        gegevens.put("gekwalificeerd", "GEKWALIFICEERD".equals(m.get("uitkomst")));
        // null when the register has no name: the template then leaves the bestuur's name out
        gegevens.put("bestuur", m.get("bestuur_naam"));
        gegevens.put("week", week);
        gegevens.put("resterendeWeken", Fase.WEKEN - week);
        LocalDate brief = ((Date) m.get("wachtwoordbrief_datum")).toLocalDate();
        gegevens.put("einddatum", brief.plusWeeks(Fase.WEKEN).minusDays(1));
        int drempel = verwachting.getOrDefault(week, 100);
        gegevens.put("drempel", drempel);
        gegevens.put("leerlingen", Score.van((Integer) m.get("aantal_leerlingen"), (Integer) m.get("norm_leerlingen"), drempel));
        gegevens.put("ab", Score.van((Integer) m.get("aantal_ab"), (Integer) m.get("norm_ab"), drempel));
        // a score below its week's expectation: the mail then gives advice
        gegevens.put("achter", Stream.of(gegevens.get("leerlingen"), gegevens.get("ab"))
                .anyMatch(s -> Boolean.FALSE.equals(((Score) s).volgensVerwachting())));
        return sjablonen.maak(afronding ? "afronding" : "voortgang", gegevens);
    }

    public void verzonden(@ExchangeProperty("voortgangsmailId") long id) {
        jdbc.update("update voortgangsmail set status = 'VERZONDEN', verzonden_op = :nu, keer_verzonden = keer_verzonden + 1, "
                + "laatste_fout = null where id = :id", new MapSqlParameterSource("id", id).addValue("nu", Timestamp.from(Instant.now())));
    }

    public void mislukt(@ExchangeProperty("voortgangsmailId") Long id, Exchange exchange) {
        Throwable fout = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (id == null) {
            // failed while writing the mail: its claim runs out and it is taken again then
            LOG.warn("Voortgangsmail {} could not be written: {}", exchange.getIn().getBody(), fout == null ? "onbekend" : NestedExceptionUtils.getMostSpecificCause(fout).toString());
            return;
        }
        int pogingen = jdbc.queryForObject("select pogingen from voortgangsmail where id = :id", Map.of("id", id), Integer.class) + 1;
        Duration wachten = herhaalNa.multipliedBy(1L << Math.min(pogingen - 1, 16));
        wachten = wachten.compareTo(MAXIMAAL_WACHTEN) > 0 ? MAXIMAAL_WACHTEN : wachten;
        String type = fout == null ? "onbekend" : fout.getClass().getSimpleName();
        jdbc.update("update voortgangsmail set status = 'TE_VERZENDEN', pogingen = :p, volgende_poging_op = :volgende, "
                + "laatste_fout = :fout where id = :id", new MapSqlParameterSource("id", id).addValue("p", pogingen)
                .addValue("volgende", Timestamp.from(Instant.now().plus(wachten))).addValue("fout", type));
        LOG.warn("Voortgangsmail {} not sent (attempt {}, {}); next attempt in {} s", id, pogingen, type, wachten.toSeconds());
    }

    public List<Overzicht> overzicht() {
        return jdbc.query("select v.*, a.brin, a.aanleverpuntnummer from voortgangsmail v join aanleverpunt a on a.id = v.aanleverpunt_id "
                + "order by v.id", Map.of(), (rs, n) -> new Overzicht(rs.getLong("id"), rs.getString("brin"),
                rs.getString("aanleverpuntnummer"), rs.getString("soort"), rs.getInt("week"), rs.getString("ontvanger"), rs.getInt("aantal_leerlingen"),
                (Integer) rs.getObject("norm_leerlingen"), rs.getInt("aantal_ab"), (Integer) rs.getObject("norm_ab"),
                rs.getString("status"), rs.getInt("pogingen"), rs.getString("laatste_fout"), rs.getInt("keer_verzonden"),
                rs.getTimestamp("aangemaakt_op").toInstant(),
                rs.getTimestamp("verzonden_op") == null ? null : rs.getTimestamp("verzonden_op").toInstant()));
    }

    /** The vooraankondigingen recorded, per "BRIN/aanleverpuntnummer": soort to status. */
    public Map<String, Map<String, String>> vooraankondigingen() {
        Map<String, Map<String, String>> per = new HashMap<>();
        jdbc.query("select a.brin, a.aanleverpuntnummer, v.soort, v.status from voortgangsmail v join aanleverpunt a on a.id = v.aanleverpunt_id "
                + "where v.soort like 'VOORAANKONDIGING%'", Map.of(), rs -> {
                    per.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new HashMap<>()).put(rs.getString(3), rs.getString(4));
                });
        return per;
    }

    public enum Opnieuw { VERZENDEN, GEEN_ADRES, ONBEKEND }

    /** Sends a mail again, to the gemachtigde's current address, with the scores it was recorded with. */
    public Opnieuw opnieuw(long id) {
        List<Map<String, Object>> mail = jdbc.queryForList("select a.gemachtigde_email from voortgangsmail v join aanleverpunt a "
                + "on a.id = v.aanleverpunt_id where v.id = :id", Map.of("id", id));
        if (mail.isEmpty()) {
            return Opnieuw.ONBEKEND;
        }
        String adres = (String) mail.get(0).get("gemachtigde_email");
        if (adres == null) {
            return Opnieuw.GEEN_ADRES;
        }
        jdbc.update("update voortgangsmail set status = 'TE_VERZENDEN', ontvanger = :adres, pogingen = 0, volgende_poging_op = null "
                + "where id = :id", new MapSqlParameterSource("id", id).addValue("adres", adres));
        return Opnieuw.VERZENDEN;
    }

    /** A score as the mail shows it: registered against the normaantal, as a percentage, and the verdict. */
    public record Score(int aantal, Integer norm, Integer percentage, Boolean volgensVerwachting) {

        /** The same score, not judged: before the first milestone there is no expectation to be behind on. */
        public Score zonderOordeel() {
            return new Score(aantal, norm, percentage, null);
        }

        public static Score van(Integer aantal, Integer norm, int drempel) {
            if (norm == null || norm == 0) {
                return new Score(aantal, norm, null, null);
            }
            int percentage = (int) Math.round(aantal * 100.0 / norm);
            return new Score(aantal, norm, percentage, percentage >= drempel);
        }
    }
}
