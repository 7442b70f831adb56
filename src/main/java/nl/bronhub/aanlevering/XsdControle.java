package nl.bronhub.aanlevering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;

import nl.bronhub.signaal.Signaal;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.contract.Afzender;
import nl.bronhub.contract.Contract;
import nl.bronhub.contract.v1.Header;
import nl.bronhub.signaal.SignaalFout;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a request body against the contract's XSD and says where each error is: in which bericht
 * (so only that one is refused, with 359 naming the element) or outside the berichten.
 */
@Component
public class XsdControle {

    /** Where the JDK's validator reports the element it is at while validating a DOM. */
    private static final String HUIDIG_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";
    private static final int MAX_FOUTEN_PER_PLAATS = 5;

    /**
     * Errors by bericht position (1-based); position 0 is the request outside any bericht. {@code geldigeHeader}: the
     * request's header when the schema found nothing wrong in it (else null), so that a request refused for its body is
     * still recorded under the aanleverpunt it named.
     */
    public record Uitslag(Map<Integer, List<Signaal>> fouten, Element geldigeHeader) {

        public List<Signaal> buitenBerichten() {
            return fouten.getOrDefault(0, List.of());
        }

        public List<Signaal> voorBericht(int positie) {
            return fouten.getOrDefault(positie, List.of());
        }
    }

    private final Contract contract;
    private final SignaalCatalogus catalogus;
    private final int maxNestingdiepte;
    /** A Validator is not thread-safe and costly to make (the benchmark's profile): one per thread, reset per use. */
    private final ThreadLocal<Validator> validators;

    /** The intake's depth limit, for the body's other readers. */
    int maxNestingdiepte() {
        return maxNestingdiepte;
    }

    public XsdControle(Contract contract, SignaalCatalogus catalogus, IntakeEigenschappen intake) {
        this.contract = contract;
        this.catalogus = catalogus;
        this.maxNestingdiepte = intake.maxNestingdiepte();
        this.validators = ThreadLocal.withInitial(() -> contract.schema().newValidator());
    }

    /**
     * The body of a request that is one element as a whole (not a list of berichten): the operation's
     * own element and valid against the XSD, or refused with 360 or the first 359s (who a refused request says it comes
     * from kept on the exchange, as {@link #afzender} does).
     */
    public Element geldigVerzoek(CxfPayload<?> payload, String operatieElement, Exchange exchange) {
        Element element = SoapBody.element(payload, operatieElement, catalogus, maxNestingdiepte);
        Uitslag uitslag = controleer(element);
        if (!uitslag.fouten().isEmpty()) {
            afzender(uitslag, exchange);
            throw new SignaalFout(uitslag.fouten().values().iterator().next());
        }
        return element;
    }

    /**
     * A request refused for what its body holds beside a valid header: the aanleverpunt and document that header names
     * are kept on the exchange (Afzender), so the audit trail records the refusal under them. A header the schema found
     * fault with is not read: what it names is unchecked.
     */
    public void afzender(Uitslag uitslag, Exchange exchange) {
        if (uitslag.geldigeHeader() != null) {
            Afzender.zet(exchange, contract.lees(uitslag.geldigeHeader(), Header.class));
        }
    }

    public Uitslag controleer(Element verzoek) {
        Map<Integer, List<Signaal>> fouten = new LinkedHashMap<>();
        Element header = header(verzoek);
        boolean[] headerFout = {header == null};
        Validator validator = validators.get();
        validator.reset();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                noteer(e);
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                noteer(e);
            }

            private void noteer(SAXParseException e) throws SAXException {
                Node plek = (Node) validator.getProperty(HUIDIG_ELEMENT);
                headerFout[0] |= plek == null || header == binnen(plek, verzoek);
                List<Signaal> lijst = fouten.computeIfAbsent(positieVan(plek, verzoek), p -> new ArrayList<>());
                if (lijst.size() < MAX_FOUTEN_PER_PLAATS) {
                    String element = kort(plek == null ? verzoek.getLocalName() : plek.getLocalName(), MAX_NAAM);
                    lijst.add(catalogus.signaal("359", element,
                            Map.of("detail", kort("element '" + element + "': " + e.getMessage(), MAX_DETAIL))));
                }
            }
        });
        try {
            validator.validate(new DOMSource(verzoek));
        } catch (SAXException e) {
            headerFout[0] = true;
            fouten.computeIfAbsent(0, p -> new ArrayList<>())
                    .add(catalogus.signaal("359", kort(verzoek.getLocalName(), MAX_NAAM), Map.of("detail", kort(e.getMessage(), MAX_DETAIL))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Uitslag(fouten, headerFout[0] ? null : header);
    }

    private static Element header(Element verzoek) {
        for (Node n = verzoek.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Contract.NS.equals(e.getNamespaceURI()) && "header".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The child of the request that holds this node (null for the request itself). */
    private static Node binnen(Node plek, Element verzoek) {
        Node n = plek;
        while (n != null && n.getParentNode() != verzoek) {
            n = n.getParentNode();
        }
        return n;
    }

    /** The longest element name and parser text a 359 repeats: the parser quotes names and values whole, of any length. */
    static final int MAX_NAAM = 100;
    static final int MAX_DETAIL = 400;

    /** At most {@code max} characters, a cut marked with an ellipsis; never half a surrogate pair. */
    static String kort(String tekst, int max) {
        if (tekst == null || tekst.length() <= max) {
            return tekst;
        }
        int eind = Character.isHighSurrogate(tekst.charAt(max - 2)) ? max - 2 : max - 1;
        return tekst.substring(0, eind) + "\u2026";
    }

    private static int positieVan(Node plek, Element verzoek) {
        Node n = binnen(plek, verzoek);
        if (n == null || !isBericht(n)) {
            return 0;
        }
        int positie = 0;
        for (Node s = n; s != null; s = s.getPreviousSibling()) {
            if (isBericht(s)) {
                positie++;
            }
        }
        return positie;
    }

    static boolean isBericht(Node n) {
        return n.getNodeType() == Node.ELEMENT_NODE && Contract.NS.equals(n.getNamespaceURI()) && "bericht".equals(n.getLocalName());
    }
}
