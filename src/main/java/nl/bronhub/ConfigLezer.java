package nl.bronhub;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the operator-owned YAML files in config/ (signal catalogue, reference register, GBA stub,
 * aanleverpunt seed). Its mapper is kept to itself, so the operator API keeps Spring Boot's JSON mapper.
 */
@Component
public class ConfigLezer {

    /** Operator files are local and trusted; a GBA stub for a whole population runs to hundreds of MB. */
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(onbegrensd()).build())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static LoaderOptions onbegrensd() {
        LoaderOptions opties = new LoaderOptions();
        opties.setCodePointLimit(Integer.MAX_VALUE);
        return opties;
    }

    public <T> T lees(String bestand, Class<T> type, String wat) {
        try {
            return yaml.readValue(new File(bestand.trim()), type);
        } catch (IOException e) {
            throw new UncheckedIOException(wat + " " + bestand + " cannot be read", e);
        }
    }
}
