package nl.bronhub.afnemers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import nl.bronhub.OngeldigeInvoer;
import org.springframework.stereotype.Component;

/**
 * A delivery as an afnemer receives it: the counts of one kind on one peildatum, per BRIN, vestiging and soort
 * onderwijs, small numbers suppressed (Onderdrukking). Never anything about one pupil.
 */
@Component
public class Leveringen {

    /** The earliest peildatum asked for (before it there is no register to count). */
    static final LocalDate EERSTE_PEILDATUM = LocalDate.of(2000, 1, 1);

    public record Regel(String brin, String vestiging, String soortOnderwijs, Onderdrukking.Cel onder8, Onderdrukking.Cel van8tot12,
                        Onderdrukking.Cel vanaf13, Onderdrukking.Cel totaal) {
    }

    public record Levering(String soort, LocalDate peildatum, int drempel, Instant aangemaakt, int cellen, int onderdrukt,
                           List<Regel> regels) {
    }

    private final Tellingen tellingen;
    private final Onderdrukking onderdrukking;
    private final Clock klok;

    public Leveringen(Tellingen tellingen, Onderdrukking onderdrukking, Clock klok) {
        this.tellingen = tellingen;
        this.onderdrukking = onderdrukking;
        this.klok = klok;
    }

    public Levering maak(Leveringsoort soort, LocalDate peildatum) {
        List<Regel> regels = new ArrayList<>();
        int[] onderdrukt = {0};
        tellingen.tel(soort, peildatum).forEach((rij, leeftijden) -> {
            Onderdrukking.Cel[] c = onderdrukking.pas(leeftijden);
            for (Onderdrukking.Cel cel : c) {
                onderdrukt[0] += cel.onderdrukt() ? 1 : 0;
            }
            regels.add(new Regel(rij.brin(), rij.vestiging(), rij.soortOnderwijs(), c[0], c[1], c[2], c[3]));
        });
        return new Levering(soort.naam(), peildatum, onderdrukking.drempel(), klok.instant(), regels.size() * 4, onderdrukt[0],
                List.copyOf(regels));
    }

    /**
     * The peildatum as sent: JJJJ-MM-DD, an existing day, from 2000 up to today. The refusal names the rule, never
     * the value (which may be anything).
     */
    public LocalDate peildatum(String tekst) {
        if (tekst == null || tekst.isEmpty()) {
            throw new OngeldigeInvoer("peildatum", "de parameter peildatum ontbreekt (JJJJ-MM-DD)");
        }
        if (tekst.length() != 10 || !tekst.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw new OngeldigeInvoer("peildatum", "peildatum moet een datum als JJJJ-MM-DD zijn");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(tekst);
        } catch (DateTimeParseException e) {
            throw new OngeldigeInvoer("peildatum", "peildatum is geen bestaande datum");
        }
        if (d.isBefore(EERSTE_PEILDATUM) || d.isAfter(LocalDate.now(klok))) {
            throw new OngeldigeInvoer("peildatum", "peildatum moet tussen 2000-01-01 en vandaag liggen");
        }
        return d;
    }

    /** The delivery as CSV (RFC 4180, comma-separated): a suppressed cell is x. */
    public static String csv(Levering l) {
        StringBuilder s = new StringBuilder("brin,vestiging,soortOnderwijs,onder8,van8tot12,vanaf13,totaal\r\n");
        for (Regel r : l.regels()) {
            s.append(r.brin()).append(',').append(r.vestiging()).append(',').append(r.soortOnderwijs());
            for (Onderdrukking.Cel c : List.of(r.onder8(), r.van8tot12(), r.vanaf13(), r.totaal())) {
                s.append(',').append(c.onderdrukt() ? "x" : String.valueOf(c.aantal()));
            }
            s.append("\r\n");
        }
        return s.toString();
    }
}
