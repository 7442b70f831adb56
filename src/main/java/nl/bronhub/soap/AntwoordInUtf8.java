package nl.bronhub.soap;

import java.nio.charset.StandardCharsets;

import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.springframework.stereotype.Component;

/**
 * Every answer of the LAS door in UTF-8, whatever charset the request came in. CXF answers in the request's charset
 * by default, and its writer escapes a character the charset lacks one UTF-16 unit at a time: a name with a letter
 * outside the BMP (𠀋) became two surrogate character references, which no XML parser takes, so a LAS that spoke
 * windows-1252 could never read (nor confirm) its queue page. Every XML parser reads UTF-8.
 */
@Component
public class AntwoordInUtf8 extends AbstractPhaseInterceptor<Message> {

    public AntwoordInUtf8() {
        super(Phase.PRE_STREAM);
        // the StAX writer takes its charset from the message when it is made
        addBefore(StaxOutInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        message.put(Message.ENCODING, StandardCharsets.UTF_8.name());
    }
}
