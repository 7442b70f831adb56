package nl.bronhub.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the reference register and the GBA stub data of a synthetic population, for a hub that the
 * load driver then drives. Usage: Generator DIRECTORY SCHOOLS PUPILS_PER_SCHOOL [SEED]
 */
public final class Generator {

    private Generator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Generator <directory> <schools> <pupils per school> [seed]");
            System.exit(2);
        }
        Path map = Files.createDirectories(Path.of(args[0]));
        Populatie p = new Populatie(args.length > 3 ? Long.parseLong(args[3]) : 1L, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        schrijf(p, map);
        System.out.printf("%d schools, %d pupils: %s%n", p.scholen(), (long) p.scholen() * p.leerlingenPerSchool(), map.toAbsolutePath());
    }

    public static void schrijf(Populatie p, Path map) throws IOException {
        // every school's aanleverpunt 1 registered (no registry data, so no mails): a vendor's certificate acts
        // only for registered aanleverpunten of the schools that mandated it (366 otherwise)
        try (BufferedWriter w = Files.newBufferedWriter(map.resolve("aanleverpunten.yaml"))) {
            w.write("aanleverpunten:\n");
            for (int i = 0; i < p.scholen(); i++) {
                w.write("  - {brin: \"" + p.school(i).brin() + "\", aanleverpuntnummer: \"1\"}\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(map.resolve("instellingen.yaml"))) {
            // the REC of the generated indications (brinRec 12RC), so the GTB counts the pupils
            w.write("recs: [\"12RC\"]\ninstellingen:\n");
            for (int i = 0; i < p.scholen(); i++) {
                Populatie.School s = p.school(i);
                w.write("  - {brin: \"" + s.brin() + "\", soort: " + s.soort() + ", geldigVanaf: 1990-08-01, vestigingen: [{volgnummer: \"01\", "
                        + "geldigVanaf: 1990-08-01" + (s.soort() == Populatie.Soort.WEC ? ", soortenOnderwijs: [\"33\", \"00\"]" : "") + "}]}\n");
            }
        }
        // one LAS vendor for the whole population, as in DUO's model: its certificate (the hub's demo vendor
        // certificate, made at the hub's first start) acts for every school, each of which mandated it
        try (BufferedWriter w = Files.newBufferedWriter(map.resolve("toegang.yaml"))) {
            w.write("certificaten:\n  - {bestand: leverancier-voorbeeld.crt, leverancier: benchmark-las}\nmandaten:\n");
            for (int i = 0; i < p.scholen(); i++) {
                w.write("  - {brin: \"" + p.school(i).brin() + "\", leverancier: benchmark-las}\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(map.resolve("gba.yaml"))) {
            w.write("personen:\n");
            for (int i = 0; i < p.scholen(); i++) {
                for (int j = 0; j < p.leerlingenPerSchool(); j++) {
                    Populatie.Leerling l = p.leerling(i, j);
                    if (l.bsn() != null) {
                        w.write("  - {bsn: \"" + l.bsn() + "\", geboortedatum: " + l.geboortedatum() + ", geslacht: " + l.geslacht()
                                + ", achternaam: " + l.achternaam() + ", straatnaam: Benchmarkweg, huisnummer: \"1\", postcode: "
                                + l.gbaPostcode() + ", woonplaats: Benchmarkstad}\n");
                    }
                }
            }
        }
    }
}
