package nl.bronhub.registratie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
        @Pattern(regexp = ZONDER_LINK, message = GEEN_LINK) @Naam String contactpersoon,
        @Size(max = 200, message = "is langer dan 200 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken")
        @Pattern(regexp = ZONDER_LINK, message = GEEN_LINK) @Naam String gemachtigdeNaam,
        @Email(regexp = EMAIL, message = "is geen geldig e-mailadres")
        @Size(max = 254, message = "is langer dan 254 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken") String gemachtigdeEmail,
        LocalDate wachtwoordbriefDatum,
        // the portal's bounds (PortaalController.norm): a normaantal 0 leaves the pupils' score unjudged, "n.v.t.", and a
        // school behind is not told; more than 99999 is a typo
        @Min(value = 1, message = "moet minstens 1 zijn") @Max(value = 99_999, message = "moet hoogstens 99999 zijn") Integer normLeerlingen,
        @PositiveOrZero(message = "mag niet negatief zijn") @Max(value = 99_999, message = "moet hoogstens 99999 zijn") Integer normAbLeerlingen,
        @Size(max = 200, message = "is langer dan 200 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken")
        @Pattern(regexp = ZONDER_LINK, message = GEEN_LINK) @Naam String bestuurNaam,
        @Email(regexp = EMAIL, message = "is geen geldig e-mailadres")
        @Size(max = 254, message = "is langer dan 254 tekens") @Pattern(regexp = ZONDER_STUURTEKENS, message = "bevat een stuurteken of onzichtbaar teken") String bestuurEmail,
        @Pattern(regexp = "[0-9]{5}", message = "moet vijf cijfers zijn (het bestuursnummer van het bevoegd gezag)") String bestuurNummer) {

    /**
     * No control character, no lone surrogate, no invisible formatting character (a right-to-left override
     * turns "40003" into "30004" on the board's page; zero-width spaces make a name of nothing), no line or
     * paragraph separator and no unassigned code point (U+FFFF): they would end up in mails, the portal and the
     * operator's screens. The LAS door refuses the same in names (FormaatControle).
     */
    /**
     * A full stop, what a browser's address bar reads as one (IDNA: the ideographic and full-width full stops), and the
     * full stops of other scripts that look like one to a reader (a hostile look wrote "evil։com" with the Armenian one).
     */
    private static final String PUNT = "[.\\u3002\\uFF0E\\uFF61\\uFE52\\u2024\\u0589\\u06D4\\u0701\\u0702\\u1362\\u166E\\u1803\\u1809\\u2E3C\\uA4FF\\uA60E\\uA6F3]";

    /**
     * A name (a contact, a gemachtigde, a board) looks like a name: the hub writes it into the mails it sends as
     * Organisatie BRON ("Beste ...") and on the board's pages, so a name of a school's choosing must not carry a web or
     * e-mail address (a mail client makes a link of it) or a phone number to call (hostile schools' findings). Refused:
     * {@code < > @ :} (and their full-width forms), "www." and a word.word of two letters or more each (a domain, also
     * with the ideographic or full-width full stop a browser reads as a dot), more than four digits in all, and a first
     * = + - or | (a spreadsheet's formula, as the LAS door and the watched directories refuse it; the dashes and the minus
     * sign that look like a -, too). Initials
     * ("J.P. de Vries"), "St. Jozef" and "Stichting Onderwijsgroep 2000" pass.
     */
    // linear in the text's length, also for the megabyte a hostile form sends (every constraint is checked, @Size's too): a
    // run of letters is tried from its first letter only (the look-behind), and possessively; a plain [\p{L}]{2,}\. tried
    // every start in a run and backtracked through each, and a form of a million letters held a request thread for minutes
    public static final String ZONDER_LINK = "(?s)(?![\\s\\u00A0]*[=+\\-|\\uFF1D\\uFF0B\\uFF0D\\uFE62\\uFE63\\uFF5C\\u2010-\\u2015\\u2212])(?!.*?(?:[<>@:\\uFF1C\\uFF1E\\uFF20\\uFF1A]|(?i:www)" + PUNT
            + "|(?<![\\p{L}\\p{N}-])[\\p{L}\\p{N}-]{2,}+" + PUNT + "\\p{L}{2}))(?!(?:[^\\p{Nd}]*+\\p{Nd}){5}).*";

    static final String GEEN_LINK = "mag geen webadres, e-mailadres of telefoonnummer bevatten (geen www., geen woord.woord zoals een "
            + "domeinnaam, geen :, @, < of >, hoogstens vier cijfers, en niet beginnen met =, +, - of |)";

    /**
     * An e-mail address the hub's mail relay delivers as meant: a plain local part (letters, digits, . _ + ' -; not first
     * a + or -, which a spreadsheet reads as a formula) and a
     * domain name; no address literal ({@code a@[127.0.0.1]}: the relay, or an internal host), no {@code %} routing, no
     * letters outside ASCII (a full-width look-alike).
     */
    public static final String EMAIL = "[A-Za-z0-9_][A-Za-z0-9._+'-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}";

    public static final String ZONDER_STUURTEKENS =
            "[^\\p{Cntrl}\\p{Cs}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cn}\\p{Co}\\uFFFD\\u3164\\u2800\\u115F\\u1160\\uFFA0]*";

    /**
     * A short mark of the fields a school edits in the portal (SHA-256 of them, 16 hex digits): its form carries the mark of
     * the data it showed, and a save whose mark is no longer the stored data's is refused, so that a form left open does not
     * put back what the helpdesk or another window changed meanwhile (a hostile school's finding).
     */
    public String versie() {
        String velden = String.join("\u0000", String.valueOf(contactpersoon), String.valueOf(gemachtigdeNaam),
                String.valueOf(gemachtigdeEmail), String.valueOf(bestuurNaam), String.valueOf(bestuurEmail),
                String.valueOf(normLeerlingen), String.valueOf(normAbLeerlingen));
        return merk(velden, 8);
    }

    /** The mark of all fields (12 bytes of SHA-256, in hex): the operator API's ETag of the aanleverpunt's data. */
    public String versieVanAlles() {
        return merk(toString(), 12);
    }

    private static String merk(String tekst, int bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(tekst.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

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
