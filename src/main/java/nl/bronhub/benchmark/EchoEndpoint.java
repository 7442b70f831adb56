package nl.bronhub.benchmark;

import javax.xml.transform.Source;

import jakarta.xml.ws.Endpoint;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The benchmark's ceiling: a bare CXF SOAP endpoint (no Camel, no checks, no database) that answers
 * each request with its own body, at /services/echo. Only with bron.benchmark.echo=true.
 */
@Configuration
@ConditionalOnProperty(name = "bron.benchmark.echo", havingValue = "true")
public class EchoEndpoint {

    @WebServiceProvider(serviceName = "EchoService", portName = "EchoPort", targetNamespace = "urn:nl:bron-hub:benchmark")
    @ServiceMode(Service.Mode.PAYLOAD)
    public static class Echo implements Provider<Source> {
        @Override
        public Source invoke(Source verzoek) {
            return verzoek;
        }
    }

    @Bean
    public Endpoint echo(Bus bus) {
        EndpointImpl endpoint = new EndpointImpl(bus, new Echo());
        endpoint.publish("/echo");
        return endpoint;
    }
}
