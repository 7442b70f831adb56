package nl.bronhub.terugkoppeling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.contract.Afzender;
import nl.bronhub.contract.v1.TerugkoppelingVerzoek;
import nl.bronhub.aanlevering.XsdControle;
import nl.bronhub.aanlevering.Aanleverpunten;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.signaal.SignaalFout;
import nl.bronhub.contract.Contract;
import nl.bronhub.opslag.Vastlegging;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.springframework.stereotype.Component;

/**
 * Verzoek terugkoppeling. The LAS sends the last volgnummer it has safely stored: everything up to it
 * counts as acknowledged, the answer is the next page after it. A lost answer is simply asked again.
 * What is acknowledged is never served again, also not to a LAS that starts over from 0 (route 70).
 */
@Component
public class TerugkoppelingOphalen implements SignaalBron {

    private final Contract contract;
    private final XsdControle xsd;
    private final Aanleverpunten aanleverpunten;
    private final TerugkoppelingWachtrij wachtrij;
    private final SignaalCatalogus catalogus;
    private final Clock klok;
    private final Vastlegging vastlegging;
    private final int paginaGrootte;
    private final int bewaartermijnDagen;

    public TerugkoppelingOphalen(Contract contract, XsdControle xsd, Aanleverpunten aanleverpunten,
                                 TerugkoppelingWachtrij wachtrij, SignaalCatalogus catalogus, Clock klok,
                                 TerugkoppelingEigenschappen eigenschappen, Vastlegging vastlegging) {
        this.contract = contract;
        this.xsd = xsd;
        this.aanleverpunten = aanleverpunten;
        this.wachtrij = wachtrij;
        this.catalogus = catalogus;
        this.klok = klok;
        this.vastlegging = vastlegging;
        this.paginaGrootte = eigenschappen.paginaGrootte();
        this.bewaartermijnDagen = eigenschappen.bewaartermijnDagen();
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("359", "360", "743");
    }

    /** The request, checked against the XSD; who it says it comes from is kept on the exchange. */
    public TerugkoppelingVerzoek leesVerzoek(CxfPayload<?> payload, Exchange exchange) {
        TerugkoppelingVerzoek verzoek = contract.lees(xsd.geldigVerzoek(payload, "terugkoppelingVerzoek", exchange), TerugkoppelingVerzoek.class);
        Afzender.zet(exchange, verzoek.getHeader());
        return verzoek;
    }

    /**
     * Checks the volgnummer (743 for one never handed out), acknowledges what the LAS says it has stored, and answers
     * with the page after it; {@code meerBeschikbaar} when more is waiting.
     */
    public CxfPayload<?> pagina(TerugkoppelingVerzoek verzoek) {
        var afzender = verzoek.getHeader().getVerzendendeInstantie();
        Long aanleverpuntId = aanleverpunten.bestaand(afzender.getBrin(), afzender.getAanleverpuntnummer());
        long laatsteGegeven = aanleverpuntId == null ? 0 : wachtrij.laatsteGegeven(aanleverpuntId);
        long laatstOntvangen = verzoek.getLaatstOntvangenVolgnummer();
        // acknowledging a number the LAS was never given (not served by a fetch, not pushed) would purge terugkoppelingen
        // it has not seen, and silently skip those it gets later
        if (laatstOntvangen < 0 || laatstOntvangen > laatsteGegeven) {
            throw new SignaalFout(catalogus.signaal("743", "laatstOntvangenVolgnummer"));
        }
        int maximum = verzoek.getMaximumAantal() == null ? paginaGrootte : Math.min(verzoek.getMaximumAantal(), paginaGrootte);
        List<Map.Entry<Long, String>> rijen = List.of();
        boolean bevestigd = false;
        if (aanleverpuntId != null) {
            bevestigd = wachtrij.bevestig(aanleverpuntId, laatstOntvangen);
            // one more than asked, to know whether more is waiting
            rijen = wachtrij.pagina(aanleverpuntId, laatstOntvangen, maximum + 1);
        }
        List<Map.Entry<Long, String>> getoond = rijen.subList(0, Math.min(maximum, rijen.size()));
        if (!getoond.isEmpty()) {
            wachtrij.gegeven(aanleverpuntId, getoond.get(getoond.size() - 1).getKey());
        } else if (!bevestigd) {
            // the answer tells the LAS nothing new and changes nothing but the audit trail: the commit need not wait for
            // the database's file (most fetches of a polling LAS)
            vastlegging.nietAfwachten();
        }
        // the stored terugkoppelingen go out as they were marshalled when placed, not read into objects and written again
        return contract.alsPayload("terugkoppelingAntwoord", getoond.stream().map(Map.Entry::getValue).toList(),
                List.<String[]>of(new String[] {"meerBeschikbaar", Boolean.toString(rijen.size() > maximum)}));
    }

    /** Removes what was acknowledged longer than the bewaartermijn ago (route terugkoppelingen-opschonen). */
    public int opschonen() {
        return wachtrij.opschonen(opschoongrens());
    }

    /** Acknowledged terugkoppelingen older than this may be purged. */
    public Timestamp opschoongrens() {
        return Timestamp.from(klok.instant().minus(Duration.ofDays(bewaartermijnDagen)));
    }
}
