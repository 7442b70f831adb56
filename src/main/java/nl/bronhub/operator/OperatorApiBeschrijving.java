package nl.bronhub.operator;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heading of the operator API's OpenAPI description (/v3/api-docs, springdoc): what it is, how to
 * sign in, and the one shape of every refusal (OperatorFouten). The operations themselves springdoc
 * reads from the controllers in this package.
 */
@Configuration
public class OperatorApiBeschrijving {

    private static final String PROBLEEM = "Probleem";

    @Bean
    public OpenAPI operatorApi() {
        return new OpenAPI()
                .info(new Info().title("bron-hub operator-API")
                        .description("Het beheer van de hub: aanleverpuntregister, certificaten en mandaten, scholen (fase, GTB, "
                                + "AB-vergelijking), geparkeerde berichten, voortgangsmails, push-eindpunten en audit. Alleen aan de operatordeur "
                                + "(bron.operator.poort), met HTTP Basic. Elke weigering (4xx) is application/problem+json "
                                + "(RFC 9457) met type, title, status, detail en, waar het om één veld gaat, veld.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("operator",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("operator"));
    }

    /** Every operation can be refused: 401 without the operator's sign-in, and the other 4xx in the same shape. */
    @Bean
    public OpenApiCustomizer weigeringen() {
        return api -> {
            api.getComponents().addSchemas(PROBLEEM, probleem());
            api.getPaths().values().forEach(pad -> pad.readOperations().forEach(operatie -> {
                Content inhoud = new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEEM)));
                operatie.getResponses().addApiResponse("401", new ApiResponse().description("niet (goed) ingelogd").content(inhoud));
                operatie.getResponses().addApiResponse("4XX", new ApiResponse()
                        .description("geweigerd: ongeldige invoer (400, met veld), niet gevonden (404), conflict (409), ...").content(inhoud));
            }));
        };
    }

    private static Schema<?> probleem() {
        return new ObjectSchema().description("RFC 9457 problem details, zoals de hub elke weigering (4xx) geeft")
                .addProperty("type", new StringSchema().description("urn:bron-hub:probleem:<soort>, bijv. ongeldige-waarde, "
                        + "onleesbare-invoer, ongeldige-invoer, niet-gevonden, conflict, methode-niet-toegestaan, mediatype-niet-ondersteund"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("wat er mis is, in het Nederlands; nooit de gestuurde waarde"))
                .addProperty("instance", new StringSchema())
                .addProperty("veld", new StringSchema().description("de parameter of JSON-eigenschap waar het om gaat (bijv. aantal, "
                        + "normLeerlingen, [0].pgn), als het om één veld gaat"));
    }
}
