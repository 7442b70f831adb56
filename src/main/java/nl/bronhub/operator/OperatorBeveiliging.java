package nl.bronhub.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.InlogRemming;
import nl.bronhub.Probleem;
import nl.bronhub.Wachtwoordcodering;
import nl.bronhub.portaal.PortaalBeveiliging;
import nl.bronhub.portaal.PortaalKanaal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.util.StringUtils;

/**
 * The operator API (/operator/**) and the actuator's details and metrics are for operators only: HTTP
 * Basic with the operator's credentials (role OPERATOR). The LAS side (/services/**) is not a user of
 * this: its callers are identified by their certificate, at their own door (KanaalScheiding).
 */
@Configuration
public class OperatorBeveiliging {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorBeveiliging.class);

    /**
     * Wrong operator passwords from one address within the window hold that address back for a while (429 with
     * Retry-After, also for the right password): bron.operator.max-foute-wachtwoorden, venster, blokkade.
     */
    @Bean
    public SecurityFilterChain beveiliging(HttpSecurity http, OperatorEigenschappen eigenschappen,
                                           OperatorKanaal operatorKanaal) throws Exception {
        long maxVerzoekBytes = eigenschappen.maxVerzoekBytes();
        return http
                // after the security headers are set up, before any credential is looked at: 413 for a too large body
                .addFilterAfter(new VerzoekGrens(maxVerzoekBytes, operatorKanaal),
                        HeaderWriterFilter.class)
                // not a bean: Spring Boot would also put a Filter bean in front of every request
                .addFilterBefore(new InlogRemming(eigenschappen.maxFouteWachtwoorden(), eigenschappen.venster(),
                        eigenschappen.blokkade(), Clock.systemUTC()),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/operator/**").hasRole("OPERATOR")
                        // the API's description and its UI: for the operator, like the API itself
                        // (api-docs* : also /v3/api-docs.yaml, which the exact name let through to anyone)
                        .requestMatchers("/v3/api-docs*", "/v3/api-docs/**", "/swagger-ui*", "/swagger-ui/**").hasRole("OPERATOR")
                        // a load balancer asks whether the hub is up; details and metrics are the operator's
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .anyRequest().permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(OperatorBeveiliging::nietIngelogd))
                .exceptionHandling(e -> e.authenticationEntryPoint(OperatorBeveiliging::nietIngelogd)
                        .accessDeniedHandler((verzoek, antwoord, fout) -> probleem(antwoord, 403, "geen-toegang", "Geen toegang",
                                "deze inlog mag dit niet")))
                // a JSON API for scripts with Basic credentials, no browser session to forge requests from
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * A request the firewall refuses (.., %2e%2e, ;, an encoded CR or LF in the path, a method such as TRACE or
     * PROPFIND): at the operator door 400 problem details, at the LAS door a SOAP fault with 360, at the portal door
     * the portal's page for a browser, else a 400 without a body; never the path.
     */
    @Bean
    public RequestRejectedHandler geweigerdDoorFirewall(OperatorKanaal operatorKanaal, PortaalKanaal portaalKanaal,
                                                        KanaalScheiding scheiding) {
        return (verzoek, antwoord, fout) -> {
            if (verzoek.getLocalPort() != operatorKanaal.poort() && verzoek.getLocalPort() != portaalKanaal.poort()) {
                // the LAS door's own refusal of an address it does not serve
                scheiding.weiger(verzoek, antwoord, 400, "adres of methode");
            } else if (verzoek.getLocalPort() == operatorKanaal.poort()) {
                if (!antwoord.isCommitted()) {
                    // Tomcat's refusal of TRACE had set an Allow header of its own, not this address's methods
                    antwoord.reset();
                }
                if (fout.getMessage() != null && fout.getMessage().contains("HTTP method")) {
                    OperatorProbleem.schrijf(antwoord, 405, "methode-niet-toegestaan", "Methode niet toegestaan",
                            "de operator-API neemt deze HTTP-methode nergens aan (wel GET, POST, PUT, PATCH en DELETE)");
                } else {
                    OperatorProbleem.schrijf(antwoord, 400, "ongeldig-adres", "Ongeldig adres",
                            "het adres van het verzoek is niet toegestaan (geen .., ; of gecodeerde regeleinden)");
                }
            } else if (aanAfnemers(verzoek)) {
                // the afnemers' API at the portal door: problem details, as its other refusals (not the schools' page)
                if (!antwoord.isCommitted()) {
                    antwoord.reset();
                }
                if (fout.getMessage() != null && fout.getMessage().contains("HTTP method")) {
                    // TRACE or a made-up method: as AfnemerApi answers the methods Spring knows, and Allow names GET
                    antwoord.setHeader("Allow", "GET");
                    OperatorProbleem.schrijf(antwoord, 405, "methode-niet-toegestaan", "Methode niet toegestaan",
                            "de afnemers-API kent alleen GET");
                } else {
                    OperatorProbleem.schrijf(antwoord, 400, "ongeldig-adres", "Ongeldig adres",
                            "het adres van het verzoek is niet toegestaan (geen .., ; of gecodeerde regeleinden)");
                }
            } else if (String.valueOf(verzoek.getHeader("Accept")).contains("text/html")) {
                // a browser: the portal's own Dutch page (PortaalFoutpagina), which never shows the address, with the
                // headers of every portal page (the firewall refuses before Spring Security writes them)
                PortaalBeveiliging.koppen(antwoord);
                antwoord.sendError(400);
            } else {
                // anything else: the door's short Dutch page (Spring's error JSON would repeat the path), with the portal's
                // headers and its helpdesk, as every other refusal at this door
                scheiding.weiger(verzoek, antwoord, 400, "Gebruik de pagina's en formulieren van Mijn BRON");
            }
        };
    }

    /**
     * The request is for the afnemers' API: its own address, or Tomcat's error dispatch of it (Tomcat refuses TRACE
     * itself and forwards to /error, which the firewall then sees).
     */
    private static boolean aanAfnemers(HttpServletRequest verzoek) {
        Object oorspronkelijk = verzoek.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        return verzoek.getRequestURI().startsWith("/afnemers")
                || (oorspronkelijk instanceof String pad && pad.startsWith("/afnemers"));
    }

    /** 401 as problem details, with the Basic challenge a client (curl, a browser) answers. */
    private static void nietIngelogd(HttpServletRequest verzoek, HttpServletResponse antwoord, AuthenticationException fout)
            throws IOException {
        antwoord.setHeader("WWW-Authenticate", "Basic realm=\"bron-hub operator\"");
        probleem(antwoord, 401, "niet-ingelogd", "Niet ingelogd", "log in met de gebruikersnaam en het wachtwoord van de operator (HTTP Basic)");
    }

    private static void probleem(HttpServletResponse antwoord, int status, String type, String titel, String detail) throws IOException {
        Probleem.schrijf(antwoord, status, type, titel, detail);
    }

    /** The operator's password as HTTP Basic checks it (the only PasswordEncoder bean: the portal and afnemers set their own). */
    @Bean
    public PasswordEncoder operatorWachtwoorden() {
        return Wachtwoordcodering.nieuw();
    }

    @Bean
    public UserDetailsService operators(OperatorEigenschappen eigenschappen, PasswordEncoder encoder) {
        String geheim = StringUtils.hasText(eigenschappen.wachtwoord()) ? eigenschappen.wachtwoord()
                : uitBestand(Path.of(eigenschappen.wachtwoordbestand()));
        UserDetails operator = User.withUsername(eigenschappen.gebruiker()).password(encoder.encode(geheim)).roles("OPERATOR").build();
        // the user name exactly as configured (Spring's in-memory store would take "OPERATOR" for "operator"); a copy
        // each time, as Spring erases the password of what it was given after the check
        return naam -> {
            if (!operator.getUsername().equals(naam)) {
                throw new UsernameNotFoundException("geen operator");
            }
            return User.withUserDetails(operator).build();
        };
    }

    /** The password made at first start, readable by the hub's own user only; never logged. */
    private static String uitBestand(Path bestand) {
        try {
            if (Files.exists(bestand)) {
                return Files.readString(bestand).trim();
            }
            byte[] willekeurig = new byte[18];
            new SecureRandom().nextBytes(willekeurig);
            String nieuw = Base64.getUrlEncoder().withoutPadding().encodeToString(willekeurig);
            if (bestand.getParent() != null) {
                Files.createDirectories(bestand.getParent());
            }
            Files.writeString(bestand, nieuw + "\n");
            try {
                Files.setPosixFilePermissions(bestand, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException geenPosix) {
                // a file system without POSIX permissions: the directory's protection applies
            }
            LOG.info("No BRON_OPERATOR_WACHTWOORD set: the operator password was made and written to {}", bestand);
            return nieuw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
