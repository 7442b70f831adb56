package nl.bronhub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.regex.Pattern;

import nl.bronhub.aanlevering.FormaatControle;
import org.springframework.stereotype.Component;

/**
 * Reads a file an operator dropped into a watched directory (GBA changes, AB lists) as text, or refuses
 * it with a reason for fout/: only a regular file (a symbolic link is not followed), not empty, at most
 * the directory's size limit, UTF-8 (a byte order mark is dropped), and no control characters.
 */
@Component
public class Afleverbestanden {

    public static final String MOET_UTF8 = "het bestand moet UTF-8 zijn (zonder of met BOM)";

    /**
     * What a file's name may hold of a person, masked in the log: a BSN or onderwijsnummer (nine digits or more) and a
     * date (a birth date: 2016-03-14, 14-03-2016, 20160314; digits between - . or _). A name of letters is the operator's
     * choice and is logged as given: the README asks for no person's name in a file's name.
     */
    private static final Pattern PERSOONSGEGEVEN_IN_NAAM = Pattern.compile("[0-9]{9,}|[0-9]{1,4}[-._][0-9]{1,2}[-._][0-9]{1,4}|[0-9]{8}");

    /** The text of the file at {@code pad}; refused (OngeldigeInvoer) when it is not a small, regular UTF-8 file. */
    public String lees(String pad, long maxBytes) throws IOException {
        Path bestand = Path.of(pad);
        BasicFileAttributes a = Files.readAttributes(bestand, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new OngeldigeInvoer(AfleverFilter.GEEN_GEWOON_BESTAND);
        }
        if (a.size() == 0) {
            throw new OngeldigeInvoer(leeg());
        }
        if (a.size() > maxBytes) {
            throw new OngeldigeInvoer(teGroot(maxBytes));
        }
        byte[] bytes;
        // O_NOFOLLOW: a file swapped for a link after the check above is not read either
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(bestand, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw new OngeldigeInvoer(teGroot(maxBytes));
        }
        if (bytes.length == 0) {
            throw new OngeldigeInvoer(leeg());
        }
        return tekst(bytes);
    }

    static String leeg() {
        return "het bestand is leeg (0 bytes), waarschijnlijk een onvolledige upload";
    }

    static String teGroot(long maxBytes) {
        return "het bestand is groter dan " + maxBytes + " bytes, de grens van deze map; het is niet gelezen";
    }

    /** Strict UTF-8, without its BOM; other encodings are refused with the line they fail on. */
    static String tekst(byte[] bytes) {
        int begin = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            begin = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe)) {
            throw new OngeldigeInvoer("het bestand is UTF-16; " + MOET_UTF8);
        }
        // UTF-16 without a BOM: every other byte of ASCII text is NUL (a single NUL is a control character, named below)
        if (bytes.length - begin >= 4 && ((bytes[begin] == 0 && bytes[begin + 2] == 0) || (bytes[begin + 1] == 0 && bytes[begin + 3] == 0))) {
            throw new OngeldigeInvoer("het bestand is UTF-16; " + MOET_UTF8);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, begin, bytes.length - begin);
        CharBuffer uit = CharBuffer.allocate(bytes.length);
        CoderResult r = utf8.decode(in, uit, true);
        if (!r.isError()) {
            r = utf8.flush(uit);
        }
        if (r.isError()) {
            throw new OngeldigeInvoer("regel " + regelVan(bytes, in.position()) + ": geen geldige UTF-8 (Latin-1 of Windows-1252?); " + MOET_UTF8);
        }
        return uit.flip().toString();
    }

    private static int regelVan(byte[] bytes, int positie) {
        int regel = 1;
        for (int i = 0; i < positie && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                regel++;
            }
        }
        return regel;
    }

    /**
     * Refuses the text when a line holds a character no name, date or number ever has: a C0 or C1
     * control (also TAB), DEL, a format or line/paragraph separator character, a lone surrogate, a
     * private-use or non-character code point, anything XML 1.0 does not allow. Lines end in LF or CRLF.
     *
     * @param kolommen the field names in order (';'-separated), for the reason; beyond it "veld n"
     */
    public static void controleerTekens(String tekst, List<String> kolommen) {
        int regel = 1;
        int veld = 0;
        for (int i = 0; i < tekst.length(); ) {
            int c = tekst.codePointAt(i);
            int volgende = i + Character.charCount(c);
            if (c == '\n') {
                regel++;
                veld = 0;
            } else if (c == '\r' && volgende < tekst.length() && tekst.charAt(volgende) == '\n') {
                // CRLF
            } else if (c == ';') {
                veld++;
            } else if (!toegestaan(c)) {
                String naam = veld < kolommen.size() ? kolommen.get(veld) : "veld " + (veld + 1);
                throw new OngeldigeInvoer("regel " + regel + ": " + naam + " bevat een stuurteken of ander niet-toegestaan teken (U+"
                        + String.format("%04X", c) + ")");
            }
            i = volgende;
        }
    }

    static boolean toegestaan(int c) {
        if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
            return false;
        }
        // also what shows as nothing though it counts as a letter or mark (Hangul fillers, variation selectors), as the LAS door
        return Character.getType(c) != Character.SURROGATE && !FormaatControle.onzichtbaar(c);
    }

    /**
     * A file name as it may go into a log line: no control characters (no forged lines), at most 100 characters, and a
     * run of nine digits or more (a BSN an operator put in the name) as asterisks, as the log does with request ids.
     */
    public static String veilig(String naam) {
        if (naam == null) {
            return null;
        }
        return PERSOONSGEGEVEN_IN_NAAM.matcher(zonderStuurtekens(naam, 100, '?')).replaceAll("*");
    }

    /** At most {@code max} characters of the name, each that {@link #toegestaan} refuses as {@code teken}. */
    static String zonderStuurtekens(String naam, int max, char teken) {
        StringBuilder s = new StringBuilder();
        naam.codePoints().limit(max).forEach(c -> s.appendCodePoint(toegestaan(c) ? c : teken));
        return s.toString();
    }
}
