package nl.bronhub.aanlevering;

/** Check digits of the persoonsgebonden nummers (handbook 7.1; domain brief 'Identification'). */
public final class Pgn {

    private Pgn() {
    }

    public static boolean isNegenCijfers(String s) {
        return s != null && s.length() == 9 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Elfproef: d1..d8 weighted 9..2, d9 weighted -1, sum divisible by 11, not all zeros. */
    public static boolean isGeldigBsn(String bsn) {
        return isNegenCijfers(bsn) && !"000000000".equals(bsn) && Math.floorMod(gewogenSom(bsn), 11) == 0;
    }

    /** Onderwijsnummerproef: starts with 10, same weights, sum mod 11 = 5. */
    public static boolean isGeldigOnderwijsnummer(String nummer) {
        return isNegenCijfers(nummer) && nummer.startsWith("10") && Math.floorMod(gewogenSom(nummer), 11) == 5;
    }

    /**
     * The onderwijsnummer for a running number (10 + six digits + check digit), or null when no check
     * digit fits and the next running number must be taken.
     */
    public static String onderwijsnummer(long volgnummer) {
        String basis = "10" + String.format("%06d", volgnummer % 1_000_000);
        int som = 0;
        for (int i = 0; i < 8; i++) {
            som += (basis.charAt(i) - '0') * (9 - i);
        }
        int controle = Math.floorMod(som - 5, 11);
        return controle == 10 ? null : basis + controle;
    }

    private static int gewogenSom(String nummer) {
        int som = 0;
        for (int i = 0; i < 8; i++) {
            som += (nummer.charAt(i) - '0') * (9 - i);
        }
        return som - (nummer.charAt(8) - '0');
    }
}
