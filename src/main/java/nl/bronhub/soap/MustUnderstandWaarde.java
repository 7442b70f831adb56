package nl.bronhub.soap;

import java.util.Set;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.MustUnderstandInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * SOAP 1.1 (4.2.3) allows mustUnderstand "1" or "0" only. CXF takes any other value ("2", "yes") as "0" and ignores the
 * header, so a sender that meant it to be understood would be served as if it had not: such an envelope does not meet
 * the specification, and is refused with 360 (EnvelopFoutInterceptor names the reason). "true" and "false", which CXF
 * reads as 1 and 0, are let through.
 */
@Component
public class MustUnderstandWaarde extends AbstractSoapInterceptor {

    /** The fault's code, by which EnvelopFoutInterceptor tells this refusal from the others. */
    static final QName CODE = new QName("urn:nl:bron-hub:soap", "mustUnderstandWaarde");
    private static final Set<String> TOEGESTAAN = Set.of("0", "1", "true", "false");

    public MustUnderstandWaarde() {
        super(Phase.PRE_PROTOCOL);
        addBefore(MustUnderstandInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        String ns = message.getVersion().getNamespace();
        for (Header header : message.getHeaders()) {
            if (header.getObject() instanceof Element e && e.hasAttributeNS(ns, "mustUnderstand")
                    && !TOEGESTAAN.contains(e.getAttributeNS(ns, "mustUnderstand").strip())) {
                // the message names nothing of the request
                throw new SoapFault("mustUnderstand is 0 of 1", CODE);
            }
        }
    }
}
