package nl.bronhub.aanlevering;

import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.BerichtResultaat;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.Contract;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.springframework.stereotype.Component;

/** The synchronous answer: per bericht, in request order, ontvangen or afkeur with its signals. */
@Component
public class AanleverAntwoord {

    private final Contract contract;

    public AanleverAntwoord(Contract contract) {
        this.contract = contract;
    }

    public CxfPayload<?> antwoord(Aanlevering aanlevering) {
        AanleverenAntwoord antwoord = new AanleverenAntwoord();
        antwoord.setIdentificatiecodeBedrijfsdocument(aanlevering.identificatiecode());
        for (AangeleverdBericht b : aanlevering.berichten()) {
            BerichtResultaat r = new BerichtResultaat();
            r.setPositie(b.positie());
            r.setBerichtIdentificatie(b.identificatie());
            r.setStatus(b.isAfgekeurd() ? Ontvangststatus.AFKEUR : Ontvangststatus.ONTVANGEN);
            b.signalen().forEach(s -> r.getSignaal().add(Contract.alsContract(s)));
            antwoord.getBerichtResultaat().add(r);
        }
        return contract.alsPayload(antwoord);
    }
}
