package nl.bronhub.aanlevering;

import java.util.ArrayList;
import java.util.List;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.signaal.Signaal;

/** A bericht during the format check; {@code bericht} is null when it did not pass the XSD. */
public final class AangeleverdBericht {

    private final int positie;
    private final String identificatie;
    private final Bericht bericht;
    private final List<Signaal> signalen = new ArrayList<>();

    public AangeleverdBericht(int positie, String identificatie, Bericht bericht, List<Signaal> xsdSignalen) {
        this.positie = positie;
        this.identificatie = identificatie;
        this.bericht = bericht;
        this.signalen.addAll(xsdSignalen);
    }

    public int positie() {
        return positie;
    }

    public String identificatie() {
        return identificatie;
    }

    public Bericht bericht() {
        return bericht;
    }

    public List<Signaal> signalen() {
        return signalen;
    }

    public void voegToe(Signaal signaal) {
        signalen.add(signaal);
    }

    public boolean isAfgekeurd() {
        return bericht == null || signalen.stream().anyMatch(Signaal::isAfkeur);
    }
}
