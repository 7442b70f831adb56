package nl.bronhub.operator;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heading of the operator API's OpenAPI description (/v3/api-docs, springdoc): what it is and how
 * to sign in. The operations themselves springdoc reads from the controllers in this package.
 */
@Configuration
public class OperatorApiBeschrijving {

    @Bean
    public OpenAPI operatorApi() {
        return new OpenAPI()
                .info(new Info().title("bron-hub operator-API")
                        .description("Het beheer van de hub: aanleverpuntregister, certificaten en mandaten, scholen (fase, GTB, "
                                + "AB-vergelijking), geparkeerde berichten, voortgangsmails en audit. Alleen aan de operatordeur "
                                + "(bron.operator.poort), met HTTP Basic. Elke weigering (4xx) is application/problem+json "
                                + "(RFC 9457) met type, title, status, detail en, waar het om één veld gaat, veld.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("operator",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("operator"));
    }
}
