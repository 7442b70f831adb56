package nl.bronhub;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring's password encoder (bcrypt), with one guard: bcrypt reads at most 72 bytes of a password, and Spring's
 * {@code matches} does not refuse a longer one, so a set password of 72 bytes followed by anything at all signed in.
 * Here a longer password never matches (setting one is refused where passwords are set).
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
                return spring.encode(wachtwoord);
            }

            @Override
            public boolean matches(CharSequence wachtwoord, String hash) {
                return wachtwoord != null && !teLang(wachtwoord) && spring.matches(wachtwoord, hash);
            }

            @Override
            public boolean upgradeEncoding(String hash) {
                return spring.upgradeEncoding(hash);
            }
        };
    }

    public static boolean teLang(CharSequence wachtwoord) {
        return wachtwoord.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
