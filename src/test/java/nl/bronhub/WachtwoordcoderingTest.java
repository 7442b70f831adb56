package nl.bronhub;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's, the afnemers' and the operator's passwords are checked with this encoder. */
class WachtwoordcoderingTest {

    /** bcrypt reads 72 bytes: Spring's own encoder lets the set password with anything after it sign in; this one does not. */
    @Test
    void eenWachtwoordMetIetsErachterPastNiet() {
        PasswordEncoder encoder = Wachtwoordcodering.nieuw();
        String begin = "tweeënzeventig bytes (de ë telt voor twee): ";
        String wachtwoord = begin + "a".repeat(72 - begin.getBytes(StandardCharsets.UTF_8).length);
        assertThat(wachtwoord.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        String hash = encoder.encode(wachtwoord);

        assertThat(encoder.matches(wachtwoord, hash)).isTrue();
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(wachtwoord + "x", hash))
                .as("Spring's encoder alone: the reason for the guard").isTrue();
        for (String langer : new String[] {wachtwoord + "x", wachtwoord + " ", wachtwoord + "é", wachtwoord + "raden".repeat(20)}) {
            assertThat(encoder.matches(langer, hash)).as(langer).isFalse();
        }
        assertThat(encoder.matches(wachtwoord.substring(1), hash)).isFalse();
        assertThat(encoder.matches(null, hash)).isFalse();
    }
}
