package nl.bronhub.contract;

import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Characters XML 1.0 cannot carry (NUL, ESC and the other C0 controls but tab, line feed and carriage
 * return; lone surrogates; U+FFFE and U+FFFF) never reach an answer: register data that holds one
 * (a GBA change once could bring it in) is answered with U+FFFD in its place, instead of an answer that
 * breaks off half-written.
 */
public final class XmlTekens {

    public static final char VERVANGING = '\uFFFD';

    private XmlTekens() {
    }

    public static boolean isToegestaan(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** The text with every character XML cannot carry replaced; the same string when there is none. */
    public static String zuiver(String tekst) {
        if (tekst == null || isZuiver(tekst)) {
            return tekst;
        }
        StringBuilder b = new StringBuilder(tekst.length());
        tekst.codePoints().forEach(c -> {
            if (isToegestaan(c)) {
                b.appendCodePoint(c);
            } else {
                b.append(VERVANGING);
            }
        });
        return b.toString();
    }

    /** Cleans the text and attribute values of a node and everything below it, in place. */
    public static void zuiver(Node node) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            String waarde = node.getNodeValue();
            if (!isZuiver(waarde)) {
                node.setNodeValue(zuiver(waarde));
            }
        }
        NamedNodeMap attributen = node.getAttributes();
        for (int i = 0; attributen != null && i < attributen.getLength(); i++) {
            Attr a = (Attr) attributen.item(i);
            if (!isZuiver(a.getValue())) {
                a.setValue(zuiver(a.getValue()));
            }
        }
        for (Node kind = node.getFirstChild(); kind != null; kind = kind.getNextSibling()) {
            zuiver(kind);
        }
    }

    private static boolean isZuiver(String tekst) {
        for (int i = 0; i < tekst.length(); i++) {
            char c = tekst.charAt(i);
            if (c < 0x20 ? !(c == 0x9 || c == 0xA || c == 0xD) : (c >= 0xD800 && c <= 0xDFFF) || c >= 0xFFFE) {
                // surrogates are fine when paired; the slow path decides
                if (Character.isSurrogate(c) && tekst.codePoints().allMatch(XmlTekens::isToegestaan)) {
                    return true;
                }
                return false;
            }
        }
        return true;
    }
}
