package nl.bronhub.voortgang;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub sends mail (bron.mail.*), checked at start.
 *
 * @param ingebouwd      an SMTP server inside the hub (the demo's), whose mails the operator API shows
 * @param ingebouwdPoort that server's port
 * @param uri            the Camel mail endpoint the mails go to (route voortgangsmails): the relay in production
 * @param afzender       the From of every mail the schools get
 */
@Validated
@ConfigurationProperties("bron.mail")
public record MailEigenschappen(@DefaultValue("false") boolean ingebouwd,
                                @Min(1) @Max(65535) @DefaultValue("3025") int ingebouwdPoort,
                                @NotBlank String uri,
                                @NotBlank String afzender) {
}
