package nl.bronhub.soap;

import java.util.HashMap;
import java.util.Map;

import javax.xml.namespace.QName;

import nl.bronhub.aanlevering.IntakeEigenschappen;
import nl.bronhub.aanlevering.SoapBody;
import nl.bronhub.contract.Contract;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.component.cxf.transport.header.CxfHeaderFilterStrategy;
import org.apache.cxf.Bus;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SoapEndpointConfig {

    /**
     * The LAS-facing endpoint, served by Spring Boot's Tomcat under cxf.path (/services/uitwisseling/v1).
     * PAYLOAD mode: the hub validates the body against the XSD itself, to answer signal 359 per bericht
     * with the element named, instead of CXF's generic schema fault.
     */
    @Bean("bronUitwisseling")
    public CxfEndpoint bronUitwisseling(Bus bus, EnvelopFoutInterceptor envelopFouten, GeenProtocolHeaders geenHeaders,
                                        AntwoordInUtf8 utf8, MustUnderstandWaarde mustUnderstand, IntakeEigenschappen intake) {
        int maxNestingdiepte = intake.maxNestingdiepte();
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress("/uitwisseling/v1");
        endpoint.setWsdlURL(Contract.WSDL);
        endpoint.setServiceName(new QName(Contract.NS, "BronUitwisselingService").toString());
        endpoint.setPortName(new QName(Contract.NS, "BronUitwisselingPort").toString());
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        endpoint.getInInterceptors().add(mustUnderstand);
        endpoint.getOutFaultInterceptors().add(envelopFouten);
        endpoint.getOutInterceptors().add(geenHeaders);
        endpoint.getOutFaultInterceptors().add(geenHeaders);
        endpoint.getOutInterceptors().add(utf8);
        endpoint.getOutFaultInterceptors().add(utf8);
        // CXF's StAX limits (DTDs are refused before, by VerzoekBewaking): nesting, and no attribute or text floods
        endpoint.setProperties(new HashMap<>(Map.of(
                "org.apache.cxf.stax.maxElementDepth", maxNestingdiepte,
                "org.apache.cxf.stax.maxAttributeCount", 50,
                "org.apache.cxf.stax.maxAttributeSize", 4096,
                "org.apache.cxf.stax.maxTextLength", SoapBody.MAX_TEKSTLENGTE,
                "org.apache.cxf.stax.maxChildElements", SoapBody.MAX_KINDEREN)));
        // DUO's convention: WS-Addressing headers (MessageID) are understood and answered with RelatesTo;
        // they stay optional, so a LAS without them is served too
        WSAddressingFeature addressing = new WSAddressingFeature();
        addressing.setAddressingRequired(false);
        // the answer goes back on the request's own connection, never to an address the LAS names
        // (VerzoekBewaking refuses such a request with 360 before CXF sees it; this is the second lock)
        addressing.setResponses(WSAddressingFeature.AddressingResponses.ANONYMOUS);
        endpoint.getFeatures().add(addressing);
        endpoint.setHeaderFilterStrategy(new GeenHeadersNaarBuiten());
        return endpoint;
    }

    /**
     * The routes keep their working values (brin, peildatum, the pgns asked for) as message headers, and
     * camel-cxf would send every message header back as an HTTP header of the answer, request headers
     * included. The contract's answer is the SOAP envelope: nothing of the exchange leaves as a header.
     */
    static final class GeenHeadersNaarBuiten extends CxfHeaderFilterStrategy {
        @Override
        public boolean applyFilterToCamelHeaders(String naam, Object waarde, Exchange exchange) {
            return true;
        }
    }
}
