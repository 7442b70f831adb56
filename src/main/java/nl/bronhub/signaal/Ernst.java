package nl.bronhub.signaal;

/** Severity of a signaal: afkeur rejects (nothing stored), attentie stores and flags. */
public enum Ernst {
    AFKEUR, ATTENTIE;

    public String code() {
        return name().toLowerCase();
    }

    public static Ernst van(String code) {
        return valueOf(code.trim().toUpperCase());
    }
}
