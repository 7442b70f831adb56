package nl.bronhub.processing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.intake.FormaatControle;
import nl.bronhub.signal.Signaal;

/** One bericht on its way through content check, GBA, register and terugkoppeling. */
public final class Verwerking {

    private final long berichtId;
    private final long aanleverpuntId;
    private final String brin;
    private final Bericht bericht;
    private final List<Signaal> signalen = new ArrayList<>();
    private String pgn;
    private Long inschrijvingId;
    private final List<Long> dubbeleInschrijvingen = new ArrayList<>();

    public Verwerking(long berichtId, long aanleverpuntId, String brin, Bericht bericht) {
        this.berichtId = berichtId;
        this.aanleverpuntId = aanleverpuntId;
        this.brin = brin;
        this.bericht = bericht;
        Persoon p = bericht == null ? null : bericht.getLeerling();
        if (p != null) {
            this.pgn = gevuld(p.getBurgerservicenummer()) ? p.getBurgerservicenummer().trim()
                    : gevuld(p.getOnderwijsnummer()) ? p.getOnderwijsnummer().trim() : null;
        }
    }

    public long getBerichtId() {
        return berichtId;
    }

    public long getAanleverpuntId() {
        return aanleverpuntId;
    }

    public String getBrin() {
        return brin;
    }

    public Bericht getBericht() {
        return bericht;
    }

    public Persoon leerling() {
        return bericht.getLeerling();
    }

    public String mutatiesoort() {
        return bericht.getMutatiesoort().trim();
    }

    /** The persoonsgebonden nummer the pupil is registered under (BSN, or onderwijsnummer). */
    public String getPgn() {
        return pgn;
    }

    public void setPgn(String pgn) {
        this.pgn = pgn;
    }

    /** The register's id of the inschrijving this bericht stored, once stored. */
    public Long getInschrijvingId() {
        return inschrijvingId;
    }

    public void setInschrijvingId(Long inschrijvingId) {
        this.inschrijvingId = inschrijvingId;
    }

    /** Inschrijvingen at other schools this one newly overlaps with (handbook 7.7.4). */
    public List<Long> getDubbeleInschrijvingen() {
        return dubbeleInschrijvingen;
    }

    public List<Signaal> getSignalen() {
        return signalen;
    }

    /** Two rules that find the same fault (the same code, text and gegeven) report it once. */
    public void voegToe(Signaal signaal) {
        if (!signalen.contains(signaal)) {
            signalen.add(signaal);
        }
    }

    public boolean isAfgekeurd() {
        return signalen.stream().anyMatch(Signaal::isAfkeur);
    }

    /** Dates passed the format check already, so they parse. */
    public static LocalDate datum(String waarde) {
        return gevuld(waarde) ? LocalDate.parse(waarde.trim(), FormaatControle.DATUM) : null;
    }

    public static boolean gevuld(String s) {
        return s != null && !s.isBlank();
    }
}
