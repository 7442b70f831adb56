package nl.bronhub.soap;

import java.util.List;
import java.util.Set;

import nl.bronhub.signal.SignaalBron;
import nl.bronhub.signal.SignaalCatalogus;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives every fault CXF raises on its own a signal code: while reading the request (unreadable XML,
 * not a SOAP 1.1 envelope, a body that does not match the operation or its Action) it is 360; while
 * answering, 358. Faults the routes made already carry their signals.
 */
@Component
public class EnvelopFoutInterceptor extends AbstractSoapInterceptor implements SignaalBron {

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopFoutInterceptor.class);

    private final SignaalCatalogus catalogus;

    public EnvelopFoutInterceptor(SignaalCatalogus catalogus) {
        super(Phase.PRE_STREAM);
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("358", "360");
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || SoapFouten.heeftSignaal(fault)) {
            return;
        }
        // raised while reading the request (no answer under way yet): the envelope is at fault
        boolean envelop = message.getExchange().getOutMessage() == null;
        var signaal = catalogus.signaal(envelop ? "360" : "358");
        LOG.warn("SOAP request refused with signal {} ({})", signaal.code(),
                fault.getCause() == null ? "no cause" : fault.getCause().getClass().getSimpleName());
        fault.setMessage(signaal.code() + ": " + signaal.omschrijving());
        if (fault instanceof SoapFault soapFault) {
            soapFault.setFaultCode(envelop ? Soap11.getInstance().getSender() : Soap11.getInstance().getReceiver());
        } else {
            fault.setFaultCode(envelop ? Soap11.getInstance().getSender() : Soap11.getInstance().getReceiver());
        }
        SoapFouten.vulDetail(fault, List.of(signaal));
    }
}
