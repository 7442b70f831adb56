package nl.bronhub.aanlevering;

import java.util.List;

/** One aanleveren request: who sent it and its berichten in request order. */
public record Aanlevering(String identificatiecode, String brin, String aanleverpuntnummer,
                         List<AangeleverdBericht> berichten) {

    public List<AangeleverdBericht> geaccepteerd() {
        return berichten.stream().filter(b -> !b.isAfgekeurd()).toList();
    }
}
