package nl.bronhub.soap;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.namespace.QName;

import nl.bronhub.VasteKoppen;
import nl.bronhub.contract.Contract;
import nl.bronhub.contract.XmlTekens;
import nl.bronhub.signaal.Signaal;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.signaal.SignaalFout;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * The one place a refusal becomes a SOAP fault whose detail carries the signals (contract: signaalFout):
 * as a CXF fault (the routes' error handling, whose Throwable body camel-cxf answers with; CXF's own
 * interceptors, EnvelopFoutInterceptor) or, for an answer given before CXF has seen the request (a
 * servlet filter, Tomcat's error valve, the error page), as the same envelope in text. Either way the
 * faultstring is the first signal, the faultcode Client, or Server when 358 (the hub's own failure).
 */
@Component
public class SoapFouten {

    private static final Logger LOG = LoggerFactory.getLogger(SoapFouten.class);

    private final SignaalCatalogus catalogus;

    public SoapFouten(SignaalCatalogus catalogus) {
        this.catalogus = catalogus;
    }

    /** Used by the routes' error handling: our own refusals keep their signals, anything else is 358. */
    public SoapFault alsFout(Exchange exchange) {
        Throwable oorzaak = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // a failure inside a request's transaction comes wrapped by Camel's transaction handling
        while (oorzaak instanceof RuntimeCamelException && oorzaak.getCause() != null && oorzaak.getCause() != oorzaak) {
            oorzaak = oorzaak.getCause();
        }
        if (oorzaak instanceof SignaalFout fout) {
            return fout(fout.signalen(), isClientFout(fout.signalen()));
        }
        // Exception texts can hold submitted values (a database constraint message quotes the key),
        // so only the type is logged.
        LOG.error("Request refused with signal 358 after {} in route {}", oorzaak == null ? "unknown" : oorzaak.getClass().getName(),
                exchange.getFromRouteId());
        return fout(List.of(catalogus.signaal("358")), false);
    }

    /**
     * Refuses a request from a servlet filter, before CXF sees it: the fault as the LAS always gets it,
     * and the connection closed (the body is not read).
     */
    public static void weiger(HttpServletResponse response, Signaal signaal) throws IOException {
        if (response.containsHeader("Allow") && !response.isCommitted()) {
            // Tomcat's refusal of TRACE had named the methods it would take: a header the contract does not have
            response.reset();
        }
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/xml;charset=UTF-8");
        response.setHeader("Connection", "close");
        // the fixed headers of every answer at this door (Spring Security writes them; a refusal before or outside it
        // must carry them too), and the length, so the answer does not end only when the connection closes
        VasteKoppen.zet(response);
        byte[] body = envelop(List.of(signaal)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public SoapFault fout(List<Signaal> signalen, boolean client) {
        SoapFault fault = new SoapFault(faultstring(signalen), faultcode(client));
        vulDetail(fault, signalen);
        return fault;
    }

    /** Makes a fault CXF raised itself (an unreadable envelope, a header it refuses) say these signals. */
    static void vul(Fault fault, List<Signaal> signalen) {
        fault.setMessage(faultstring(signalen));
        fault.setFaultCode(faultcode(isClientFout(signalen)));
        vulDetail(fault, signalen);
    }

    private static String faultstring(List<Signaal> signalen) {
        return XmlTekens.zuiver(signalen.get(0).code() + ": " + signalen.get(0).omschrijving());
    }

    private static QName faultcode(boolean client) {
        return client ? Soap11.getInstance().getSender() : Soap11.getInstance().getReceiver();
    }

    private static void vulDetail(Fault fault, List<Signaal> signalen) {
        Element detail = fault.getOrCreateDetail();
        while (detail.getFirstChild() != null) {
            detail.removeChild(detail.getFirstChild());
        }
        Element fout = detail.getOwnerDocument().createElementNS(Contract.NS, "signaalFout");
        fout.setPrefix("bron");
        for (Signaal s : signalen) {
            Element signaal = kind(fout, "signaal", null);
            kind(signaal, "code", s.code());
            kind(signaal, "ernst", s.ernst().code());
            kind(signaal, "omschrijving", s.omschrijving());
            if (s.gegeven() != null) {
                kind(signaal, "gegeven", s.gegeven());
            }
        }
        detail.appendChild(fout);
    }

    /** A whole SOAP 1.1 fault envelope, for answers given before CXF has seen the request. */
    public static String envelop(List<Signaal> signalen) {
        StringBuilder xml = new StringBuilder("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<soap:Fault><faultcode>soap:" + faultcode(isClientFout(signalen)).getLocalPart() + "</faultcode><faultstring>")
                .append(xml(faultstring(signalen)))
                .append("</faultstring><detail><bron:signaalFout xmlns:bron=\"").append(Contract.NS).append("\">");
        for (Signaal s : signalen) {
            xml.append("<bron:signaal><bron:code>").append(xml(s.code())).append("</bron:code><bron:ernst>").append(xml(s.ernst().code()))
                    .append("</bron:ernst><bron:omschrijving>").append(xml(s.omschrijving())).append("</bron:omschrijving>");
            if (s.gegeven() != null) {
                xml.append("<bron:gegeven>").append(xml(s.gegeven())).append("</bron:gegeven>");
            }
            xml.append("</bron:signaal>");
        }
        return xml.append("</bron:signaalFout></detail></soap:Fault></soap:Body></soap:Envelope>").toString();
    }

    /** A text as XML 1.0 may carry it: a signal may repeat what a request (declared XML 1.1) held, control characters too. */
    private static String xml(String tekst) {
        return XmlTekens.zuiver(tekst).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static boolean heeftSignaal(Fault fault) {
        Element detail = fault.getDetail();
        return detail != null && detail.getElementsByTagNameNS(Contract.NS, "signaalFout").getLength() > 0;
    }

    private static boolean isClientFout(List<Signaal> signalen) {
        return signalen.stream().noneMatch(s -> "358".equals(s.code()));
    }

    private static Element kind(Element ouder, String naam, String tekst) {
        Element e = ouder.getOwnerDocument().createElementNS(Contract.NS, naam);
        e.setPrefix("bron");
        if (tekst != null) {
            // the fault is written as XML 1.0: a character it cannot carry (sent in an XML 1.1 request) would cut it off
            e.setTextContent(XmlTekens.zuiver(tekst));
        }
        ouder.appendChild(e);
        return e;
    }
}
