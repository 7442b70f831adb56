package nl.bronhub.signaal;

import java.util.List;

/** The request as a whole is refused with these signals (answered as a SOAP fault, nothing stored). */
public class SignaalFout extends RuntimeException {

    private final transient List<Signaal> signalen;

    public SignaalFout(Signaal signaal) {
        this(List.of(signaal));
    }

    public SignaalFout(List<Signaal> signalen) {
        super("signaal " + signalen.get(0).code());
        this.signalen = List.copyOf(signalen);
    }

    public List<Signaal> signalen() {
        return signalen;
    }
}
