package nl.bronhub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;

import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapHeader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** The SOAP body's elements as the hub reads them: the payload's own DOM, not a copy per look (Camel's getBody() copies). */
class ContractElementenTest {

    private static final String VERZOEK = "<terugkoppelingVerzoek xmlns=\"" + Contract.NS + "\"><laatstOntvangenVolgnummer>3"
            + "</laatstOntvangenVolgnummer></terugkoppelingVerzoek>";

    @Test
    void anElementHeldAsDomIsTakenAsItIsEveryTime() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element antwoord = factory.newDocumentBuilder().parse(new InputSource(new StringReader(VERZOEK))).getDocumentElement();
        CxfPayload<SoapHeader> payload = new CxfPayload<>(new ArrayList<>(), List.of(antwoord));

        assertThat(Contract.elementen(payload)).singleElement().isSameAs(antwoord);
        assertThat(Contract.elementen(payload)).singleElement().isSameAs(antwoord);
        // what Camel's own accessor does, and why the hub does not use it: another element each time
        assertThat(payload.getBody().get(0)).isNotSameAs(antwoord);
    }

    @Test
    void aSourceNotReadYetIsReadOnceAndThenKept() {
        List<Source> bronnen = new ArrayList<>(List.of(new StreamSource(new StringReader(VERZOEK))));
        CxfPayload<SoapHeader> payload = new CxfPayload<>(new ArrayList<>(), bronnen, null);

        Element gelezen = Contract.elementen(payload).get(0);

        assertThat(gelezen.getNamespaceURI()).isEqualTo(Contract.NS);
        assertThat(gelezen.getLocalName()).isEqualTo("terugkoppelingVerzoek");
        assertThat(gelezen.getTextContent()).isEqualTo("3");
        assertThat(payload.getBodySources().get(0)).isInstanceOf(DOMSource.class);
        assertThat(Contract.elementen(payload).get(0)).isSameAs(gelezen);
    }

    @Test
    void brokenXmlShowsWhenTheBodyIsRead() {
        CxfPayload<SoapHeader> payload = new CxfPayload<>(new ArrayList<>(),
                new ArrayList<>(List.of(new StreamSource(new StringReader("<terugkoppelingVerzoek><open>")))), null);

        assertThatThrownBy(() -> Contract.elementen(payload)).isInstanceOf(RuntimeException.class);
    }
}
