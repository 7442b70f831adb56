package nl.bronhub.signaal;

import java.util.Set;

/** A bean that raises signals. The catalogue checks at start-up that it knows every code listed here. */
public interface SignaalBron {

    Set<String> signaalcodes();
}
