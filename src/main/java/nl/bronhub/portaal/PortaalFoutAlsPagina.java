package nl.bronhub.portaal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A portal error is always the portal's Dutch page (PortaalFoutpagina), whatever the request asked for:
 * Spring answers a request without "Accept: text/html" (curl, a script) with its own English JSON, which the
 * portal, a site for people, has no use for. And it always has the portal's headers. Only the error dispatch of portal
 * addresses is touched.
 */
@Configuration
class PortaalFoutAlsPagina {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> portaalFoutpaginaVoorIedereen() {
        FilterRegistrationBean<OncePerRequestFilter> registratie = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest verzoek, HttpServletResponse antwoord, FilterChain keten)
                    throws ServletException, IOException {
                Object pad = verzoek.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                if (pad instanceof String p && (p.equals("/portaal") || p.startsWith("/portaal/"))) {
                    // the portal's headers, where no filter of the portal's chain wrote them: an error Tomcat raised by
                    // itself while the request was read (a form body that broke off, a malformed chunk) reaches this
                    // dispatch without them
                    if (!antwoord.containsHeader("Content-Security-Policy")) {
                        PortaalBeveiliging.koppen(antwoord);
                    }
                    keten.doFilter(new HttpServletRequestWrapper(verzoek) {
                        @Override
                        public String getHeader(String naam) {
                            return "Accept".equalsIgnoreCase(naam) ? "text/html" : super.getHeader(naam);
                        }

                        @Override
                        public Enumeration<String> getHeaders(String naam) {
                            return "Accept".equalsIgnoreCase(naam) ? Collections.enumeration(List.of("text/html"))
                                    : super.getHeaders(naam);
                        }
                    }, antwoord);
                    return;
                }
                keten.doFilter(verzoek, antwoord);
            }
        });
        registratie.setDispatcherTypes(DispatcherType.ERROR);
        registratie.addUrlPatterns("/error");
        return registratie;
    }
}
