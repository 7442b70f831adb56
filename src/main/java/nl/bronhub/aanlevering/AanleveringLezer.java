package nl.bronhub.aanlevering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.Afzender;
import nl.bronhub.contract.v1.Header;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.signaal.SignaalFout;
import nl.bronhub.contract.Contract;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads an aanleveren request: refuses it as a whole when it cannot be attributed (too many berichten,
 * a header that does not fit the XSD), and otherwise splits it into berichten, each XSD-checked on its own.
 */
@Component
public class AanleveringLezer implements SignaalBron {

    private final Contract contract;
    private final XsdControle xsd;
    private final SignaalCatalogus catalogus;
    private final int maxBerichten;

    public AanleveringLezer(Contract contract, XsdControle xsd, SignaalCatalogus catalogus,
                            IntakeEigenschappen eigenschappen) {
        this.contract = contract;
        this.xsd = xsd;
        this.catalogus = catalogus;
        this.maxBerichten = eigenschappen.maxBerichtenPerAanlevering();
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("359", "360");
    }

    public Aanlevering lees(CxfPayload<?> payload, Exchange exchange) {
        Element verzoek = SoapBody.element(payload, "aanleverenVerzoek", catalogus, xsd.maxNestingdiepte());
        List<Element> berichtElementen = new ArrayList<>();
        Element headerElement = null;
        for (Node n = verzoek.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (XsdControle.isBericht(n)) {
                berichtElementen.add((Element) n);
            } else if (n.getNodeType() == Node.ELEMENT_NODE && "header".equals(n.getLocalName())) {
                headerElement = (Element) n;
            }
        }
        if (berichtElementen.size() > maxBerichten) {
            if (headerElement != null) {
                // not checked whole (it is refused for its size), but its header is: the refusal is audited under it
                Element alleenHeader = (Element) verzoek.cloneNode(false);
                alleenHeader.appendChild(headerElement.cloneNode(true));
                xsd.afzender(xsd.controleer(alleenHeader), exchange);
            }
            throw new SignaalFout(catalogus.signaal("359", "bericht", Map.of("detail",
                    "maximaal " + maxBerichten + " berichten per aanlevering, ontvangen " + berichtElementen.size())));
        }
        XsdControle.Uitslag uitslag = xsd.controleer(verzoek);
        if (!uitslag.buitenBerichten().isEmpty()) {
            xsd.afzender(uitslag, exchange);
            throw new SignaalFout(uitslag.buitenBerichten());
        }
        if (headerElement == null) {
            // the XSD requires it, but the checker reports an element missing at the end only per bericht
            throw new SignaalFout(catalogus.signaal("359", "header", Map.of("detail", "het element header ontbreekt")));
        }
        Header header = contract.lees(headerElement, Header.class);
        Afzender.zet(exchange, header);
        List<AangeleverdBericht> berichten = new ArrayList<>();
        for (int i = 0; i < berichtElementen.size(); i++) {
            int positie = i + 1;
            Element element = berichtElementen.get(i);
            var fouten = uitslag.voorBericht(positie);
            Bericht bericht = fouten.isEmpty() ? contract.lees(element, Bericht.class) : null;
            berichten.add(new AangeleverdBericht(positie, identificatieVan(element), bericht, fouten));
        }
        return new Aanlevering(header.getIdentificatiecodeBedrijfsdocument(),
                header.getVerzendendeInstantie().getBrin(), header.getVerzendendeInstantie().getAanleverpuntnummer(),
                berichten);
    }

    private static String identificatieVan(Element bericht) {
        for (Node n = bericht.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && "identificatie".equals(n.getLocalName())) {
                String tekst = n.getTextContent().trim();
                return tekst.length() > 50 ? tekst.substring(0, 50) : tekst;
            }
        }
        return null;
    }
}
