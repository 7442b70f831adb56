package nl.bronhub.terugkoppeling;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The SOAP message a LAS's push endpoint receives (wsdl/bron-terugkoppeling-push-v1.wsdl): one terugkoppeling, exactly
 * as the fetch answer carries it (the XML stored when it was placed in the queue), with the aanleverpunt and its
 * volgnummer beside it so the LAS can drop a duplicate. Nothing else of the hub's goes along.
 */
public final class PushBericht {

    public static final String NS = "urn:nl:bron-hub:terugkoppeling-push:v1";
    public static final String SOAP_ACTION = NS + ":terugkoppelingAfleveren";
    static final String UITWISSELING = "urn:nl:bron-hub:uitwisseling:v1";
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

    private PushBericht() {
    }

    /** The envelope for the stored terugkoppeling {@code terugkoppelingXml} of aanleverpunt brin/nummer. */
    public static String envelop(String brin, String aanleverpuntnummer, long volgnummer, String terugkoppelingXml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var bouwer = f.newDocumentBuilder();
            Document opgeslagen = bouwer.parse(new InputSource(new StringReader(terugkoppelingXml)));
            Document d = bouwer.newDocument();
            Element envelope = d.createElementNS(SOAP, "soap:Envelope");
            d.appendChild(envelope);
            Element body = kind(envelope, SOAP, "soap:Body");
            Element afleveren = kind(body, NS, "p:terugkoppelingAfleveren");
            afleveren.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:u", UITWISSELING);
            Element aanleverpunt = kind(afleveren, NS, "p:aanleverpunt");
            kind(aanleverpunt, UITWISSELING, "u:brin").setTextContent(brin);
            kind(aanleverpunt, UITWISSELING, "u:aanleverpuntnummer").setTextContent(aanleverpuntnummer);
            kind(afleveren, NS, "p:volgnummer").setTextContent(Long.toString(volgnummer));
            // the stored element's content under the push contract's element: its type is the uitwisseling's Terugkoppeling
            Element terugkoppeling = kind(afleveren, NS, "p:terugkoppeling");
            for (Node n = opgeslagen.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                terugkoppeling.appendChild(d.importNode(n, true));
            }
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter uit = new StringWriter();
            t.transform(new DOMSource(d), new StreamResult(uit));
            return uit.toString();
        } catch (ParserConfigurationException | SAXException | IOException | TransformerException e) {
            // the hub wrote this XML itself: not readable is a fault of the hub's, not of the LAS
            throw new IllegalStateException("stored terugkoppeling could not be wrapped for push delivery", e);
        }
    }

    private static Element kind(Element ouder, String ns, String naam) {
        Element e = ouder.getOwnerDocument().createElementNS(ns, naam);
        ouder.appendChild(e);
        return e;
    }
}
