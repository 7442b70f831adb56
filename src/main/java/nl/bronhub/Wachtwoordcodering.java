package nl.bronhub;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring's password encoder (bcrypt), with one guard: bcrypt reads at most 72 bytes of a password, and Spring's
 * {@code matches} does not refuse a longer one, so a set password of 72 bytes followed by anything at all signed in.
 * Here a longer password never matches (setting one is refused where passwords are set). A password is compared in its
 * composed form (NFC): é typed as one character or as e and an accent (as some keyboards and systems send it) is one
 * password; a hash set before that, of a decomposed password, still matches it as typed then.
 */
public final class Wachtwoordcodering {

    /** What bcrypt reads of a password, in bytes of UTF-8. */
    public static final int MAX_BYTES = 72;

    private Wachtwoordcodering() {
    }

    public static PasswordEncoder nieuw() {
        PasswordEncoder spring = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence wachtwoord) {
                return spring.encode(normaal(wachtwoord));
            }

            @Override
            public boolean matches(CharSequence wachtwoord, String hash) {
                if (wachtwoord == null) {
                    return false;
                }
                String normaal = normaal(wachtwoord);
                return (!teLang(normaal) && spring.matches(normaal, hash))
                        || (!normaal.contentEquals(wachtwoord) && !teLang(wachtwoord) && spring.matches(wachtwoord, hash));
            }

            @Override
            public boolean upgradeEncoding(String hash) {
                return spring.upgradeEncoding(hash);
            }
        };
    }

    /** The password as it is compared and stored: composed (NFC). */
    public static String normaal(CharSequence wachtwoord) {
        return wachtwoord == null ? null : Normalizer.normalize(wachtwoord, Normalizer.Form.NFC);
    }

    public static boolean teLang(CharSequence wachtwoord) {
        return wachtwoord.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
