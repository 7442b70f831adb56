package nl.bronhub.soap;

import java.util.List;

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
 * Gives every fault CXF raises on its own a signal code: when the request never reached an operation
 * (unreadable XML, not a SOAP 1.1 envelope, unknown body element) it is 360; a fault after that
 * which the routes did not code is 358. Faults the routes made already carry their signals.
 */
@Component
public class EnvelopFoutInterceptor extends AbstractSoapInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopFoutInterceptor.class);

    private final SignaalCatalogus catalogus;

    public EnvelopFoutInterceptor(SignaalCatalogus catalogus) {
        super(Phase.PRE_STREAM);
        this.catalogus = catalogus;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || SoapFouten.heeftSignaal(fault)) {
            return;
        }
        boolean envelop = message.getExchange().getBindingOperationInfo() == null;
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
