package nl.bronhub.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the person register said about a bericht's pupil, asked once (GbaVraag) and carried along: the
 * person with the bericht's BSN, or, for a pupil sent without a number who lives here, everyone with that
 * surname born that day.
 */
public record GbaAntwoord(Optional<GbaPersoon> opBsn, List<GbaPersoon> opNaamEnGeboortedatum) {

    public static final GbaAntwoord NIETS = new GbaAntwoord(Optional.empty(), List.of());

    public GbaAntwoord {
        opNaamEnGeboortedatum = List.copyOf(opNaamEnGeboortedatum);
    }

    /**
     * Those found by surname and birth date who are this pupil, sent without a number: the same sex and postcode
     * (handbook 7.2; exactly one is 755). None for a pupil living abroad or without a postcode, about whom the
     * register is not asked.
     */
    public List<GbaPersoon> gevonden(Leerling p) {
        if (p.buitenland() || p.postcode() == null || p.geslacht() == null) {
            return List.of();
        }
        return opNaamEnGeboortedatum.stream()
                .filter(g -> p.geslacht().equals(g.geslacht()) && Objects.equals(g.postcode(), p.postcode())).toList();
    }

    /** 956: the GBA keeps the pupil's address secret. */
    public boolean geheim() {
        return opBsn.map(GbaPersoon::geheim).orElse(false);
    }
}
