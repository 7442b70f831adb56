package nl.bronhub.benchmark;

import java.time.LocalDate;
import java.util.SplittableRandom;

import nl.bronhub.aanlevering.Pgn;

/**
 * A synthetic primary-education population, the same every time for the same seed: schools (9 in 10
 * WPO, 1 in 10 WEC) and their pupils. The generator writes the reference register and GBA stub data
 * from it, the load driver the berichten, so the two always match without storing 1.6 million
 * berichten. Fictitious: the BSNs pass the elfproef but belong to nobody the hub knows.
 *
 * Mix per pupil: 85% with a BSN the GBA knows, 15% without a number (the hub assigns one, 757),
 * at WEC schools 1 in 5 ambulant begeleid, and 3% with an attentie signal (a postcode that differs
 * from the GBA's, 770).
 */
public final class Populatie {

    public enum Soort { WPO, WEC }

    public record School(int nummer, String brin, Soort soort) {
    }

    public record Leerling(String bsn, LocalDate geboortedatum, String geslacht, String achternaam, String postcode,
                           String gbaPostcode, boolean ambulant, String abSchool) {
    }

    private final long seed;
    private final int scholen;
    private final int leerlingenPerSchool;

    public Populatie(long seed, int scholen, int leerlingenPerSchool) {
        if (scholen > 67_600) {
            throw new IllegalArgumentException("at most 67,600 schools (two digits and two letters of BRIN)");
        }
        this.seed = seed;
        this.scholen = scholen;
        this.leerlingenPerSchool = leerlingenPerSchool;
    }

    public int scholen() {
        return scholen;
    }

    public int leerlingenPerSchool() {
        return leerlingenPerSchool;
    }

    public School school(int i) {
        int letters = i / 100;
        String brin = String.format("%02d", i % 100) + (char) ('A' + letters / 26) + (char) ('A' + letters % 26);
        return new School(i, brin, i % 10 == 9 ? Soort.WEC : Soort.WPO);
    }

    /** The WPO school a WEC school's ambulant begeleide pupil attends. */
    private String wpoSchoolVoor(int i) {
        int wpo = i - 1;
        return school(Math.max(wpo, 0)).brin();
    }

    public Leerling leerling(int school, int j) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + (long) school * leerlingenPerSchool + j);
        long volgnummer = (long) school * leerlingenPerSchool + j;
        boolean metBsn = r.nextInt(100) < 85;
        String bsn = metBsn ? bsn(volgnummer) : null;
        LocalDate geboortedatum = LocalDate.of(2013, 1, 1).plusDays(r.nextInt(8 * 365));
        String geslacht = r.nextBoolean() ? "M" : "V";
        String achternaam = "Leerling" + Long.toString(volgnummer, 36).toUpperCase();
        String gbaPostcode = (1000 + r.nextInt(8999)) + "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
        String postcode = metBsn && r.nextInt(100) < 3 ? "9999ZZ" : gbaPostcode;
        boolean ambulant = school(school).soort() == Soort.WEC && r.nextInt(5) == 0;
        return new Leerling(bsn, geboortedatum, geslacht, achternaam, postcode, gbaPostcode, ambulant,
                ambulant ? wpoSchoolVoor(school) : null);
    }

    /** A BSN that passes the elfproef, unique per running number, starting with 1..8. */
    static String bsn(long volgnummer) {
        for (long n = volgnummer * 11; ; n++) {
            String basis = String.format("%08d", 10_000_000 + n % 80_000_000);
            int som = 0;
            for (int k = 0; k < 8; k++) {
                som += (basis.charAt(k) - '0') * (9 - k);
            }
            int controle = Math.floorMod(som, 11);
            if (controle < 10) {
                String bsn = basis + controle;
                if (Pgn.isGeldigBsn(bsn)) {
                    return bsn;
                }
            }
        }
    }
}
