package nl.bronhub.aanlevering;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.GroepVoorkomen;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;

/**
 * The synchronous format check (handbook 6.3): are the fields filled correctly? Content is checked
 * later. Every finding is an afkeur signal on that bericht only.
 */
@Component
public class FormaatControle implements SignaalBron {

    /**
     * JJJJ-MM-DD, the year in exactly four digits: "uuuu" would also take a signed year of up to nine
     * digits (-999999999-10-01), which then wrapped into a date nobody sent.
     */
    public static final DateTimeFormatter DATUM = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

    /** The years a date in the register can have: a pupil born in year 0 or enrolled in 9999 is a typing error. */
    public static final int EERSTE_JAAR = 1900;
    public static final int LAATSTE_JAAR = 2099;

    /** A date as JJJJ-MM-DD in the years the register knows; otherwise a DateTimeParseException, as for a bad format. */
    public static LocalDate datum(String waarde) {
        LocalDate d = LocalDate.parse(waarde.trim(), DATUM);
        if (d.getYear() < EERSTE_JAAR || d.getYear() > LAATSTE_JAAR) {
            throw new DateTimeParseException("jaar buiten " + EERSTE_JAAR + "-" + LAATSTE_JAAR, waarde, 0);
        }
        return d;
    }

    private static final Pattern IDENTIFICATIE = Pattern.compile("[A-Za-z0-9_-]{1,50}");
    private static final Pattern LANDCODE = Pattern.compile("[0-9]{4}");
    private static final Pattern VESTIGINGSVOLGNUMMER = Pattern.compile("[0-9]{2}");
    private static final Pattern LEERJAAR = Pattern.compile("[0-9]{1,2}");

    private final SignaalCatalogus catalogus;
    private final Clock klok;

    public FormaatControle(SignaalCatalogus catalogus, Clock klok) {
        this.catalogus = catalogus;
        this.klok = klok;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("396", "740", "741", "742", "743", "750", "751", "843");
    }

    public Aanlevering controleer(Aanlevering aanlevering) {
        Set<String> gezien = new HashSet<>();
        for (AangeleverdBericht b : aanlevering.berichten()) {
            if (b.bericht() == null) {
                continue;
            }
            Check c = new Check(b);
            String id = b.bericht().getIdentificatie();
            if (!IDENTIFICATIE.matcher(id).matches() || !gezien.add(id)) {
                c.signaal("396", "identificatie");
            }
            controleer(c, b.bericht());
        }
        return aanlevering;
    }

    private void controleer(Check c, Bericht bericht) {
        String mutatie = c.waarde(bericht.getMutatiesoort(), "mutatiesoort", Waardelijsten.MUTATIESOORT::contains);
        controleer(c, bericht.getLeerling());
        Inschrijving inschrijving = bericht.getInschrijving();
        if ("aanmelden".equals(mutatie) && inschrijving != null) {
            c.signaal("743", "inschrijving");
        } else if (mutatie != null && !"aanmelden".equals(mutatie) && inschrijving == null) {
            c.signaal("740", "inschrijving");
        }
        if (inschrijving != null) {
            controleer(c, inschrijving);
        }
    }

    private void controleer(Check c, Persoon p) {
        String bsn = leeg(p.getBurgerservicenummer()) ? null : p.getBurgerservicenummer().trim();
        if (bsn != null) {
            if (!Pgn.isNegenCijfers(bsn)) {
                c.signaal("742", "burgerservicenummer");
            } else if (!Pgn.isGeldigBsn(bsn)) {
                c.signaal("750", "burgerservicenummer");
            }
        }
        if (bsn != null && !leeg(p.getLandcode()) && !Waardelijsten.NEDERLAND.equals(p.getLandcode().trim())) {
            // handbook 7.1.3: no BSN for a pupil living abroad; the GBA cannot link a foreign address to one
            c.signaal("743", "burgerservicenummer");
        }
        String onderwijsnummer = leeg(p.getOnderwijsnummer()) ? null : p.getOnderwijsnummer().trim();
        if (onderwijsnummer != null) {
            if (!Pgn.isNegenCijfers(onderwijsnummer)) {
                c.signaal("742", "onderwijsnummer");
            } else if (!Pgn.isGeldigOnderwijsnummer(onderwijsnummer)) {
                c.signaal("751", "onderwijsnummer");
            }
        }
        LocalDate geboortedatum = c.datum(p.getGeboortedatum(), "geboortedatum", true);
        if (geboortedatum != null && geboortedatum.isAfter(LocalDate.now(klok))) {
            c.signaal("843", "geboortedatum");
        }
        c.waarde(p.getGeslacht(), "geslacht", Waardelijsten.GESLACHT::contains);
        if (leeg(p.getAchternaam())) {
            c.signaal("740", "achternaam");
        }
        naam(c, p.getAchternaam(), "achternaam");
        naam(c, p.getVoorvoegsel(), "voorvoegsel");
        naam(c, p.getVoornamen(), "voornamen");
        tekst(c, p.getStraatnaam(), "straatnaam");
        tekst(c, p.getHuisnummertoevoeging(), "huisnummertoevoeging");
        tekst(c, p.getWoonplaats(), "woonplaats");
        tekst(c, p.getAdresregelBuitenland1(), "adresregel buitenland 1");
        tekst(c, p.getAdresregelBuitenland2(), "adresregel buitenland 2");
        tekst(c, p.getAdresregelBuitenland3(), "adresregel buitenland 3");
        c.formaat(p.getPostcode(), "postcode", Formaten.POSTCODE);
        c.formaat(p.getLandcode(), "landcode", LANDCODE);
        c.formaat(p.getHuisnummer(), "huisnummer", Formaten.HUISNUMMER);
    }

    private void controleer(Check c, Inschrijving i) {
        c.datum(i.getDatumInschrijving(), "datum inschrijving", true);
        c.datum(i.getDatumUitschrijving(), "datum uitschrijving", false);
        c.formaat(i.getBrinTeruggeplaatsteLeerling(), "BRIN-nummer teruggeplaatste leerling", Formaten.BRIN);
        if (!leeg(i.getAanduidingNnca())) {
            c.waarde(i.getAanduidingNnca(), "aanduiding NNCA", Waardelijsten.NNCA::contains);
        }
        groep(c, i.getVestiging(), "vestiging", v -> VESTIGINGSVOLGNUMMER.matcher(v).matches(), "742");
        groep(c, i.getLeerjaar(), "leerjaar/groep", v -> LEERJAAR.matcher(v).matches(), "742");
        groep(c, i.getSoortVerblijf(), "soort verblijf", Waardelijsten.SOORT_VERBLIJF::contains, "741");
        groep(c, i.getSchoolsoort(), "schoolsoort", Waardelijsten.SCHOOLSOORT::contains, "741");
        groep(c, i.getSoortOnderwijs(), "soort onderwijs", Waardelijsten.SOORT_ONDERWIJS::containsKey, "741");
        groep(c, i.getIndicatieBekostiging(), "indicatie bekostiging", Waardelijsten.INDICATIE_BEKOSTIGING::contains, "741");
        i.getIndicatiestelling().forEach(ind -> {
            c.datum(ind.getDatumIndicatiestelling(), "datum indicatiestelling", true);
            c.waarde(ind.getOnderwijssoortIndicatie(), "onderwijssoort indicatie", Waardelijsten.ONDERWIJSSOORT_INDICATIE::containsKey);
            c.formaat(ind.getBrinRec(), "BRIN-nummer REC indicatiestelling", Formaten.BRIN);
            c.formaat(ind.getCviNummer(), "CVI-nummer indicatiestelling", Formaten.CVI_NUMMER);
        });
        i.getAmbulanteBegeleiding().forEach(ab -> {
            c.datum(ab.getIngangsdatum(), "datum ingang ambulante begeleiding", true);
            c.formaat(ab.getBrinSchool(), "BRIN-nummer school ambulante begeleiding", Formaten.BRIN);
        });
    }

    private static void groep(Check c, List<GroepVoorkomen> voorkomens, String naam, Function<String, Boolean> geldig, String code) {
        for (GroepVoorkomen g : voorkomens) {
            c.datum(g.getIngangsdatum(), "datum ingang " + naam, true);
            if (leeg(g.getWaarde())) {
                c.signaal("740", naam);
            } else if (!geldig.apply(g.getWaarde().trim())) {
                c.signaal(code, naam);
            }
        }
    }

    /**
     * 742 for a name or address line that holds what no name or address has: a control character (a tab or line break,
     * sent as &amp;#9; or &amp;#10;), an invisible formatting character (a right-to-left override that turns the text
     * around on screen, a zero-width space that makes two equal names differ), or a first character that a spreadsheet
     * reads as a formula (=, +, -, @). They would reach mails, the portal and the files other parties read.
     */
    private static boolean tekst(Check c, String waarde, String gegeven) {
        if (waarde == null) {
            return false;
        }
        String t = waarde.strip();
        boolean fout = alsFormule(t);
        // surrounding blanks (a pretty-printed element) are trimmed, as everywhere; inside the text they are not. Per code
        // point, so that a formatting character outside the first plane (a tag character, U+E0041) is seen as one
        fout = fout || t.codePoints().anyMatch(FormaatControle::onzichtbaar) || teVeelTekens(t);
        if (fout) {
            c.signaal("742", gegeven);
        }
        return fout;
    }

    /**
     * A text a spreadsheet reads as a formula: its first character (after blanks) is =, +, - or @ (OWASP's list; no name
     * or address line starts with a hyphen, and -2+3 is a formula as =2+3 is), or a look-alike of one ({@link #FORMULE_BEGIN}).
     */
    public static boolean alsFormule(String waarde) {
        // in the compatibility form: a full-width ＝ or a small ﹢ is the = or + to a spreadsheet as to a reader
        String t = Normalizer.normalize(zonderBlanco(waarde), Normalizer.Form.NFKC);
        return !t.isEmpty() && FORMULE_BEGIN.indexOf(t.charAt(0)) >= 0;
    }

    /**
     * What a formula starts with, after NFKC: = + - @, the pipe (a DDE call in older spreadsheets), and the dashes and
     * the minus sign that NFKC leaves as they are but read as a minus (U+2212 −, U+2010-U+2015): a hostile look got
     * "−Jan" past the rule.
     */
    static final String FORMULE_BEGIN = "=+-@|\u2010\u2011\u2012\u2013\u2014\u2015\u2212";

    /**
     * The text without blanks around it, a no-break space too: {@code strip()} leaves that one, and neither a
     * spreadsheet nor a person reading a name sees it.
     */
    public static String zonderBlanco(String waarde) {
        int begin = 0;
        int eind = waarde.length();
        while (begin < eind && blanco(waarde.charAt(begin))) {
            begin++;
        }
        while (eind > begin && blanco(waarde.charAt(eind - 1))) {
            eind--;
        }
        return waarde.substring(begin, eind);
    }

    private static boolean blanco(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * What no name or address line holds: control, formatting (also tag characters), line and paragraph separators,
     * private use, unassigned code points and noncharacters (U+FDD0, U+FFFF), and the characters that show as nothing
     * though they count as letters or marks: the Hangul fillers, the combining grapheme joiner, the Khmer inherent vowels,
     * variation selectors.
     */
    public static boolean onzichtbaar(int c) {
        int soort = Character.getType(c);
        return soort == Character.CONTROL || soort == Character.FORMAT || soort == Character.LINE_SEPARATOR
                || soort == Character.PARAGRAPH_SEPARATOR || soort == Character.PRIVATE_USE || soort == Character.UNASSIGNED
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x034F || c == 0x17B4 || c == 0x17B5
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x180B && c <= 0x180D);
    }

    /** How many combining marks may follow one another: a Vietnamese vowel has two, a Hebrew letter with its points three. */
    static final int MAX_TEKENS_OP_EEN_LETTER = 3;

    /**
     * Marks stacked on one letter beyond any script's use (text that runs over the lines above and below it in the portal
     * and on letters), or a letter of the mathematical alphabets (U+1D400-U+1D7FF: a name that looks like another's but
     * is not equal to it).
     */
    public static boolean teVeelTekens(String tekst) {
        // decomposed: the marks a precomposed letter carries (ǘ has two) count with those sent after it
        String t = Normalizer.normalize(tekst, Normalizer.Form.NFD);
        int opRij = 0;
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            int soort = Character.getType(c);
            boolean teken = soort == Character.NON_SPACING_MARK || soort == Character.ENCLOSING_MARK
                    || soort == Character.COMBINING_SPACING_MARK;
            opRij = teken ? opRij + 1 : 0;
            if (opRij > MAX_TEKENS_OP_EEN_LETTER || (c >= 0x1D400 && c <= 0x1D7FF)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * A name: as {@link #tekst}, and with at least one letter and no picture characters (an emoji or a symbol such as ©):
     * a name of emoji alone would be registered, counted and printed on letters.
     */
    private static void naam(Check c, String waarde, String gegeven) {
        if (tekst(c, waarde, gegeven) || waarde == null || waarde.isBlank()) {
            return;
        }
        if (!naamachtig(waarde)) {
            c.signaal("742", gegeven);
        }
    }

    private static boolean isTeken(int c) {
        int soort = Character.getType(c);
        return soort == Character.NON_SPACING_MARK || soort == Character.ENCLOSING_MARK || soort == Character.COMBINING_SPACING_MARK;
    }

    /**
     * A letter at least, no picture character, and no combining mark first: the part of the name rule the portal's names
     * share (AanleverpuntGegevens).
     */
    public static boolean naamachtig(String waarde) {
        String kaal = zonderBlanco(waarde);
        // a mark with nothing to sit on (a name that starts with a combining accent) is drawn over what stands before it
        if (!kaal.isEmpty() && isTeken(kaal.codePointAt(0))) {
            return false;
        }
        boolean letter = waarde.codePoints().anyMatch(Character::isLetter);
        boolean plaatje = waarde.codePoints().anyMatch(t -> Character.getType(t) == Character.OTHER_SYMBOL
                || Character.getType(t) == Character.SURROGATE);
        return letter && !plaatje;
    }

    /**
     * A name as the LAS door takes it, for the names a school or the operator types (contact, gemachtigde, board): no
     * formula start, nothing invisible, no stacked marks or mathematical letters, a letter, no picture character.
     */
    public static boolean isNaam(String waarde) {
        String t = waarde.strip();
        return !alsFormule(t) && t.codePoints().noneMatch(FormaatControle::onzichtbaar) && !teVeelTekens(t) && naamachtig(t);
    }

    /** A vestigingsvolgnummer as the contract has it: two digits 0-9 (not full-width or other scripts' digits). */
    public static boolean vestigingsvolgnummer(String waarde) {
        return waarde != null && VESTIGINGSVOLGNUMMER.matcher(waarde).matches();
    }

    static boolean leeg(String s) {
        return s == null || s.isBlank();
    }

    /** Collects the findings for one bericht. */
    private final class Check {
        private final AangeleverdBericht bericht;

        Check(AangeleverdBericht bericht) {
            this.bericht = bericht;
        }

        void signaal(String code, String gegeven) {
            bericht.voegToe(catalogus.signaal(code, gegeven));
        }

        LocalDate datum(String waarde, String gegeven, boolean verplicht) {
            if (leeg(waarde)) {
                if (verplicht) {
                    signaal("740", gegeven);
                }
                return null;
            }
            try {
                return FormaatControle.datum(waarde);
            } catch (DateTimeParseException e) {
                signaal("742", gegeven);
                return null;
            }
        }

        String waarde(String waarde, String gegeven, Function<String, Boolean> inLijst) {
            if (leeg(waarde)) {
                signaal("740", gegeven);
                return null;
            }
            if (!inLijst.apply(waarde.trim())) {
                signaal("741", gegeven);
                return null;
            }
            return waarde.trim();
        }

        void formaat(String waarde, String gegeven, Pattern patroon) {
            if (!leeg(waarde) && !patroon.matcher(waarde.trim()).matches()) {
                signaal("742", gegeven);
            }
        }
    }
}
