package nl.bronhub.soap;

import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.springframework.stereotype.Component;

/** The contract operation a SOAP request is for, so the listener route can dispatch on it. */
@Component
public class SoapOperatie {

    public String naam(Exchange exchange) {
        return exchange.getIn().getHeader(CxfConstants.OPERATION_NAME, String.class);
    }
}
