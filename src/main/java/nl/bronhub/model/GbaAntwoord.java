package nl.bronhub.model;

import java.util.List;
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

    /** 956: the GBA keeps the pupil's address secret. */
    public boolean geheim() {
        return opBsn.map(GbaPersoon::geheim).orElse(false);
    }
}
