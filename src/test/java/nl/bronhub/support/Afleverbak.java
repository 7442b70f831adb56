package nl.bronhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/** A directory the hub watches for files an operator drops (GBA changes, AB lists), as the operator uses it. */
public record Afleverbak(Path map) {

    /** Drops a file as an operator would: written beside the directory, then moved in whole. */
    public String leg(String naam, String inhoud) {
        try {
            Files.createDirectories(map);
            Path tijdelijk = Files.writeString(map.resolveSibling(naam + ".tmp"), inhoud);
            Files.move(tijdelijk, map.resolve(naam), StandardCopyOption.ATOMIC_MOVE);
            return naam;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file once the hub has moved it to {@code naar} (verwerkt or fout). */
    public Path wachtTotVerplaatst(String naam, String naar) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Stream<Path> bestanden = Files.list(map.resolve(naar))) {
                // verwerkt/ and fout/ both put the time the file was taken before its name
                return bestanden.filter(p -> p.getFileName().toString().endsWith("-" + naam)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        }, p -> p != null && !Files.exists(map.resolve(naam)));
    }

    /** The reason beside a file the hub moved to fout/. */
    public static Path reden(Path fout) {
        return fout.resolveSibling(fout.getFileName() + ".reden.txt");
    }

    /** Clears what an earlier run left of this name in verwerkt/ and fout/ (the directory outlives a build's first run). */
    public void vergeet(String naam) {
        for (String sub : new String[] {"verwerkt", "fout"}) {
            try (Stream<Path> bestanden = Files.list(map.resolve(sub))) {
                for (Path p : bestanden.filter(p -> p.getFileName().toString().contains(naam)).toList()) {
                    Files.delete(p);
                }
            } catch (NoSuchFileException nogNiet) {
                // nothing left yet
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
