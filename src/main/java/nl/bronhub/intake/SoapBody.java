package nl.bronhub.intake;

import nl.bronhub.signal.SignaalCatalogus;
import nl.bronhub.signal.SignaalFout;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.w3c.dom.Element;

/** The body element of a PAYLOAD-mode request. CXF parses the body lazily: broken XML shows here. */
public final class SoapBody {

    private SoapBody() {
    }

    public static Element element(CxfPayload<?> payload, SignaalCatalogus catalogus) {
        try {
            var body = payload == null ? null : payload.getBody();
            if (body == null || body.size() != 1) {
                throw new SignaalFout(catalogus.signaal("360"));
            }
            return body.get(0);
        } catch (SignaalFout e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SignaalFout(catalogus.signaal("360"));
        }
    }
}
