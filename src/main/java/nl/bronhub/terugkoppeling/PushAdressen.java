package nl.bronhub.terugkoppeling;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.bronhub.OngeldigeInvoer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The push endpoints the operator registered, one per aanleverpunt, and their delivery state. The address is the
 * operator's word (on the vendor's request), never a LAS's: nothing in a bericht or a fetch can set or change it.
 * An address that is not plain https://host[:port]/path, or that carries user info, is refused and nothing is stored.
 */
@Component
public class PushAdressen {

    /** An address longer than this is refused (the column holds it). */
    public static final int MAX_LENGTE = 500;

    /**
     * How delivery stands for one aanleverpunt, as the operator sees it.
     *
     * @param laatstAfgeleverd   the highest volgnummer the endpoint accepted
     * @param laatsteVolgnummer  the highest volgnummer in the aanleverpunt's queue
     * @param wachtend           terugkoppelingen after laatstAfgeleverd still in the queue
     * @param pogingen           failed attempts at the next one since the last success
     * @param volgendePoging     not before this after a failure (null: at the next round)
     * @param laatsteFout        the last failure: a code and a short reason
     */
    public record Stand(String brin, String aanleverpuntnummer, String adres, Instant geregistreerdOp, long laatstAfgeleverd,
                        Instant laatstAfgeleverdOp, long laatsteVolgnummer, long wachtend, int pogingen, Instant volgendePoging,
                        String laatsteFout, Instant laatsteFoutOp) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    /** The delivery state's moments are machine time, as its waits are (the hub's clock may be fixed to a date). */
    private final Clock klok = Clock.systemUTC();

    public PushAdressen(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The address as it may be registered, or {@link OngeldigeInvoer} naming why not: https only, a host, no user info
     * (a password has no place in a stored address), no fragment, printable ASCII, at most {@link #MAX_LENGTE}.
     */
    public static URI controleer(String adres) {
        if (adres == null || adres.isBlank()) {
            throw new OngeldigeInvoer("adres", "adres ontbreekt: een https://-adres van het eindpunt van de LAS");
        }
        if (adres.length() > MAX_LENGTE) {
            throw new OngeldigeInvoer("adres", "adres is langer dan " + MAX_LENGTE + " tekens");
        }
        if (!adres.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new OngeldigeInvoer("adres", "adres bevat spaties, stuurtekens of tekens buiten ASCII (codeer ze met %)");
        }
        if (!adres.startsWith("https://")) {
            throw new OngeldigeInvoer("adres", "alleen https:// (tweezijdig TLS); geen http of een ander schema");
        }
        URI uri;
        try {
            uri = new URI(adres).parseServerAuthority();
        } catch (URISyntaxException e) {
            throw new OngeldigeInvoer("adres", "adres is geen geldige URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OngeldigeInvoer("adres", "adres mag geen gebruikersnaam of wachtwoord bevatten");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new OngeldigeInvoer("adres", "adres noemt geen host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new OngeldigeInvoer("adres", "adres heeft een ongeldige poort");
        }
        if (uri.getRawFragment() != null) {
            throw new OngeldigeInvoer("adres", "adres mag geen fragment (#) hebben");
        }
        return uri;
    }

    /**
     * Registers (or replaces) the endpoint of brin/nummer; empty when the hub knows no such aanleverpunt. A first
     * registration starts after what the LAS acknowledged by fetching, so nothing it has not stored is left out; a
     * new address for a registered one keeps the state (what was delivered stays delivered) and is tried at once.
     */
    @Transactional
    public Optional<Stand> registreer(String brin, String aanleverpuntnummer, String adres) {
        controleer(adres);
        Long id = aanleverpunt(brin, aanleverpuntnummer);
        if (id == null) {
            return Optional.empty();
        }
        Timestamp nu = Timestamp.from(klok.instant());
        MapSqlParameterSource p = new MapSqlParameterSource("ap", id).addValue("adres", adres).addValue("nu", nu);
        int gewijzigd = jdbc.update("update terugkoppeling_push set adres = :adres, geregistreerd_op = :nu, pogingen = 0, "
                + "volgende_poging_op = null where aanleverpunt_id = :ap", p);
        if (gewijzigd == 0) {
            long start = jdbc.queryForObject("select coalesce((select min(t.volgnummer) - 1 from terugkoppeling t "
                    + "where t.aanleverpunt_id = a.id and t.bevestigd_op is null), a.laatste_volgnummer) from aanleverpunt a "
                    + "where a.id = :ap", p, Long.class);
            jdbc.update("insert into terugkoppeling_push (aanleverpunt_id, adres, geregistreerd_op, laatst_afgeleverd) "
                    + "values (:ap, :adres, :nu, :start)", p.addValue("start", start));
        }
        return stand(brin, aanleverpuntnummer);
    }

    /** Removes the endpoint: nothing is delivered any more (fetching goes on as ever). False when there was none. */
    public boolean verwijder(String brin, String aanleverpuntnummer) {
        Long id = aanleverpunt(brin, aanleverpuntnummer);
        return id != null && jdbc.update("delete from terugkoppeling_push where aanleverpunt_id = :ap", Map.of("ap", id)) > 0;
    }

    public Optional<Stand> stand(String brin, String aanleverpuntnummer) {
        return jdbc.query("select a.brin, a.aanleverpuntnummer, a.laatste_volgnummer, p.adres, p.geregistreerd_op, "
                + "p.laatst_afgeleverd, p.laatst_afgeleverd_op, p.pogingen, p.volgende_poging_op, p.laatste_fout, p.laatste_fout_op, "
                + "(select count(*) from terugkoppeling t where t.aanleverpunt_id = p.aanleverpunt_id "
                + "and t.volgnummer > p.laatst_afgeleverd) as wachtend "
                + "from terugkoppeling_push p join aanleverpunt a on a.id = p.aanleverpunt_id "
                + "where a.brin = :brin and a.aanleverpuntnummer = :nummer",
                Map.of("brin", brin, "nummer", aanleverpuntnummer), (rs, n) -> lees(rs)).stream().findFirst();
    }

    public List<Stand> alle() {
        return jdbc.query("select a.brin, a.aanleverpuntnummer, a.laatste_volgnummer, p.adres, p.geregistreerd_op, "
                + "p.laatst_afgeleverd, p.laatst_afgeleverd_op, p.pogingen, p.volgende_poging_op, p.laatste_fout, p.laatste_fout_op, "
                + "(select count(*) from terugkoppeling t where t.aanleverpunt_id = p.aanleverpunt_id "
                + "and t.volgnummer > p.laatst_afgeleverd) as wachtend "
                + "from terugkoppeling_push p join aanleverpunt a on a.id = p.aanleverpunt_id "
                + "order by a.brin, a.aanleverpuntnummer", Map.of(), (rs, n) -> lees(rs));
    }

    private Long aanleverpunt(String brin, String aanleverpuntnummer) {
        return jdbc.query("select id from aanleverpunt where brin = :brin and aanleverpuntnummer = :nummer",
                Map.of("brin", brin, "nummer", aanleverpuntnummer), rs -> rs.next() ? rs.getLong(1) : null);
    }

    private static Stand lees(ResultSet rs) throws SQLException {
        return new Stand(rs.getString("brin"), rs.getString("aanleverpuntnummer"), rs.getString("adres"),
                moment(rs, "geregistreerd_op"), rs.getLong("laatst_afgeleverd"), moment(rs, "laatst_afgeleverd_op"),
                rs.getLong("laatste_volgnummer"), rs.getLong("wachtend"), rs.getInt("pogingen"), moment(rs, "volgende_poging_op"),
                rs.getString("laatste_fout"), moment(rs, "laatste_fout_op"));
    }

    private static Instant moment(ResultSet rs, String kolom) throws SQLException {
        Timestamp t = rs.getTimestamp(kolom);
        return t == null ? null : t.toInstant();
    }
}
