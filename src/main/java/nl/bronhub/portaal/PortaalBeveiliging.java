package nl.bronhub.portaal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;

import nl.bronhub.VasteKoppen;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The school portal (/portaal/**): a school signs in with its BRIN-nummer, a bestuur with its
 * bestuursnummer, each with the password of its own wachtwoordbrief (form login, a session, CSRF tokens
 * on every form), and opens only its own pages: /portaal/{naam}/** answers 403 for anyone else (a board
 * reads its schools through its own pages, BestuurController, never through a school's). Too many wrong passwords in a row lock the account
 * for the address they came from, for a while (PortaalAccounts); a locked address is refused even with the right password.
 */
@Configuration
public class PortaalBeveiliging {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    /**
     * The session cookie (Secure and HttpOnly already: the door is HTTPS, Tomcat's default) is also
     * SameSite=Strict: no other site can make a browser send it, not even with a link, so no request
     * from elsewhere acts as the signed-in school. Lax would let a link in; nothing leads into the portal
     * from elsewhere (the mails carry no links), and a school coming from elsewhere signs in first.
     */
    @Bean
    public CookieSameSiteSupplier sessieKoekje() {
        return CookieSameSiteSupplier.ofStrict().whenHasName("JSESSIONID");
    }

    @Bean
    @Order(1)
    public SecurityFilterChain portaal(HttpSecurity http, PortaalAccounts accounts, PortaalSessies sessies) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts::laad);
        provider.setPasswordEncoder(accounts.encoder());
        return http
                .securityMatcher("/portaal", "/portaal/**")
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/portaal/inloggen", "/portaal/stijl.css", "/portaal/icoon.svg").permitAll()
                        .requestMatchers("/portaal/{brin}", "/portaal/{brin}/**").access(PortaalBeveiliging::eigenAccount)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/portaal/inloggen").loginProcessingUrl("/portaal/inloggen")
                        .usernameParameter("brin").passwordParameter("wachtwoord")
                        .successHandler(welkom(accounts)).failureHandler((verzoek, antwoord, fout) -> {
                            PortaalAccounts.Uitslag uitslag = fout instanceof BadCredentialsException
                                    ? accounts.misluktInloggen(verzoek.getParameter("brin"), verzoek.getRemoteAddr())
                                    : PortaalAccounts.Uitslag.FOUT;
                            antwoord.sendRedirect("/portaal/inloggen?" + uitslag.parameter);
                        }))
                .addFilterBefore(new InlogBlokkade(accounts), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new FormulierGrens(FormulierGrens.TOMCAT_MAX_BYTES), CsrfFilter.class)
                // an address typed or linked with a slash at its end (/portaal/70CG/) is the page without it, not a 404
                // (308 keeps a form's POST a POST); after the header writer, so the redirect has the portal's headers too
                .addFilterAfter(new ZonderSlotstreep(), HeaderWriterFilter.class)
                .logout(l -> l.logoutUrl("/portaal/uitloggen").logoutSuccessUrl("/portaal/inloggen?uitgelogd"))
                // every session is registered (no limit), so that a new password can end the others
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessies.register())
                        .expiredUrl("/portaal/inloggen?verlopen"))
                .csrf(c -> c.csrfTokenRequestHandler(new OntcijferbaarToken()))
                // the portal's pages load their own stylesheet and nothing else: no script, no inline style, no
                // frames, forms only to the portal; and the address (a school's BRIN) goes to no other site
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                // a refusal (another school's page, a form without a valid token) is the portal's Dutch page (PortaalFoutpagina)
                // to the sign-in page by its path alone: a URL built from the request's Host header sent the browser wherever
                // the sender said (Tomcat writes redirects relative too, server.tomcat.use-relative-redirects)
                .exceptionHandling(e -> e.authenticationEntryPoint(naarInloggen()).accessDeniedHandler((verzoek, antwoord, fout) -> {
                    if (fout instanceof CsrfException) {
                        verzoek.setAttribute(PortaalFoutpagina.FORMULIER_VERLOPEN, true);
                    }
                    antwoord.sendError(403);
                }))
                .build();
    }

    /**
     * Spring Security's default (a token masked per page), except that a token which does not decode
     * counts as a wrong one: the default throws on a token whose unmasked bytes are not UTF-8 (such as
     * the right token reversed), which was a 500 with a stack trace for anyone, signed in or not.
     */
    static final class OntcijferbaarToken implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler standaard = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest verzoek, HttpServletResponse antwoord,
                           Supplier<CsrfToken> token) {
            standaard.handle(verzoek, antwoord, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest verzoek, CsrfToken token) {
            try {
                return standaard.resolveCsrfTokenValue(verzoek, token);
            } catch (IllegalArgumentException ontcijfertNiet) {
                return null;
            }
        }
    }

    private static LoginUrlAuthenticationEntryPoint naarInloggen() {
        LoginUrlAuthenticationEntryPoint inloggen = new LoginUrlAuthenticationEntryPoint("/portaal/inloggen");
        inloggen.setFavorRelativeUris(true);
        return inloggen;
    }

    /**
     * The headers Spring Security gives every portal page, for an answer written before its filters ran (a path
     * the firewall refuses): what the page may load, no framing, no sniffing, no caching, no referrer, HTTPS only.
     */
    public static void koppen(HttpServletResponse antwoord) {
        VasteKoppen.zet(antwoord);
        antwoord.setHeader("Content-Security-Policy", CSP);
        antwoord.setHeader("Referrer-Policy", "no-referrer");
    }

    /** Tells the session register when a session ends, so that it does not keep them all. */
    @Bean
    public static HttpSessionEventPublisher sessieGebeurtenissen() {
        return new HttpSessionEventPublisher();
    }

    private static AuthenticationSuccessHandler welkom(PortaalAccounts accounts) {
        SimpleUrlAuthenticationSuccessHandler naarEigenSchool = new SimpleUrlAuthenticationSuccessHandler("/portaal");
        naarEigenSchool.setAlwaysUseDefaultTargetUrl(true);
        return (verzoek, antwoord, school) -> {
            accounts.gelukt(school.getName(), verzoek.getRemoteAddr());
            naarEigenSchool.onAuthenticationSuccess(verzoek, antwoord, school);
        };
    }

    /** The signed-in school's or board's own pages: the name in the address is its own, and of its kind. */
    private static AuthorizationDecision eigenAccount(Supplier<Authentication> wie, RequestAuthorizationContext context) {
        Authentication a = wie.get();
        String naam = context.getVariables().get("brin");
        if ("inloggen".equals(naam) || "uitloggen".equals(naam)) {
            return new AuthorizationDecision(true);
        }
        String rol = PortaalAccounts.Soort.van(naam).map(s -> "ROLE_" + s.rol).orElse(null);
        if (rol == null) {
            // no BRIN and no bestuursnummer: no one's page, so no page at all (404 "Pagina niet gevonden" for whoever is
            // signed in; a newcomer read "Geen toegang" for a mistyped address); a visitor still goes to the sign-in
            return new AuthorizationDecision(a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken));
        }
        return new AuthorizationDecision(rol != null && a != null && a.isAuthenticated() && a.getName().equals(naam)
                && a.getAuthorities().stream().anyMatch(r -> r.getAuthority().equals(rol)));
    }
}
