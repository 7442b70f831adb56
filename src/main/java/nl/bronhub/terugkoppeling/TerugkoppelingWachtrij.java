package nl.bronhub.terugkoppeling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import nl.bronhub.contract.v1.AndereInschrijving;
import nl.bronhub.contract.v1.Bekostigingsstatus;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.signaal.Signaal;
import nl.bronhub.verwerking.Reeks;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.registratie.RegisterLezer;
import nl.bronhub.contract.Contract;
import nl.bronhub.soap.ContractVertaling;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts the terugkoppeling of a processed bericht in its aanleverpunt's queue: the data as the
 * register now holds it, and all signals; after it, the notices of a dubbele inschrijving to both
 * schools. Runs in the bericht's transaction, so the register effect
 * and its terugkoppeling are committed together; the volgnummer is taken under the aanleverpunt's
 * row lock, so the queue has no gaps and no repeats. The data shown are what the register stage stored, built in
 * memory, not read back.
 */
@Component
public class TerugkoppelingWachtrij {

    private final NamedParameterJdbcTemplate jdbc;
    private final RegisterLezer register;
    private final Contract contract;
    private final Clock klok;
    private final DatatypeFactory datatypes;
    private final Uitschrijfbewijsmeldingen aanvullingen;

    public TerugkoppelingWachtrij(NamedParameterJdbcTemplate jdbc, RegisterLezer register, Contract contract, Clock klok,
                                  Uitschrijfbewijsmeldingen aanvullingen) throws DatatypeConfigurationException {
        this.jdbc = jdbc;
        this.aanvullingen = aanvullingen;
        this.register = register;
        this.contract = contract;
        this.klok = klok;
        this.datatypes = DatatypeFactory.newInstance();
    }

    /**
     * A terugkoppeling for every bericht of the reeks, in arrival order, each followed by its dubbele-inschrijving
     * notices; the volgnummers of each queue taken at once and the rows written in one batch.
     */
    public void plaatsAlle(Reeks reeks) {
        List<Nieuw> nieuw = new ArrayList<>();
        Map<Long, Bekostigingsstatus> bekostiging = bekostiging(reeks.getBerichten());
        reeks.elk(v -> terugkoppelingen(v, bekostiging, nieuw));
        zetInWachtrij(nieuw);
    }

    public void plaats(Verwerking v) {
        List<Nieuw> nieuw = new ArrayList<>();
        terugkoppelingen(v, bekostiging(List.of(v)), nieuw);
        zetInWachtrij(nieuw);
    }

    /** The funding status of the inschrijvingen the berichten registered, read for them all at once. */
    private Map<Long, Bekostigingsstatus> bekostiging(List<Verwerking> berichten) {
        Map<Long, Long> persoonPerInschrijving = new HashMap<>();
        berichten.stream().filter(v -> v.getGeregistreerdeLeerling() != null && v.getInschrijvingId() != null)
                .forEach(v -> persoonPerInschrijving.put(v.getInschrijvingId(), v.getPersoonId()));
        return aanvullingen.bekostigingen(persoonPerInschrijving);
    }

    /** A terugkoppeling before it has its volgnummer in the queue of its aanleverpunt. */
    private record Nieuw(long aanleverpuntId, Long berichtId, Terugkoppeling terugkoppeling) {
    }

    private void terugkoppelingen(Verwerking v, Map<Long, Bekostigingsstatus> bekostiging, List<Nieuw> nieuw) {
        Terugkoppeling t = nieuw(SoortTerugkoppeling.VERWERKING,
                v.isAfgekeurd() ? Verwerkingsresultaat.AFGEKEURD : Verwerkingsresultaat.GEREGISTREERD);
        t.setBerichtIdentificatie(v.getBericht().identificatie());
        v.getSignalen().forEach(s -> t.getSignaal().add(Contract.alsContract(s)));
        if (v.getGeregistreerdeLeerling() != null) {
            // what the register stage stored: the register holds exactly this now
            t.setLeerling(ContractVertaling.naarContract(v.getGeregistreerdeLeerling()));
            t.setInschrijving(inschrijving(v.getGeregistreerdeInschrijving()));
            if (v.getInschrijvingId() != null) {
                t.setBekostiging(bekostiging.get(v.getInschrijvingId()));
            }
        } else {
            // refused, or a verwijderen: what the register holds (if anything) stands, shown only to a school the
            // pupil is or was enrolled at, or that sent the pupil's key data: anyone else would learn a stranger's
            // name and address by sending a number. Of a pupil without a BSN, only to the school whose data they are
            // (an enrolment any school can register for a pupil it found by name does not make them its own)
            if (v.getPgn() != null && (v.isSleutelBevestigd() || !register.inschrijvingen(v.getPgn(), v.getBrin()).isEmpty())
                    && register.persoonsgegevensVan(v.getPgn(), v.getBrin())) {
                t.setLeerling(leerling(v.getPgn()));
            } else if (v.getPgn() != null && !v.isAfgekeurd() && v.getSignalen().stream().anyMatch(s -> "756".equals(s.code()))) {
                // a verwijderen of a pupil sent without a number: 756 tells the LAS to store the number, so the answer
                // carries it, beside only the key data the school sent itself (a LAS found the 756 without any number)
                t.setLeerling(ContractVertaling.identificatie(leerling(v.getPgn()), false));
            }
            Inschrijving gemeld = v.inschrijving();
            if (gemeld != null) {
                t.setInschrijving(inschrijving(register.inschrijving(v.getPgn(), v.getBrin(), gemeld.datumInschrijving())));
            }
        }
        nieuw.add(new Nieuw(v.getAanleverpuntId(), v.getBerichtId(), t));
        for (long ander : v.getDubbeleInschrijvingen()) {
            nieuw.add(dubbeleInschrijving(v.getPgn(), v.getInschrijvingId(), ander));
            nieuw.add(dubbeleInschrijving(v.getPgn(), ander, v.getInschrijvingId()));
        }
        // the uitschrijfbewijs to the school the pupil goes to, its confirmation to the school left
        for (long bewijs : v.getUitschrijfbewijzen()) {
            Uitschrijfbewijsmeldingen.Melding m = aanvullingen.uitschrijfbewijs(bewijs);
            Terugkoppeling naar = nieuw(SoortTerugkoppeling.UITSCHRIJFBEWIJS, Verwerkingsresultaat.MELDING);
            naar.setLeerling(Uitschrijfbewijsmeldingen.identificatie(leerling(m.pgn())));
            naar.setUitschrijfbewijs(m.bewijs());
            nieuw.add(new Nieuw(m.naarAanleverpuntId(), null, naar));
            Terugkoppeling van = nieuw(SoortTerugkoppeling.UITSCHRIJVING_BEVESTIGD, Verwerkingsresultaat.MELDING);
            van.setLeerling(leerling(m.pgn()));
            van.setInschrijving(inschrijving(register.inschrijving(m.vanInschrijvingId())));
            van.setUitschrijfbewijs(m.bewijs());
            nieuw.add(new Nieuw(m.vanAanleverpuntId(), null, van));
        }
    }

    /** A spontane mutatie (handbook 7.7.3): the GBA changed the pupil; the school's LAS should take it over. */
    public void plaatsSpontaneMutatie(long aanleverpuntId, String pgn, long inschrijvingId, List<Signaal> signalen) {
        Terugkoppeling t = nieuw(SoortTerugkoppeling.SPONTANE_MUTATIE, Verwerkingsresultaat.MELDING);
        signalen.forEach(s -> t.getSignaal().add(Contract.alsContract(s)));
        t.setLeerling(leerling(pgn));
        t.setInschrijving(inschrijving(register.inschrijving(inschrijvingId)));
        zetInWachtrij(List.of(new Nieuw(aanleverpuntId, null, t)));
    }

    /** Tells the school of inschrijving {@code eigen} that the pupil is also enrolled at the school of {@code ander}. */
    private Nieuw dubbeleInschrijving(String pgn, long eigen, long ander) {
        Map<String, Object> andere = jdbc.queryForMap("select a.brin, a.datum_inschrijving, a.datum_uitschrijving, e.aanleverpunt_id "
                + "from inschrijving a, inschrijving e where a.id = :ander and e.id = :eigen", Map.of("ander", ander, "eigen", eigen));
        long aanleverpuntId = ((Number) andere.get("aanleverpunt_id")).longValue();
        Terugkoppeling t = nieuw(SoortTerugkoppeling.DUBBELE_INSCHRIJVING, Verwerkingsresultaat.MELDING);
        t.setLeerling(leerling(pgn));
        t.setInschrijving(inschrijving(register.inschrijving(eigen)));
        AndereInschrijving a = new AndereInschrijving();
        a.setBrin((String) andere.get("brin"));
        a.setDatumInschrijving(andere.get("datum_inschrijving").toString());
        a.setDatumUitschrijving(andere.get("datum_uitschrijving") == null ? null : andere.get("datum_uitschrijving").toString());
        t.setAndereInschrijving(a);
        return new Nieuw(aanleverpuntId, null, t);
    }

    private Persoon leerling(String pgn) {
        Leerling l = register.persoon(pgn);
        return l == null ? null : ContractVertaling.naarContract(l);
    }

    private static nl.bronhub.contract.v1.Inschrijving inschrijving(Inschrijving i) {
        return i == null ? null : ContractVertaling.naarContract(i);
    }

    private Terugkoppeling nieuw(SoortTerugkoppeling soort, Verwerkingsresultaat resultaat) {
        Terugkoppeling t = new Terugkoppeling();
        t.setSoort(soort);
        t.setResultaat(resultaat);
        t.setAangemaakt(datatypes.newXMLGregorianCalendar(GregorianCalendar.from(ZonedDateTime.now(klok))));
        return t;
    }

    /**
     * Into their queues, in the order given. Each queue's volgnummers are taken at once under the aanleverpunt's row
     * lock (the update holds it to the commit), so transactions writing to one queue take their numbers one after the
     * other: no gaps, no repeats.
     */
    private void zetInWachtrij(List<Nieuw> nieuw) {
        if (nieuw.isEmpty()) {
            return;
        }
        Map<Long, Long> volgend = new LinkedHashMap<>();
        nieuw.forEach(n -> volgend.merge(n.aanleverpuntId(), 1L, Long::sum));
        for (Map.Entry<Long, Long> queue : volgend.entrySet()) {
            Map<String, Long> p = Map.of("ap", queue.getKey(), "aantal", queue.getValue());
            jdbc.update("update aanleverpunt set laatste_volgnummer = laatste_volgnummer + :aantal where id = :ap", p);
            long laatste = jdbc.queryForObject("select laatste_volgnummer from aanleverpunt where id = :ap", p, Long.class);
            queue.setValue(laatste - queue.getValue() + 1);
        }
        Timestamp nu = Timestamp.from(klok.instant());
        List<MapSqlParameterSource> rijen = new ArrayList<>();
        for (Nieuw n : nieuw) {
            long volgnummer = volgend.merge(n.aanleverpuntId(), 1L, Long::sum) - 1;
            n.terugkoppeling().setVolgnummer(volgnummer);
            rijen.add(new MapSqlParameterSource()
                    .addValue("ap", n.aanleverpuntId())
                    .addValue("volgnummer", volgnummer)
                    .addValue("bericht", n.berichtId())
                    .addValue("inhoud", contract.alsXml("terugkoppeling", Terugkoppeling.class, n.terugkoppeling()))
                    .addValue("nu", nu));
        }
        jdbc.batchUpdate("insert into terugkoppeling (aanleverpunt_id, volgnummer, bericht_id, inhoud, aangemaakt_op) "
                + "values (:ap, :volgnummer, :bericht, :inhoud, :nu)", rijen.toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Everything up to {@code laatstOntvangen} in the aanleverpunt's queue is acknowledged now (not again). Only what lies
     * beyond the last acknowledgement is read (terugkoppeling_bevestigd, V25), under that row's lock, so two fetches of one
     * aanleverpunt acknowledge one after the other. True when it acknowledged what was not acknowledged before.
     */
    public boolean bevestig(long aanleverpuntId, long laatstOntvangen) {
        MapSqlParameterSource p = new MapSqlParameterSource("ap", aanleverpuntId).addValue("laatst", laatstOntvangen);
        // most fetches acknowledge nothing new (a LAS polling an empty queue): they neither lock nor write, since what is
        // acknowledged only grows; H2 writes a locked row into the next commit, and a commit writes every page touched
        List<Long> al = jdbc.queryForList("select tot_en_met from terugkoppeling_bevestigd where aanleverpunt_id = :ap", p, Long.class);
        if (laatstOntvangen <= (al.isEmpty() ? 0 : al.get(0))) {
            return false;
        }
        jdbc.update("insert into terugkoppeling_bevestigd (aanleverpunt_id, tot_en_met) values (:ap, 0) on conflict do nothing", p);
        long vanaf = jdbc.queryForObject("select tot_en_met from terugkoppeling_bevestigd where aanleverpunt_id = :ap for update", p,
                Long.class);
        if (laatstOntvangen <= vanaf) {
            return false;
        }
        jdbc.update("update terugkoppeling set bevestigd_op = :nu where aanleverpunt_id = :ap and volgnummer > :vanaf "
                + "and volgnummer <= :laatst and bevestigd_op is null", p.addValue("vanaf", vanaf)
                .addValue("nu", Timestamp.from(klok.instant())));
        jdbc.update("update terugkoppeling_bevestigd set tot_en_met = :laatst where aanleverpunt_id = :ap", p);
        return true;
    }

    /**
     * The stored terugkoppelingen (XML) after {@code laatstOntvangen} that are not acknowledged, in volgnummer order, at
     * most {@code limiet}. Acknowledging is always "everything up to N", so what is not acknowledged is exactly what
     * comes after the highest acknowledged number, whatever lower number a LAS sends.
     */
    public List<Map.Entry<Long, String>> pagina(long aanleverpuntId, long laatstOntvangen, int limiet) {
        return jdbc.query("select volgnummer, inhoud from terugkoppeling where aanleverpunt_id = :ap and volgnummer > :laatst "
                + "and bevestigd_op is null order by volgnummer limit :limiet", new MapSqlParameterSource("ap", aanleverpuntId)
                .addValue("laatst", laatstOntvangen).addValue("limiet", limiet), (rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)));
    }

    /**
     * The aanleverpunt was given everything up to this volgnummer: a fetch served it, or push is about to send it (so a
     * LAS whose endpoint stored it may acknowledge it even if the hub dies before it hears the endpoint's answer).
     */
    public void gegeven(long aanleverpuntId, long volgnummer) {
        jdbc.update("update aanleverpunt set hoogst_opgehaald = :n where id = :id and hoogst_opgehaald < :n",
                Map.of("id", aanleverpuntId, "n", volgnummer));
    }

    /**
     * The highest volgnummer the aanleverpunt was given: served by a fetch, or offered to its push endpoint. A LAS
     * acknowledges up to here; beyond it are terugkoppelingen it has not seen.
     */
    public long laatsteGegeven(long aanleverpuntId) {
        return jdbc.queryForObject("select a.hoogst_opgehaald, p.laatst_afgeleverd from aanleverpunt a left join terugkoppeling_push p "
                + "on p.aanleverpunt_id = a.id where a.id = :id", Map.of("id", aanleverpuntId),
                (rs, i) -> Math.max(rs.getLong(1), rs.getLong(2)));
    }

    /** Acknowledged terugkoppelingen acknowledged before {@code grens} are removed; returns how many. */
    public int opschonen(Timestamp grens) {
        return jdbc.update("delete from terugkoppeling where bevestigd_op < :grens", Map.of("grens", grens));
    }
}
