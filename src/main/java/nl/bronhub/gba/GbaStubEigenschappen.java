package nl.bronhub.gba;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The GBA stub (bron.gba.stub.*), read when bron.gba.register is stub.
 *
 * @param bestanden the files of its persons, read in order at start (comma-separated in a property)
 */
@Validated
@ConfigurationProperties("bron.gba.stub")
public record GbaStubEigenschappen(@NotNull @DefaultValue({}) List<String> bestanden) {
}
