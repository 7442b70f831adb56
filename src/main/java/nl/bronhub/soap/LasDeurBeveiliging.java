package nl.bronhub.soap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The LAS door's own security chain (/services/**, the only addresses that door serves): a LAS is known by its client
 * certificate alone, so no HTTP credential is read here. Without it the operator's chain took the request, read an
 * Authorization: Basic header, checked it against the operator's password (a 401 in JSON, or 200 for the right one) and
 * counted wrong ones towards the lock of the operator's address. Spring Security's fixed headers stay on every answer.
 */
@Configuration
public class LasDeurBeveiliging {

    @Bean
    @Order(2)
    public SecurityFilterChain lasDeur(HttpSecurity http) throws Exception {
        return http
                // by the request's own path: a pattern would be read against the CXF servlet's path within it
                .securityMatcher(verzoek -> verzoek.getRequestURI().equals("/services") || verzoek.getRequestURI().startsWith("/services/"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                // SOAP for systems with certificates: no browser session to forge requests from, none kept
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .build();
    }
}
