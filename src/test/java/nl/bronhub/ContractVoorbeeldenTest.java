package nl.bronhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example in wsdl/voorbeelden is what the contract says: its SOAP body's element valid against its XSD. */
class ContractVoorbeeldenTest {

    @Test
    void elkVoorbeeldVoldoetAanHetSchema() throws Exception {
        // the push contract's XSD imports the uitwisseling's: one schema for both, each example judged by its own namespace
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("wsdl/bron-terugkoppeling-push-v1.xsd").toFile()).newValidator();
        List<Path> voorbeelden;
        try (Stream<Path> s = Files.list(Path.of("wsdl/voorbeelden"))) {
            voorbeelden = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(voorbeelden).contains(Path.of("wsdl/voorbeelden/ophalen-antwoord-uitschrijfbewijs.xml"),
                Path.of("wsdl/voorbeelden/ophalen-antwoord-uitschrijving-bevestigd.xml"), Path.of("wsdl/voorbeelden/terugkoppeling-push.xml"));
        for (Path voorbeeld : voorbeelden) {
            validator.validate(new DOMSource(inhoud(voorbeeld)));
        }
    }

    /** The one element in the SOAP Body. */
    private static Element inhoud(Path voorbeeld) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(voorbeeld.toFile());
        Node body = d.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IOException(voorbeeld + " has no body element");
    }
}
