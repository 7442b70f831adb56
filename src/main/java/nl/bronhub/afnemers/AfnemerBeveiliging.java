package nl.bronhub.afnemers;

import java.time.Clock;
import java.time.Duration;

import nl.bronhub.InlogRemming;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The afnemers' API (/afnemers/**, at the portal's HTTPS door only: KanaalScheiding): stateless HTTP Basic with the
 * afnemer's code and the secret the hub made for it. Its own authentication manager, with no parent: the operator's
 * or a school's credentials mean nothing here. Wrong secrets from one address are held back like the operator's.
 */
@Configuration
public class AfnemerBeveiliging {

    @Bean
    @Order(0)
    public SecurityFilterChain afnemersKeten(HttpSecurity http, Afnemers afnemers, AfnemerSpoor spoor,
                                             AfnemerEigenschappen eigenschappen) throws Exception {
        int maxFout = eigenschappen.maxFouteGeheimen();
        Duration venster = eigenschappen.venster();
        Duration blokkade = eigenschappen.blokkade();
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(afnemers::laad);
        provider.setPasswordEncoder(afnemers.encoder());
        AuthenticationEntryPoint nietIngelogd = (verzoek, antwoord, fout) -> {
            // a sign-in that failed is a row (who tried is not known: the user name sent may be anything); a request
            // without credentials is the challenge's first step, and anyone could fill the table with those
            String inlog = verzoek.getHeader("Authorization");
            if (inlog != null && inlog.regionMatches(true, 0, "Basic ", 0, 6)) {
                spoor.vastleggen(null, null, null, null, 0, 0, 401, "niet-ingelogd");
            }
            antwoord.setHeader("WWW-Authenticate", "Basic realm=\"bron-hub afnemers\"");
            AfnemerProbleem.schrijf(antwoord, 401, "niet-ingelogd", "Niet ingelogd",
                    "log in met de code van de afnemer en het geheim dat de operator liet maken (HTTP Basic)");
        };
        return http
                .securityMatcher("/afnemers", "/afnemers/**")
                .authenticationManager(new ProviderManager(provider))
                // not a bean: Spring Boot would also put a Filter bean in front of every request
                .addFilterBefore(new InlogRemming(maxFout, venster, blokkade, Clock.systemUTC(), "Afnemer"), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("AFNEMER"))
                .httpBasic(b -> b.authenticationEntryPoint(nietIngelogd))
                .exceptionHandling(e -> e.authenticationEntryPoint(nietIngelogd)
                        .accessDeniedHandler((verzoek, antwoord, fout) -> AfnemerProbleem.schrijf(antwoord, 403, "geen-toegang",
                                "Geen toegang", "deze inlog mag dit niet")))
                // scripts with Basic credentials, no browser session to forge requests from
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
