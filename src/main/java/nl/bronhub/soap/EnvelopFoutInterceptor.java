package nl.bronhub.soap;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import javax.xml.namespace.QName;
import nl.bronhub.audit.AuditSpoor;
import nl.bronhub.signaal.Signaal;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.toegang.Toegangscontrole;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
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
    private final VerzoekBewaking bewaking;
    private final AuditSpoor audit;

    public EnvelopFoutInterceptor(SignaalCatalogus catalogus, VerzoekBewaking bewaking, AuditSpoor audit) {
        super(Phase.PRE_STREAM);
        this.catalogus = catalogus;
        this.bewaking = bewaking;
        this.audit = audit;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("358", "360");
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        String overschreden = overschredenGrens(message);
        if (SoapFouten.heeftSignaal(fault)) {
            // a request over a limit may fail wherever it was being read (CXF parses the body lazily,
            // in the route): whatever the failure, the LAS is told the limit
            if (overschreden != null) {
                SoapFouten.vul(fault, List.of(catalogus.signaal("360", overschreden)));
            }
            return;
        }
        // raised while reading the request (no answer under way yet): the envelope is at fault
        boolean envelop = message.getExchange().getOutMessage() == null;
        String reden = overschreden != null ? overschreden : bewaking.reden(fault);
        var signaal = !envelop ? catalogus.signaal("358")
                : catalogus.signaal("360", reden != null ? reden : kopFout(fault));
        LOG.warn("SOAP request refused with signal {} ({})", signaal.code(),
                fault.getCause() == null ? "no cause" : fault.getCause().getClass().getSimpleName());
        SoapFouten.vul(fault, List.of(signaal));
        if (envelop) {
            // refused before any route saw it; a fault while answering was recorded by the route
            audit.geweigerd(null, signaal.code(), Toegangscontrole.vingerafdruk(message.getExchange().getInMessage()));
        }
    }

    /**
     * Which SOAP or WS-Addressing rule a header broke, told by the fault's code (never its message, which
     * may quote the request): a WS-Addressing header without the wsa:Action it requires, a header marked
     * mustUnderstand that the hub does not know, a mustUnderstand of another value than 0 or 1.
     */
    private static String kopFout(Fault fault) {
        QName code = fault.getFaultCode();
        if (code == null) {
            return null;
        }
        if (code.getNamespaceURI().contains("addressing")) {
            return "WS-Addressing (" + code.getLocalPart() + "; met wsa-koppen zijn wsa:Action en, bij een wsa:ReplyTo of "
                    + "wsa:FaultTo, wsa:MessageID verplicht)";
        }
        if (MustUnderstandWaarde.CODE.equals(code)) {
            return "mustUnderstand (alleen 0 of 1)";
        }
        if ("MustUnderstand".equals(code.getLocalPart())) {
            return "mustUnderstand (een kop die de hub niet kent)";
        }
        return null;
    }

    /** The limit VerzoekBewaking found broken while the request was read, if any. */
    private static String overschredenGrens(SoapMessage message) {
        Object request = message.getExchange().getInMessage() == null ? null
                : message.getExchange().getInMessage().get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof HttpServletRequest http && http.getAttribute(VerzoekBewaking.REDEN) instanceof String reden
                ? reden : null;
    }
}
