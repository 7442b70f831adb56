package nl.bronhub.portaal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before the portal's sign-in checks a password: a form with a field twice is refused (400, the portal's
 * page; which of the two was meant is not guessed), and a name locked for the sender's address goes back to
 * the sign-in page as locked without its password being checked, as does any name from an address locked for all
 * (PortaalAccounts counts per name and address, and per address).
 */
final class InlogBlokkade extends OncePerRequestFilter {

    private final PortaalAccounts accounts;

    InlogBlokkade(PortaalAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest verzoek) {
        return !"POST".equals(verzoek.getMethod()) || !"/portaal/inloggen".equals(verzoek.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest verzoek, HttpServletResponse antwoord, FilterChain keten)
            throws ServletException, IOException {
        if (verzoek.getParameterMap().values().stream().anyMatch(w -> w.length > 1)) {
            antwoord.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (accounts.geblokkeerdTot(verzoek.getParameter("brin"), verzoek.getRemoteAddr()).isPresent()
                || accounts.adresGeblokkeerdTot(verzoek.getRemoteAddr()).isPresent()) {
            antwoord.sendRedirect("/portaal/inloggen?geblokkeerd");
            return;
        }
        keten.doFilter(verzoek, antwoord);
    }
}
