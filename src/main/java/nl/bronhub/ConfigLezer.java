package nl.bronhub;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.stereotype.Component;

/**
 * Reads the operator-owned YAML files in config/ (signal catalogue, reference register, GBA stub,
 * aanleverpunt seed). Its mapper is kept to itself, so the operator API keeps Spring Boot's JSON mapper.
 */
@Component
public class ConfigLezer {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public <T> T lees(String bestand, Class<T> type, String wat) {
        try {
            return yaml.readValue(new File(bestand.trim()), type);
        } catch (IOException e) {
            throw new UncheckedIOException(wat + " " + bestand + " cannot be read", e);
        }
    }
}
