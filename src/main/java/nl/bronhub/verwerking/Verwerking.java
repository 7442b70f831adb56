package nl.bronhub.verwerking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.bronhub.model.GbaAntwoord;
import nl.bronhub.model.Bericht;
import nl.bronhub.model.GbaPersoon;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.signaal.Signaal;

/**
 * One bericht on its way through content check, GBA, register and terugkoppeling: the typed bericht, the
 * person register's answer about its pupil (asked once, before the aanleverpunt's lock), and what the
 * stages found. The pupil is replaced once identification has settled who they are.
 */
public final class Verwerking {

    private final long berichtId;
    private final long aanleverpuntId;
    private final String brin;
    private final Bericht bericht;
    private GbaAntwoord gba;
    private Leerling leerling;
    private final List<Signaal> signalen = new ArrayList<>();
    private String pgn;
    private Long inschrijvingId;
    private Long persoonId;
    private final List<Long> dubbeleInschrijvingen = new ArrayList<>();
    private final List<Long> uitschrijfbewijzen = new ArrayList<>();
    private Leerling geregistreerdeLeerling;
    private Inschrijving geregistreerdeInschrijving;
    private boolean sleutelBevestigd;
    /** The BSN the register linked this pupil's onderwijsnummer to, when sent with the onderwijsnummer alone. */
    private String gekoppeldBsn;
    /** The onderwijsnummer the register stage links to this bericht's BSN (both sent; Identificatie checked the pair). */
    private String teKoppelenOnderwijsnummer;
    /** The onderwijsnummer sent that the register holds (or is about to hold) beside the BSN: the answer repeats it. */
    private String gekoppeldOnderwijsnummer;
    /**
     * Sent beside the BSN, is the onderwijsnummer one the register could hold for this pupil (RegisterLezer.leesVoor:
     * the register's pupil of that birth date and sex, linked to no other BSN)? Null until looked at.
     */
    private Boolean onderwijsnummerPast;

    public Verwerking(long berichtId, long aanleverpuntId, String brin, Bericht bericht) {
        this.berichtId = berichtId;
        this.aanleverpuntId = aanleverpuntId;
        this.brin = brin;
        this.bericht = bericht;
        opnieuw();
    }

    /**
     * Back to how the bericht came in, all findings forgotten (the GBA's answer is kept): its transaction was
     * rolled back, and it goes again.
     */
    void opnieuw() {
        leerling = bericht.leerling();
        pgn = leerling.bsn() != null ? leerling.bsn() : gekoppeldBsn != null ? gekoppeldBsn : leerling.onderwijsnummer();
        teKoppelenOnderwijsnummer = null;
        gekoppeldOnderwijsnummer = null;
        onderwijsnummerPast = null;
        signalen.clear();
        inschrijvingId = null;
        persoonId = null;
        dubbeleInschrijvingen.clear();
        uitschrijfbewijzen.clear();
        geregistreerdeLeerling = null;
        geregistreerdeInschrijving = null;
    }

    /**
     * Who the bericht may be about, as far as known before identification: no two berichten of one reeks share a key, so
     * that each sees the register as the ones before it left it (the stages go over the whole reeks one after another).
     * A number sent is a key, and so is the BSN the person register found for a pupil sent without one (755). Where
     * identification may find a pupil sent without a number under an onderwijsnummer by birth date and sex (756), those
     * two are a key as well: of such a pupil, and of a pupil sent with an onderwijsnummer (whose birth date and sex the
     * register's must match, 752). Null when the person register was not asked: the bericht then goes alone.
     */
    Set<String> leerlingSleutels() {
        Leerling zoalsGestuurd = bericht.leerling();
        if (zoalsGestuurd.bsn() != null) {
            // both numbers: the onderwijsnummer's person may become this BSN's (handbook 7.2.4)
            return zoalsGestuurd.onderwijsnummer() == null ? Set.of("pgn " + zoalsGestuurd.bsn())
                    : Set.of("pgn " + zoalsGestuurd.bsn(), "pgn " + zoalsGestuurd.onderwijsnummer());
        }
        String geboorte = "geboren " + zoalsGestuurd.geboortedatum() + " " + zoalsGestuurd.geslacht();
        if (zoalsGestuurd.onderwijsnummer() != null) {
            return gekoppeldBsn == null ? Set.of("pgn " + zoalsGestuurd.onderwijsnummer(), geboorte)
                    : Set.of("pgn " + zoalsGestuurd.onderwijsnummer(), geboorte, "pgn " + gekoppeldBsn);
        }
        if (gba == null) {
            return null;
        }
        List<GbaPersoon> gevonden = gba.gevonden(zoalsGestuurd);
        return gevonden.size() == 1 ? Set.of("pgn " + gevonden.get(0).bsn()) : Set.of(geboorte);
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

    /** The person register's answer about the pupil (GbaVraag asks before the transaction). */
    public GbaAntwoord gba() {
        if (gba == null) {
            throw new IllegalStateException("the person register was not asked about this bericht");
        }
        return gba;
    }

    public void setGba(GbaAntwoord gba) {
        this.gba = gba;
    }

    /** The pupil: as sent, until identification settles them. */
    public Leerling leerling() {
        return leerling;
    }

    public void setLeerling(Leerling leerling) {
        this.leerling = leerling;
    }

    /** The enrolment the bericht carries, or null. */
    public Inschrijving inschrijving() {
        return bericht.inschrijving();
    }

    public Mutatiesoort mutatiesoort() {
        return bericht.mutatiesoort();
    }

    public boolean is(Mutatiesoort soort) {
        return bericht.is(soort);
    }

    /** The persoonsgebonden nummer the pupil is registered under (BSN, or onderwijsnummer). */
    public String getPgn() {
        return pgn;
    }

    public void setPgn(String pgn) {
        this.pgn = pgn;
    }

    /**
     * The pupil was sent with an onderwijsnummer alone, which the register has linked to this BSN (the pupil got one
     * later): the stages judge them as that BSN's pupil. Set before the reeksen are formed; kept when the bericht goes again.
     */
    public void setGekoppeldBsn(String bsn) {
        this.gekoppeldBsn = bsn;
        if (leerling.bsn() == null) {
            pgn = bsn;
        }
    }

    public String getGekoppeldBsn() {
        return gekoppeldBsn;
    }

    /** Sent with a BSN and an onderwijsnummer the register holds for a pupil without one: the register stage links them. */
    public void setTeKoppelenOnderwijsnummer(String onderwijsnummer) {
        this.teKoppelenOnderwijsnummer = onderwijsnummer;
    }

    public String getTeKoppelenOnderwijsnummer() {
        return teKoppelenOnderwijsnummer;
    }

    /** The onderwijsnummer this school sent, which the register holds beside the pupil's BSN (linked now or before). */
    public void setGekoppeldOnderwijsnummer(String onderwijsnummer) {
        this.gekoppeldOnderwijsnummer = onderwijsnummer;
    }

    public String getGekoppeldOnderwijsnummer() {
        return gekoppeldOnderwijsnummer;
    }

    /**
     * The numbers the register may hold this pupil's inschrijvingen under, for the rules that compare with them: the pgn,
     * and an onderwijsnummer sent beside a BSN (the register stage links the two; until then, or if the pair is wrong
     * (752), they are two persons). Empty while the pupil has no number.
     */
    public List<String> registerNummers() {
        if (pgn == null) {
            return List.of();
        }
        String onderwijsnummer = leerling.onderwijsnummer();
        // another child's onderwijsnummer is not this pupil's: its enrolments would give 311 or 400 where the pair is 752
        return leerling.bsn() != null && onderwijsnummer != null && !onderwijsnummer.equals(pgn)
                && !Boolean.FALSE.equals(onderwijsnummerPast) ? List.of(pgn, onderwijsnummer) : List.of(pgn);
    }

    /** Whether the onderwijsnummer sent beside the BSN could be this pupil's (see {@link #registerNummers}). */
    public void setOnderwijsnummerPast(boolean past) {
        this.onderwijsnummerPast = past;
    }

    /** The register's id of the inschrijving this bericht stored, once stored. */
    public Long getInschrijvingId() {
        return inschrijvingId;
    }

    /** The register's ids of the person and of the inschrijving this bericht stored: the later stages need not look them up. */
    public void setInschrijving(long persoonId, long inschrijvingId) {
        this.persoonId = persoonId;
        this.inschrijvingId = inschrijvingId;
    }

    /** The register's id of the person whose inschrijving this bericht stored; null until then, like the inschrijving's. */
    public Long getPersoonId() {
        return persoonId;
    }

    /**
     * What the register stage stored: the pupil and the inschrijving (null when the bericht carried none) as the
     * register now holds them, so that the terugkoppeling need not read them back.
     */
    public void setGeregistreerd(Leerling leerling, Inschrijving inschrijving) {
        this.geregistreerdeLeerling = leerling;
        this.geregistreerdeInschrijving = inschrijving;
    }

    /** Null unless the register stage stored the bericht. */
    public Leerling getGeregistreerdeLeerling() {
        return geregistreerdeLeerling;
    }

    public Inschrijving getGeregistreerdeInschrijving() {
        return geregistreerdeInschrijving;
    }

    /** Inschrijvingen at other schools this one newly overlaps with (handbook 7.7.4). */
    public List<Long> getDubbeleInschrijvingen() {
        return dubbeleInschrijvingen;
    }

    /** Uitschrijfbewijzen this bericht made (their ids): the terugkoppeling stage tells both schools. */
    public List<Long> getUitschrijfbewijzen() {
        return uitschrijfbewijzen;
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

    /**
     * The sender showed it knows the pupil: the number with birth date and sex matched the
     * person register or BRON. Only then may a refused bericht show what the register holds of a pupil who is not
     * enrolled at the sender's school.
     */
    public void bevestigSleutel() {
        sleutelBevestigd = true;
    }

    public boolean isSleutelBevestigd() {
        return sleutelBevestigd;
    }

    public boolean isAfgekeurd() {
        return signalen.stream().anyMatch(Signaal::isAfkeur);
    }
}
