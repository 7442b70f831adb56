package nl.bronhub.aanlevering;

import java.util.Locale;

import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.signaal.SignaalFout;
import nl.bronhub.contract.Contract;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.w3c.dom.Element;

/**
 * The body element of a PAYLOAD-mode request. CXF parses the body lazily: broken XML shows here. A body
 * that is not the operation's own element (a WS-Addressing Action or SOAPAction naming another
 * operation) makes the envelope contradict itself: 360 as well.
 */
public final class SoapBody {

    /** The longest text (or whitespace between elements) in one run that the LAS door reads (CXF's maxTextLength). */
    public static final int MAX_TEKSTLENGTE = 1024 * 1024;

    /** The most elements directly inside one element that the LAS door reads (CXF's maxChildElements, its default). */
    public static final int MAX_KINDEREN = 50_000;

    private SoapBody() {
    }

    public static Element element(CxfPayload<?> payload, String verwacht, SignaalCatalogus catalogus, int maxNestingdiepte) {
        try {
            var body = payload == null ? null : Contract.elementen(payload);
            if (body == null || body.size() != 1 || !Contract.NS.equals(body.get(0).getNamespaceURI())
                    || !verwacht.equals(body.get(0).getLocalName())) {
                throw new SignaalFout(catalogus.signaal("360"));
            }
            return body.get(0);
        } catch (SignaalFout e) {
            throw e;
        } catch (RuntimeException e) {
            // a request over the intake's limits is refused as it is read
            throw new SignaalFout(catalogus.signaal("360", reden(e, maxNestingdiepte)));
        }
    }

    /**
     * Which of the intake's limits a failure to read the request comes from, or null: the LAS vendor
     * is told which (as the signal's gegeven).
     */
    public static String reden(Throwable fout, int maxNestingdiepte) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            String melding = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            // CXF's and Woodstox's depth limits both say so in their message
            if (melding.contains("depth")) {
                return "nestingdiepte (maximaal " + maxNestingdiepte + ")";
            }
            // Woodstox's text limit (CXF's maxTextLength): a text, or whitespace between elements, too long in one run
            if (melding.contains("text") && (melding.contains("length") || melding.contains("size")) && melding.contains("limit")) {
                return "tekst of witruimte aan één stuk (maximaal " + MAX_TEKSTLENGTE + " tekens)";
            }
            if (melding.contains("child elements")) {
                return "elementen direct in één element (maximaal " + MAX_KINDEREN + ")";
            }
        }
        return null;
    }
}
