package nl.bronhub.overview;

import nl.bronhub.signal.Ernst;
import nl.bronhub.signal.Signaal;
import nl.bronhub.signal.SignaalFout;
import org.springframework.stereotype.Component;

/** Opvragen registratieoverzicht (handbook 7.7.2): in the contract already, answered in a later version. */
@Component
public class Registratieoverzicht {

    public void opvragen() {
        throw new SignaalFout(new Signaal("358", Ernst.AFKEUR,
                "Het registratieoverzicht wordt nog niet ondersteund door deze versie van de hub.", "registratieoverzichtVerzoek"));
    }
}
