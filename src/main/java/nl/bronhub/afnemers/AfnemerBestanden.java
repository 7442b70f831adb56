package nl.bronhub.afnemers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * A delivery as a file, for an afnemer that collects files rather than calling the API: the CSV of the API, written
 * to bron.afnemers.bestanden/{code}/{soort}-{peildatum}.csv (what moves it on to the afnemer, an SFTP outbox say, is
 * outside the hub). Written under a dot-name first and then renamed, so a reader never sees half a file; a second
 * write of the same delivery replaces the first. Recorded in the afnemers' trail with formaat 'bestand'.
 */
@Component
public class AfnemerBestanden {

    public record Geschreven(String afnemer, String soort, LocalDate peildatum, String bestand, int cellen, int onderdrukt) {
    }

    private final String map;
    private final Leveringen leveringen;
    private final AfnemerSpoor spoor;

    public AfnemerBestanden(AfnemerEigenschappen eigenschappen, Leveringen leveringen, AfnemerSpoor spoor) {
        this.map = eigenschappen.bestanden().trim();
        this.leveringen = leveringen;
        this.spoor = spoor;
    }

    public boolean aan() {
        return !map.isEmpty();
    }

    /** Writes the delivery; the caller has checked that the afnemer exists and may receive this kind. */
    public Geschreven schrijf(String code, Leveringsoort soort, LocalDate peildatum) throws IOException {
        if (!aan() || !Afnemers.CODE.matcher(code).matches()) {
            throw new IllegalStateException("no file delivery for this afnemer");
        }
        // the code is letters, digits and dashes only (Afnemers.CODE): it cannot leave the directory
        Path map = Path.of(this.map).resolve(code);
        Files.createDirectories(map);
        Leveringen.Levering levering = leveringen.maak(soort, peildatum);
        String naam = soort.naam() + "-" + peildatum + ".csv";
        Path tijdelijk = Files.createTempFile(map, ".", ".tmp");
        try {
            Files.writeString(tijdelijk, Leveringen.csv(levering), StandardCharsets.UTF_8);
            Files.move(tijdelijk, map.resolve(naam), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tijdelijk);
        }
        spoor.vastleggen(code, soort, peildatum, "bestand", levering.cellen(), levering.onderdrukt(), 200, "geleverd");
        return new Geschreven(code, soort.naam(), peildatum, code + "/" + naam, levering.cellen(), levering.onderdrukt());
    }
}
