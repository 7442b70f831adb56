package nl.bronhub.soap;

import java.util.List;
import java.util.TreeMap;

import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.springframework.stereotype.Component;

/**
 * The last lock on what leaves the LAS door besides the envelope: before CXF writes the answer's HTTP
 * headers, every header the exchange collected (camel-cxf copies the request's transport headers and
 * the routes' message headers there) is dropped. Content-Type and Content-Length are CXF's and
 * Tomcat's own, set apart from this map.
 */
@Component
public class GeenProtocolHeaders extends AbstractPhaseInterceptor<Message> {

    public GeenProtocolHeaders() {
        super(Phase.PREPARE_SEND);
        // before the message sender opens the back channel, which writes the headers
        addBefore(MessageSenderInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        message.put(Message.PROTOCOL_HEADERS, new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER));
    }
}
