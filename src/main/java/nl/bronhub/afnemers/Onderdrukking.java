package nl.bronhub.afnemers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Small numbers kept back, so that no pupil can be singled out (the README's "Afnemers" section states the rule).
 * A row is three age cells and their total, one equation: totaal = onder8 + van8tot12 + vanaf13. Nothing else is
 * published that adds cells up (no totals per school or per delivery), so each row can be judged on its own.
 * <ol>
 * <li>Primary: a cell or total of 1 to drempel-1 pupils is suppressed (0 is published: it singles out no one).</li>
 * <li>Secondary: while the row's total is published and its suppressed cells are fewer than two, or add up to fewer
 * than drempel pupils, the smallest published non-zero cell is suppressed too. Then the total minus the published cells
 * gives only the sum of two or more suppressed cells, itself at least drempel. When the total is suppressed (it is
 * then below drempel, and so is every non-zero cell of the row, all suppressed), nothing can be subtracted.</li>
 * </ol>
 */
@Component
public class Onderdrukking {

    /** A published count, or a suppressed one: aantal null, onderdrukt true. */
    public record Cel(Integer aantal, boolean onderdrukt) {
    }

    private final int drempel;

    @Autowired
    public Onderdrukking(AfnemerEigenschappen eigenschappen) {
        this(eigenschappen.drempel());
    }

    public Onderdrukking(int drempel) {
        if (drempel < 2) {
            throw new IllegalArgumentException("bron.afnemers.drempel moet ten minste 2 zijn");
        }
        this.drempel = drempel;
    }

    public int drempel() {
        return drempel;
    }

    /** The three age cells and, last, their total, as published. */
    public Cel[] pas(int[] leeftijden) {
        int[] w = {leeftijden[0], leeftijden[1], leeftijden[2], leeftijden[0] + leeftijden[1] + leeftijden[2]};
        boolean[] weg = new boolean[4];
        for (int i = 0; i < 4; i++) {
            weg[i] = w[i] > 0 && w[i] < drempel;
        }
        while (!weg[3]) {
            int aantal = 0;
            int som = 0;
            for (int i = 0; i < 3; i++) {
                if (weg[i]) {
                    aantal++;
                    som += w[i];
                }
            }
            if (aantal == 0 || aantal >= 2 && som >= drempel) {
                break;
            }
            int kleinste = -1;
            for (int i = 0; i < 3; i++) {
                if (!weg[i] && w[i] > 0 && (kleinste < 0 || w[i] < w[kleinste])) {
                    kleinste = i;
                }
            }
            // no cell left to add: the suppressed cells are the whole total, so the total goes too
            weg[kleinste < 0 ? 3 : kleinste] = true;
        }
        Cel[] cellen = new Cel[4];
        for (int i = 0; i < 4; i++) {
            cellen[i] = weg[i] ? new Cel(null, true) : new Cel(w[i], false);
        }
        return cellen;
    }
}
