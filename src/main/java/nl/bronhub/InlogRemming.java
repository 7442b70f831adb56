package nl.bronhub;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing a password at a door with HTTP Basic (the operator's, the afnemers'): for the operator, after bron.operator.max-foute-wachtwoorden wrong
 * passwords from one address within bron.operator.venster, that address gets 429 with a Retry-After
 * for bron.operator.blokkade, also with the right password (else a guesser would learn it from the one
 * answer that differs). Only requests that bring credentials count and are held back: the health
 * check of a load balancer and the LAS door are not affected, nor is an operator who signs in right.
 * Per instance, in memory: a restart forgets, which an attacker cannot cause from outside. The afnemers' door
 * (nl.bronhub.afnemers.AfnemerBeveiliging) uses it too, with its own counts.
 */
public final class InlogRemming extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(InlogRemming.class);
    /** Beyond this many addresses, those without a lock or a recent failure are forgotten. */
    private static final int MAX_ADRESSEN = 10_000;

    private final int maxFout;
    private final Duration venster;
    private final Duration blokkade;
    private final Clock tijd;
    /** Whose sign-in this guards, for the log line: "Operator", "Afnemer". */
    private final String wie;
    private final Map<String, Adres> adressen = new ConcurrentHashMap<>();

    private static final class Adres {
        final Deque<Instant> fouten = new ArrayDeque<>();
        Instant geblokkeerdTot;
    }

    public InlogRemming(int maxFout, Duration venster, Duration blokkade, Clock tijd) {
        this(maxFout, venster, blokkade, tijd, "Operator");
    }

    public InlogRemming(int maxFout, Duration venster, Duration blokkade, Clock tijd, String wie) {
        this.wie = wie;
        this.maxFout = maxFout;
        this.venster = venster;
        this.blokkade = blokkade;
        this.tijd = tijd;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest verzoek, HttpServletResponse antwoord, FilterChain keten)
            throws ServletException, IOException {
        String inlog = verzoek.getHeader("Authorization");
        if (inlog == null || !inlog.regionMatches(true, 0, "Basic ", 0, 6)) {
            keten.doFilter(verzoek, antwoord);
            return;
        }
        String adres = verzoek.getRemoteAddr();
        Instant tot = geblokkeerdTot(adres, tijd.instant());
        if (tot != null) {
            long seconden = Math.max(1, Duration.between(tijd.instant(), tot).toMillis() / 1000 + 1);
            antwoord.setStatus(429);
            antwoord.setHeader("Retry-After", String.valueOf(seconden));
            Probleem.schrijf(antwoord, 429, "afgeremd", "Te veel verzoeken", "te vaak een onjuist wachtwoord of geheim; probeer het over "
                    + seconden + " seconden opnieuw");
            return;
        }
        keten.doFilter(verzoek, antwoord);
        if (antwoord.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            fout(adres, tijd.instant());
        }
    }

    private Instant geblokkeerdTot(String adres, Instant nu) {
        Adres a = adressen.get(adres);
        if (a == null) {
            return null;
        }
        synchronized (a) {
            return a.geblokkeerdTot != null && a.geblokkeerdTot.isAfter(nu) ? a.geblokkeerdTot : null;
        }
    }

    private void fout(String adres, Instant nu) {
        if (adressen.size() > MAX_ADRESSEN) {
            adressen.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return (e.getValue().geblokkeerdTot == null || !e.getValue().geblokkeerdTot.isAfter(nu))
                            && (e.getValue().fouten.isEmpty() || e.getValue().fouten.peekLast().isBefore(nu.minus(venster)));
                }
            });
        }
        Adres a = adressen.computeIfAbsent(adres, x -> new Adres());
        synchronized (a) {
            while (!a.fouten.isEmpty() && !a.fouten.peekFirst().isAfter(nu.minus(venster))) {
                a.fouten.pollFirst();
            }
            a.fouten.addLast(nu);
            if (a.fouten.size() >= maxFout) {
                a.fouten.clear();
                a.geblokkeerdTot = nu.plus(blokkade);
                LOG.warn("{} sign-in from {} held back for {} after {} wrong passwords within {}", wie, adres, blokkade, maxFout, venster);
            }
        }
    }
}
