package nl.bronhub.registratie;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What the registry keeps of an aanleverpunt (connection plan steps 2, 6, 8): its LAS, contact
 * person, the gemachtigde who receives the voortgangsmails, the wachtwoordbrief date that starts the
 * connection phase, the normaantallen the school declared, and its bestuur (which receives the
 * end-of-phase message, step 13) with its bestuursnummer, which decides whose dashboard shows the
 * school; the operator sets that number, a school cannot.
 */
public record AanleverpuntGegevens(
        @Size(max = 100, message = "is langer dan 100 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken") String las,
        @Size(max = 200, message = "is langer dan 200 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken")
        @Pattern(regexp = ZONDER_LINK, message = GEEN_LINK) String contactpersoon,
        @Size(max = 200, message = "is langer dan 200 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken")
        @Pattern(regexp = ZONDER_LINK, message = GEEN_LINK) String gemachtigdeNaam,
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "is geen geldig e-mailadres")
        @Size(max = 254, message = "is langer dan 254 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken") String gemachtigdeEmail,
        LocalDate wachtwoordbriefDatum,
        @PositiveOrZero(message = "mag niet negatief zijn") Integer normLeerlingen,
        @PositiveOrZero(message = "mag niet negatief zijn") Integer normAbLeerlingen,
        @Size(max = 200, message = "is langer dan 200 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken")
        @Pattern(regexp = ZONDER_LINK, message = GEEN_LINK) String bestuurNaam,
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "is geen geldig e-mailadres")
        @Size(max = 254, message = "is langer dan 254 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken") String bestuurEmail,
        @Pattern(regexp = "[0-9]{5}", message = "moet vijf cijfers zijn (het bestuursnummer van het bevoegd gezag)") String bestuurNummer) {

    /**
     * No control character, no lone surrogate, no invisible formatting character (a right-to-left override
     * turns "40003" into "30004" on the board's page; zero-width spaces make a name of nothing), no line or
     * paragraph separator and no unassigned code point (U+FFFF): they would end up in mails, the portal and the
     * operator's screens. The LAS door refuses the same in names (FormaatControle).
     */
    /**
     * A name (a contact, a gemachtigde, a board) holds no web or e-mail address and no markup: names are written into the
     * mails the hub sends as Organisatie BRON ("Beste ..."), where a mail client makes a link of an address, so a name of
     * a school's choosing could send its board to any site (a hostile school's finding). Refused: {@code < > @}, "://",
     * "www." and a word.word of two letters or more each (a domain); initials ("J.P. de Vries") and "St. Jozef" pass.
     */
    public static final String ZONDER_LINK = "(?!.*([<>@]|://|(?i:www)\\.|[\\p{L}\\p{N}-]{2,}\\.\\p{L}{2,})).*";

    static final String GEEN_LINK = "mag geen webadres, e-mailadres of de tekens < en > bevatten";

    public static final String ZONDER_STUURTEKENS = "[^\\p{Cntrl}\\p{Cs}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cn}]*";

    /**
     * What a school may change itself in the portal: its contact data and normaantallen, not its LAS, its
     * phase, or the board that follows it (that is the operator's, or a school could leave its board's view).
     */
    public AanleverpuntGegevens doorSchool(String contactpersoon, String gemachtigdeNaam, String gemachtigdeEmail, String bestuurNaam,
                                           String bestuurEmail, Integer normLeerlingen, Integer normAbLeerlingen) {
        return new AanleverpuntGegevens(las, contactpersoon, gemachtigdeNaam, gemachtigdeEmail, wachtwoordbriefDatum, normLeerlingen,
                normAbLeerlingen, bestuurNaam, bestuurEmail, bestuurNummer);
    }
}
