package nl.bronhub.registry;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What the registry keeps of an aanleverpunt (connection plan steps 2, 6, 8): its LAS, contact
 * person, the gemachtigde who receives the voortgangsmails, the wachtwoordbrief date that starts the
 * connection phase, and the normaantallen the school declared.
 */
public record AanleverpuntGegevens(
        @Size(max = 100, message = "is langer dan 100 tekens") String las,
        @Size(max = 200, message = "is langer dan 200 tekens") String contactpersoon,
        @Size(max = 200, message = "is langer dan 200 tekens") String gemachtigdeNaam,
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "is geen geldig e-mailadres")
        @Size(max = 254, message = "is langer dan 254 tekens") String gemachtigdeEmail,
        LocalDate wachtwoordbriefDatum,
        @PositiveOrZero(message = "mag niet negatief zijn") Integer normLeerlingen,
        @PositiveOrZero(message = "mag niet negatief zijn") Integer normAbLeerlingen) {
}
