package nl.bronhub.terugkoppeling;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.bronhub.contract.v1.Bekostigingsstatus;
import nl.bronhub.contract.v1.GtbSignaal;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.soap.ContractVertaling;
import nl.bronhub.contract.v1.RedenUitschrijfbewijs;
import nl.bronhub.contract.v1.Uitschrijfbewijs;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contract's shape of what the 2019 letter added to the terugkoppeling: the funding status of a registered
 * enrolment (judged by {@link nl.bronhub.gtb.Bekostigingsstatus}) and the uitschrijfbewijs that
 * {@link nl.bronhub.registratie.Uitschrijfbewijzen} made. Read in the bericht's transaction.
 */
@Component
public class Uitschrijfbewijsmeldingen {

    /** An uitschrijfbewijs as it goes out, and the two queues it goes to. */
    public record Melding(Uitschrijfbewijs bewijs, String pgn, long vanInschrijvingId, long vanAanleverpuntId, long naarAanleverpuntId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final nl.bronhub.gtb.Bekostigingsstatus bekostiging;
    private final Clock klok;

    public Uitschrijfbewijsmeldingen(NamedParameterJdbcTemplate jdbc, nl.bronhub.gtb.Bekostigingsstatus bekostiging, Clock klok) {
        this.jdbc = jdbc;
        this.bekostiging = bekostiging;
        this.klok = klok;
    }

    /**
     * The funding status of registered inschrijvingen (inschrijving id to its person's id), read at once; an inschrijving
     * that has none (no GTB, no peildatum yet) is absent.
     */
    public Map<Long, Bekostigingsstatus> bekostigingen(Map<Long, Long> persoonPerInschrijving) {
        if (persoonPerInschrijving.isEmpty()) {
            return Map.of();
        }
        Map<Long, Bekostigingsstatus> bekostigingen = new HashMap<>();
        bekostiging.vanAlle(persoonPerInschrijving, LocalDate.now(klok)).forEach((inschrijving, s) -> {
            Bekostigingsstatus b = new Bekostigingsstatus();
            b.setTelt(s.telt());
            b.setPeildatum(s.peildatum().toString());
            s.signalen().forEach(x -> {
                GtbSignaal g = new GtbSignaal();
                g.setCode(x.code());
                g.setOmschrijving(x.tekst());
                b.getGtbSignaal().add(g);
            });
            bekostigingen.put(inschrijving, b);
        });
        return bekostigingen;
    }

    /** The stored uitschrijfbewijs {@code id}, with the vestiging and leerjaar in force on its datum uitschrijving. */
    public Melding uitschrijfbewijs(long id) {
        Map<String, Object> r = jdbc.queryForMap("select u.*, p.pgn, i.id as inschrijving_id from uitschrijfbewijs u "
                + "join persoon p on p.id = u.persoon_id join inschrijving i on i.persoon_id = u.persoon_id and i.brin = u.van_brin "
                + "and i.datum_inschrijving = u.van_datum_inschrijving where u.id = :id", Map.of("id", id));
        long inschrijving = ((Number) r.get("inschrijving_id")).longValue();
        LocalDate uit = ((Date) r.get("datum_uitschrijving")).toLocalDate();
        Uitschrijfbewijs b = new Uitschrijfbewijs();
        b.setVorigeBrin((String) r.get("van_brin"));
        b.setVorigeVestiging(groepOp(inschrijving, "vestiging", uit));
        b.setLeerjaar(groepOp(inschrijving, "leerjaar", uit));
        b.setDatumInschrijving(r.get("van_datum_inschrijving").toString());
        b.setDatumUitschrijving(uit.toString());
        b.setReden("TERUGGEPLAATST".equals(r.get("reden")) ? RedenUitschrijfbewijs.TERUGGEPLAATST : RedenUitschrijfbewijs.INGESCHREVEN);
        b.setNieuweBrin((String) r.get("naar_brin"));
        b.setNieuweDatumInschrijving(r.get("naar_datum_inschrijving") == null ? null : r.get("naar_datum_inschrijving").toString());
        return new Melding(b, (String) r.get("pgn"), inschrijving, ((Number) r.get("van_aanleverpunt_id")).longValue(),
                ((Number) r.get("naar_aanleverpunt_id")).longValue());
    }

    /**
     * What the receiving school needs to recognise the pupil: the number, birth date, sex and name; not the address (the
     * school registers it itself, and for a BSN pupil the GBA's is taken).
     */
    public static Persoon identificatie(Persoon p) {
        return ContractVertaling.identificatie(p, true);
    }

    private String groepOp(long inschrijving, String groep, LocalDate datum) {
        List<String> waarde = jdbc.queryForList("select waarde from inschrijving_groep where inschrijving_id = :id and groep = :groep "
                + "and ingangsdatum <= :datum order by ingangsdatum desc", Map.of("id", inschrijving, "groep", groep, "datum", datum),
                String.class);
        return waarde.isEmpty() ? null : waarde.get(0);
    }
}
