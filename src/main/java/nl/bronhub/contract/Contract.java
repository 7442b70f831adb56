package nl.bronhub.contract;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import nl.bronhub.contract.v1.Ernst;
import nl.bronhub.contract.v1.ObjectFactory;
import nl.bronhub.signaal.Signaal;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapHeader;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The uitwisseling contract (wsdl/): its schema, and JAXB to and from the generated classes. */
@Component
public class Contract {

    public static final String NS = "urn:nl:bron-hub:uitwisseling:v1";
    public static final String WSDL = "classpath:wsdl/bron-uitwisseling-v1.wsdl";
    private static final String XSD = "/wsdl/bron-uitwisseling-v1.xsd";

    private final JAXBContext jaxb;
    private final Schema schema;
    private final DocumentBuilderFactory documents;
    /** One parser per thread, reset before each use: making one per answer showed in the profile. */
    private final ThreadLocal<DocumentBuilder> parsers;
    /** Made once: a factory lookup per read scans the class path (ServiceLoader) and showed in the profile. */
    private final XMLInputFactory stax;

    public Contract() throws Exception {
        this.jaxb = JAXBContext.newInstance(ObjectFactory.class);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        URL xsd = Contract.class.getResource(XSD);
        this.schema = factory.newSchema(xsd);
        this.documents = DocumentBuilderFactory.newInstance();
        documents.setNamespaceAware(true);
        documents.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        this.parsers = ThreadLocal.withInitial(() -> {
            try {
                return documents.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        });
        this.stax = XMLInputFactory.newFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** Thread-safe; make a Validator per use. */
    public Schema schema() {
        return schema;
    }

    public <T> T lees(Node node, Class<T> type) {
        try {
            return jaxb.createUnmarshaller().unmarshal(node, type).getValue();
        } catch (JAXBException e) {
            throw new IllegalStateException("XML does not fit " + type.getSimpleName(), e);
        }
    }

    public <T> T lees(String xml, Class<T> type) {
        try {
            // stored before characters XML cannot carry were cleaned here: clean them on the way out too
            XMLStreamReader reader = stax.createXMLStreamReader(new StringReader(XmlTekens.zuiver(xml)));
            try {
                return jaxb.createUnmarshaller().unmarshal(reader, type).getValue();
            } finally {
                reader.close();
            }
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalStateException("XML does not fit " + type.getSimpleName(), e);
        }
    }

    /** Marshals a contract type under the given element name, e.g. a Bericht as {@code bericht}. */
    public <T> String alsXml(String element, Class<T> type, T waarde) {
        try {
            StringWriter out = new StringWriter();
            Marshaller m = jaxb.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, true);
            m.marshal(new JAXBElement<>(new QName(NS, element), type, waarde), out);
            return XmlTekens.zuiver(out.toString());
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot write " + element, e);
        }
    }

    /**
     * The elements of a PAYLOAD-mode SOAP body, as they are. Camel's {@code CxfPayload.getBody().get(i)} copies the element
     * (a DOM read through StAX) each time it is asked, which the profile showed three times per request and twice per
     * answer; an element the payload holds as DOM is taken as it is, and only a source not read yet (CXF reads the
     * request lazily, so broken or oversized XML shows here) goes through {@code getBody()}, once, which keeps the DOM.
     */
    public static List<Element> elementen(CxfPayload<?> payload) {
        List<Source> bronnen = payload.getBodySources();
        List<Element> elementen = new ArrayList<>(bronnen.size());
        for (int i = 0; i < bronnen.size(); i++) {
            elementen.add(bronnen.get(i) instanceof DOMSource dom && dom.getNode() instanceof Element e ? e : payload.getBody().get(i));
        }
        return elementen;
    }

    private DocumentBuilder parser() {
        DocumentBuilder parser = parsers.get();
        parser.reset();
        return parser;
    }

    /** A root element of the contract as a SOAP body for camel-cxf's PAYLOAD mode. */
    public CxfPayload<SoapHeader> alsPayload(Object root) {
        return new CxfPayload<>(new ArrayList<>(), List.of(alsElement(root)));
    }

    public Element alsElement(Object root) {
        try {
            Document doc = parser().newDocument();
            jaxb.createMarshaller().marshal(root, doc);
            XmlTekens.zuiver(doc.getDocumentElement());
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write answer", e);
        }
    }

    /**
     * An answer whose children are stored contract XML (terugkoppelingen), put together as DOM without JAXB: what was
     * marshalled when it was stored goes out as it is, cleaned of characters XML cannot carry. {@code velden} follow
     * the stored elements, as simple elements in the contract's namespace (name, text).
     */
    public CxfPayload<SoapHeader> alsPayload(String root, List<String> opgeslagen, List<String[]> velden) {
        try {
            DocumentBuilder parser = parser();
            Document doc = parser.newDocument();
            Element wortel = doc.createElementNS(NS, root);
            doc.appendChild(wortel);
            for (String xml : opgeslagen) {
                Document los = parser.parse(new InputSource(new StringReader(XmlTekens.zuiver(xml))));
                // moved, not copied: the parsed document is thrown away
                wortel.appendChild(doc.adoptNode(los.getDocumentElement()));
            }
            for (String[] veld : velden) {
                Element e = doc.createElementNS(NS, veld[0]);
                e.setTextContent(veld[1]);
                wortel.appendChild(e);
            }
            XmlTekens.zuiver(wortel);
            return new CxfPayload<>(new ArrayList<>(), List.of(wortel));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write answer", e);
        }
    }

    public static nl.bronhub.contract.v1.Signaal alsContract(Signaal s) {
        nl.bronhub.contract.v1.Signaal c = new nl.bronhub.contract.v1.Signaal();
        c.setCode(s.code());
        c.setErnst(Ernst.fromValue(s.ernst().code()));
        c.setOmschrijving(s.omschrijving());
        c.setGegeven(s.gegeven());
        return c;
    }
}
