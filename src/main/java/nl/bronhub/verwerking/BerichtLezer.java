package nl.bronhub.verwerking;

import java.util.Map;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.Contract;
import nl.bronhub.soap.ContractVertaling;
import org.springframework.stereotype.Component;

/** A stored bericht (a row of the intake table, which passed the format check) into a Verwerking on the typed model. */
@Component
public class BerichtLezer {

    private final Contract contract;

    public BerichtLezer(Contract contract) {
        this.contract = contract;
    }

    public Verwerking lees(Map<String, Object> rij) {
        return new Verwerking(((Number) rij.get("id")).longValue(), ((Number) rij.get("aanleverpunt_id")).longValue(),
                (String) rij.get("brin"), ContractVertaling.naarModel(contract.lees((String) rij.get("inhoud"), Bericht.class)));
    }
}
