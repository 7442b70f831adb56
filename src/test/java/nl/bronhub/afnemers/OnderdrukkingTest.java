package nl.bronhub.afnemers;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The suppression rule on every row of up to 15 pupils per age cell, for drempel 3, 5 and 10. */
class OnderdrukkingTest {

    @Test
    void geenRijLaatEenOnderdrukteCelTerugrekenen() {
        for (int drempel : new int[] {3, 5, 10}) {
            Onderdrukking o = new Onderdrukking(drempel);
            for (int a = 0; a <= 15; a++) {
                for (int b = 0; b <= 15; b++) {
                    for (int c = 0; c <= 15; c++) {
                        int[] w = {a, b, c, a + b + c};
                        Onderdrukking.Cel[] cellen = o.pas(new int[] {a, b, c});
                        String rij = drempel + ": " + a + "," + b + "," + c;
                        int weg = 0;
                        int som = 0;
                        for (int i = 0; i < 4; i++) {
                            if (cellen[i].onderdrukt()) {
                                assertThat(cellen[i].aantal()).as(rij).isNull();
                            } else {
                                // published as counted, and never a small number
                                assertThat(cellen[i].aantal()).as(rij).isEqualTo(w[i]);
                                assertThat(w[i] == 0 || w[i] >= drempel).as(rij).isTrue();
                            }
                            if (i < 3 && cellen[i].onderdrukt()) {
                                weg++;
                                som += w[i];
                            }
                        }
                        if (!cellen[3].onderdrukt()) {
                            // the total minus the published cells: none, or two or more cells holding at least drempel
                            assertThat(weg).as(rij).isNotEqualTo(1);
                            assertThat(weg == 0 || som >= drempel).as(rij).isTrue();
                        } else {
                            // a suppressed total is never the sum of published cells alone
                            assertThat(weg).as(rij).isGreaterThan(0);
                        }
                    }
                }
            }
        }
    }

    @Test
    void eenKleineCelEnZijnPartner() {
        Onderdrukking.Cel[] c = new Onderdrukking(5).pas(new int[] {2, 5, 9});
        assertThat(c[0].onderdrukt()).isTrue();
        // the smallest other non-zero cell goes too, the larger one and the total stay
        assertThat(c[1].onderdrukt()).isTrue();
        assertThat(c[2].aantal()).isEqualTo(9);
        assertThat(c[3].aantal()).isEqualTo(16);
    }

    @Test
    void eenDrempelOnderTweeWordtGeweigerd() {
        Assertions.assertThatThrownBy(() -> new Onderdrukking(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
