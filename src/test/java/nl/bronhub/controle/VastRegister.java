package nl.bronhub.controle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.registratie.RegisterLezer;

/**
 * A register that holds what a test puts in it, for the rules that look something up (no database): the
 * enrolments of pupils at schools, by persoonsgebonden nummer. Counts the look-ups, so a test can see a rule
 * did not ask.
 */
final class VastRegister extends RegisterLezer {

    private record Regel(String pgn, String brin, Inschrijving inschrijving) {
    }

    private final List<Regel> regels = new ArrayList<>();
    private int gevraagd;

    VastRegister() {
        super(null);
    }

    VastRegister met(String pgn, String brin, Inschrijving inschrijving) {
        regels.add(new Regel(pgn, brin, inschrijving));
        return this;
    }

    int gevraagd() {
        return gevraagd;
    }

    @Override
    public Leerling persoon(String pgn) {
        throw new UnsupportedOperationException("not a rule's question");
    }

    @Override
    public Inschrijving inschrijving(String pgn, String brin, LocalDate datumInschrijving) {
        gevraagd++;
        return regels.stream().filter(r -> r.pgn.equals(pgn) && r.brin.equals(brin)
                        && Objects.equals(r.inschrijving.datumInschrijving(), datumInschrijving))
                .map(Regel::inschrijving).findFirst().orElse(null);
    }

    @Override
    public List<Periode> inschrijvingen(String pgn, String brin) {
        gevraagd++;
        return regels.stream().filter(r -> r.pgn.equals(pgn) && r.brin.equals(brin))
                .map(r -> new Periode(r.inschrijving.datumInschrijving(), r.inschrijving.datumUitschrijving())).toList();
    }

    @Override
    public Inschrijving inschrijving(long id) {
        throw new UnsupportedOperationException("not a rule's question");
    }
}
