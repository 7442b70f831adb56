package nl.bronhub.feedback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.Map;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.registry.RegisterLezer;
import nl.bronhub.soap.Contract;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts the terugkoppeling of a processed bericht in its aanleverpunt's queue: the data as the
 * register now holds it, and all signals. Runs in the bericht's transaction, so the register effect
 * and its terugkoppeling are committed together; the volgnummer is taken under the aanleverpunt's
 * row lock, so the queue has no gaps and no repeats.
 */
@Component
public class TerugkoppelingWachtrij {

    private final NamedParameterJdbcTemplate jdbc;
    private final RegisterLezer register;
    private final Contract contract;
    private final Clock klok;
    private final DatatypeFactory datatypes;

    public TerugkoppelingWachtrij(NamedParameterJdbcTemplate jdbc, RegisterLezer register, Contract contract, Clock klok)
            throws DatatypeConfigurationException {
        this.jdbc = jdbc;
        this.register = register;
        this.contract = contract;
        this.klok = klok;
        this.datatypes = DatatypeFactory.newInstance();
    }

    public void plaats(Verwerking v) {
        Terugkoppeling t = new Terugkoppeling();
        t.setSoort(SoortTerugkoppeling.VERWERKING);
        t.setAangemaakt(datatypes.newXMLGregorianCalendar(GregorianCalendar.from(ZonedDateTime.now(klok))));
        t.setBerichtIdentificatie(v.getBericht().getIdentificatie());
        t.setResultaat(v.isAfgekeurd() ? Verwerkingsresultaat.AFGEKEURD : Verwerkingsresultaat.GEREGISTREERD);
        v.getSignalen().forEach(s -> t.getSignaal().add(Contract.alsContract(s)));
        t.setLeerling(register.persoon(v.getPgn()));
        Inschrijving gemeld = v.getBericht().getInschrijving();
        if (gemeld != null) {
            t.setInschrijving(register.inschrijving(v.getPgn(), v.getBrin(), Verwerking.datum(gemeld.getDatumInschrijving())));
        }
        long volgnummer = volgendVolgnummer(v.getAanleverpuntId());
        t.setVolgnummer(volgnummer);
        jdbc.update("insert into terugkoppeling (aanleverpunt_id, volgnummer, bericht_id, inhoud, aangemaakt_op) "
                + "values (:ap, :volgnummer, :bericht, :inhoud, :nu)", new MapSqlParameterSource()
                .addValue("ap", v.getAanleverpuntId())
                .addValue("volgnummer", volgnummer)
                .addValue("bericht", v.getBerichtId())
                .addValue("inhoud", contract.alsXml("terugkoppeling", Terugkoppeling.class, t))
                .addValue("nu", Timestamp.from(klok.instant())));
    }

    private long volgendVolgnummer(long aanleverpuntId) {
        Map<String, Long> p = Map.of("ap", aanleverpuntId);
        jdbc.update("update aanleverpunt set laatste_volgnummer = laatste_volgnummer + 1 where id = :ap", p);
        return jdbc.queryForObject("select laatste_volgnummer from aanleverpunt where id = :ap", p, Long.class);
    }
}
