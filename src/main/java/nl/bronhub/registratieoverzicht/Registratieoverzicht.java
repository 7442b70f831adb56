package nl.bronhub.registratieoverzicht;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.regex.Pattern;
import nl.bronhub.contract.Afzender;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Voorkomen;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Registratie;
import nl.bronhub.contract.v1.RegistratieoverzichtAntwoord;
import nl.bronhub.contract.v1.RegistratieoverzichtVerzoek;
import nl.bronhub.aanlevering.FormaatControle;
import nl.bronhub.aanlevering.Pgn;
import nl.bronhub.aanlevering.XsdControle;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.registratie.RegisterLezer;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.signaal.SignaalFout;
import nl.bronhub.contract.Contract;
import nl.bronhub.soap.ContractVertaling;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;

/**
 * Opvragen registratieoverzicht (handbook 7.7.2): how the pupils of the school, of one vestiging, or
 * the pupils asked for, stand in the register on a peildatum: every inschrijving at this school that
 * runs on that date, with the pupil as registered.
 */
@Component
public class Registratieoverzicht implements SignaalBron {

    private static final Pattern NEGEN_CIJFERS = Pattern.compile("\\d{9}");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate momentopname;
    private final Contract contract;
    private final XsdControle xsd;
    private final RegisterLezer register;
    private final SignaalCatalogus catalogus;
    private final Instellingen instellingen;

    public Registratieoverzicht(Contract contract, XsdControle xsd, RegisterLezer register, SignaalCatalogus catalogus,
                                NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transacties, Instellingen instellingen) {
        this.jdbc = jdbc;
        this.instellingen = instellingen;
        // REPEATABLE READ is a snapshot on H2 and PostgreSQL alike: the list and the reads of each inschrijving
        // see the register at one moment (a verwijderen committed in between once made a listed one vanish: 358)
        this.momentopname = new TransactionTemplate(transacties);
        momentopname.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        momentopname.setReadOnly(true);
        this.contract = contract;
        this.xsd = xsd;
        this.register = register;
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("359", "360", "397", "740", "742", "750");
    }

    /** The request, checked against the XSD; who it says it comes from is kept on the exchange. */
    public RegistratieoverzichtVerzoek leesVerzoek(CxfPayload<?> payload, Exchange exchange) {
        Element element = xsd.geldigVerzoek(payload, "registratieoverzichtVerzoek", exchange);
        RegistratieoverzichtVerzoek verzoek = contract.lees(element, RegistratieoverzichtVerzoek.class);
        Afzender.zet(exchange, verzoek.getHeader());
        return verzoek;
    }

    /** Checks the peildatum and the numbers asked for; leaves what the answer needs as headers. */
    public void vraag(RegistratieoverzichtVerzoek verzoek, Exchange exchange) {
        LocalDate peildatum;
        if (verzoek.getPeildatum() == null || verzoek.getPeildatum().isBlank()) {
            throw new SignaalFout(catalogus.signaal("740", "peildatum"));
        }
        try {
            peildatum = FormaatControle.datum(verzoek.getPeildatum());
        } catch (DateTimeParseException e) {
            throw new SignaalFout(catalogus.signaal("742", "peildatum"));
        }
        String brin = verzoek.getHeader().getVerzendendeInstantie().getBrin();
        exchange.getIn().setHeader("brin", brin);
        exchange.getIn().setHeader("peildatum", Date.valueOf(peildatum));
        String vestiging = verzoek.getVestigingsvolgnummer() == null ? null : verzoek.getVestigingsvolgnummer().trim();
        if (vestiging != null && !FormaatControle.vestigingsvolgnummer(vestiging)) {
            // full-width digits or a zero-width space would match no vestiging: an empty answer that looks like no pupils
            throw new SignaalFout(catalogus.signaal("742", "vestigingsvolgnummer"));
        }
        if (vestiging != null && instellingen.zoek(brin).map(school -> school.vestiging(vestiging).isEmpty()).orElse(false)) {
            // a vestiging the school never had: told so, not an empty list that looks like no pupils there
            throw new SignaalFout(catalogus.signaal("397", "vestigingsvolgnummer", Map.of("vestiging", vestiging)));
        }
        exchange.getIn().setHeader("vestiging", vestiging);
        Set<String> pgns = Set.copyOf(verzoek.getPersoonsgebondenNummer().stream().map(String::trim).toList());
        if (pgns.stream().anyMatch(p -> !NEGEN_CIJFERS.matcher(p).matches())) {
            // the contract's Nummer: nine digits, otherwise 742
            throw new SignaalFout(catalogus.signaal("742", "persoonsgebondenNummer"));
        }
        if (pgns.stream().anyMatch(p -> !Pgn.isGeldigBsn(p) && !Pgn.isGeldigOnderwijsnummer(p))) {
            // neither a BSN nor an onderwijsnummer (a typo): no pupil could be meant, and an empty list would not say so
            throw new SignaalFout(catalogus.signaal("750", "persoonsgebondenNummer"));
        }
        exchange.getIn().setHeader("pgns", pgns);
    }

    /** The running inschrijvingen on the peildatum, filtered and grouped per pupil, read from one snapshot. */
    public CxfPayload<?> antwoord(@Header("brin") String brin, @Header("peildatum") Date peildatum,
                                  @Header("vestiging") String vestiging, @Header("pgns") Set<String> pgns) {
        return contract.alsPayload(momentopname.execute(status -> lees(brin, peildatum.toLocalDate(), vestiging, pgns)));
    }

    private RegistratieoverzichtAntwoord lees(String brin, LocalDate peil, String vestiging, Set<String> pgns) {
        List<Map<String, Object>> rijen = jdbc.queryForList("select i.id as inschrijving_id, p.pgn from inschrijving i "
                + "join persoon p on p.id = i.persoon_id where i.brin = :brin and i.datum_inschrijving <= :peildatum "
                + "and (i.datum_uitschrijving is null or i.datum_uitschrijving >= :peildatum) order by p.pgn, i.datum_inschrijving",
                Map.of("brin", brin, "peildatum", Date.valueOf(peil)));
        Map<String, Registratie> perLeerling = new LinkedHashMap<>();
        for (Map<String, Object> rij : rijen) {
            String pgn = (String) rij.get("pgn");
            if (!pgns.isEmpty() && !pgns.contains(pgn)) {
                continue;
            }
            Inschrijving inschrijving = register.inschrijving(((Number) rij.get("inschrijving_id")).longValue());
            if (vestiging != null && !vestiging.equals(vestigingOp(inschrijving, peil))) {
                continue;
            }
            perLeerling.computeIfAbsent(pgn, p -> {
                Registratie r = new Registratie();
                Persoon leerling = ContractVertaling.naarContract(register.persoon(p));
                // a pupil whose personal data are another school's: what identifies them, not their first names or address
                r.setLeerling(leerling.getBurgerservicenummer() != null || register.persoonsgegevensVan(p, brin) ? leerling : ContractVertaling.identificatie(leerling, false));
                return r;
            }).getInschrijving().add(ContractVertaling.naarContract(inschrijving));
        }
        RegistratieoverzichtAntwoord antwoord = new RegistratieoverzichtAntwoord();
        antwoord.setPeildatum(peil.toString());
        antwoord.getRegistratie().addAll(perLeerling.values());
        return antwoord;
    }

        private static String vestigingOp(Inschrijving i, LocalDate peil) {
        return i.groep(Groep.VESTIGING).stream()
                .filter(g -> !g.ingangsdatum().isAfter(peil))
                .max(Comparator.comparing(Voorkomen::ingangsdatum))
                .map(Voorkomen::waarde)
                .orElse(null);
    }
}
