package nl.bronhub;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a school turns with a question (bron.helpdesk.*), checked at start. An empty telefoon, email or url leaves
 * that line out of the pages and mails.
 *
 * @param naam     the helpdesk's name as schools read it
 * @param telefoon its phone number
 * @param email    its e-mail address
 * @param url      its web page
 */
@Validated
@ConfigurationProperties("bron.helpdesk")
public record HelpdeskEigenschappen(@NotBlank @DefaultValue("Helpdesk BRON") String naam,
                                    @DefaultValue("") String telefoon,
                                    @Email @DefaultValue("") String email,
                                    @DefaultValue("") String url) {
}
