package nl.bronhub.operator;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JSON as the operator API reads it: what is sent is what is stored, or it is refused (400 naming the field).
 * Unknown properties, duplicate keys, trailing content, 1.5 for a count, "5" for a number or 5 for a text, and dates
 * other than JJJJ-MM-DD (a number, an array, a timestamp) are refused instead of silently converted
 * (spring.jackson.* in config/application.yaml does the rest). Only JSON: no YAML bodies.
 */
@Configuration
public class StrikteJson implements WebMvcConfigurer {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strikteInvoer() {
        return builder -> builder.deserializerByType(LocalDate.class, new Datum()).postConfigurer(m -> {
            for (LogicalType getal : List.of(LogicalType.Integer, LogicalType.Float)) {
                m.coercionConfigFor(getal).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            }
            m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        });
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(c -> c instanceof MappingJackson2YamlHttpMessageConverter);
    }

    /** A date as the API documents it, JJJJ-MM-DD with four digits for the year, and nothing else. */
    static final class Datum extends JsonDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String tekst = p.getText();
            if (!tekst.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, "", "een datum als JJJJ-MM-DD");
            }
            try {
                return LocalDate.parse(tekst);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, "", "geen bestaande datum");
            }
        }
    }
}
