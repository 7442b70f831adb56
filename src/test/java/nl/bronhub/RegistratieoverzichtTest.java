package nl.bronhub;

import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Registratie;
import nl.bronhub.contract.v1.RegistratieoverzichtAntwoord;
import nl.bronhub.contract.v1.RegistratieoverzichtVerzoek;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.groep;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/** Opvragen registratieoverzicht (handbook 7.7.2): how a school's pupils stand on a peildatum. */
class RegistratieoverzichtTest extends SignaalTest {

    private static final String SCHOOL = "70BL";

    private static Persoon blijft;
    private static Persoon vertrekt;
    private static Persoon verhuist;
    private static LasClient las;

    /**
     * Once per class, in static fields: not @BeforeAll (camel-test-spring starts the routes just before
     * the first test method) and not a per-class test instance (that keeps it from starting them).
     */
    @BeforeEach
    void eenSchoolMetDrieLeerlingenEnEenAndereSchool() {
        if (las != null) {
            return;
        }
        las = las(SCHOOL, "1");
        blijft = bekendeLeerling("2016-01-10");
        verwerk(SCHOOL, inschrijven(blijft, wec("2026-08-01")));

        vertrekt = bekendeLeerling("2016-01-11");
        Inschrijving tot = wec("2026-08-01");
        tot.setDatumUitschrijving("2026-09-30");
        verwerk(SCHOOL, inschrijven(vertrekt, tot));

        verhuist = bekendeLeerling("2016-01-12");
        Inschrijving naar03 = wec("2026-08-01");
        naar03.getVestiging().add(groep("2026-10-01", "03"));
        verwerk(SCHOOL, inschrijven(verhuist, naar03));

        verwerk("70BM", inschrijven(bekendeLeerling("2016-01-13"), wec("2026-08-01")));
    }

    @Test
    void alleLeerlingenVanDeSchoolOpEenPeildatum() {
        RegistratieoverzichtAntwoord oktober = las.registratieoverzicht("2026-10-15", null);
        assertThat(oktober.getPeildatum()).isEqualTo("2026-10-15");
        assertThat(oktober.getRegistratie()).extracting(r -> r.getLeerling().getOnderwijsnummer())
                .containsExactlyInAnyOrder(blijft.getOnderwijsnummer(), verhuist.getOnderwijsnummer());

        assertThat(las.registratieoverzicht("2026-09-01", null).getRegistratie()).extracting(r -> r.getLeerling().getOnderwijsnummer())
                .containsExactlyInAnyOrder(blijft.getOnderwijsnummer(), vertrekt.getOnderwijsnummer(), verhuist.getOnderwijsnummer());
        assertThat(las.registratieoverzicht("2026-07-31", null).getRegistratie()).isEmpty();
    }

    @Test
    void eenLeerlingOpEenPeildatum() {
        RegistratieoverzichtAntwoord antwoord = las.registratieoverzicht("2026-10-15", null, blijft.getOnderwijsnummer());

        assertThat(antwoord.getRegistratie()).singleElement().satisfies((Registratie r) -> {
            assertThat(r.getLeerling().getOnderwijsnummer()).isEqualTo(blijft.getOnderwijsnummer());
            assertThat(r.getLeerling().getAchternaam()).isEqualTo(blijft.getAchternaam());
            assertThat(r.getInschrijving()).singleElement().satisfies(i -> {
                assertThat(i.getDatumInschrijving()).isEqualTo("2026-08-01");
                assertThat(i.getSoortOnderwijs()).extracting(g -> g.getWaarde()).containsExactly("33");
            });
        });
        assertThat(las.registratieoverzicht("2026-10-15", null, vertrekt.getOnderwijsnummer()).getRegistratie())
                .as("not enrolled on that date").isEmpty();
    }

    @Test
    void deLeerlingenVanEenVestiging() {
        assertThat(las.registratieoverzicht("2026-10-15", "03").getRegistratie()).extracting(r -> r.getLeerling().getOnderwijsnummer())
                .containsExactly(verhuist.getOnderwijsnummer());
        assertThat(las.registratieoverzicht("2026-09-15", "03").getRegistratie()).isEmpty();
    }

    @Test
    void eenOngeldigePeildatumGeeft742() {
        var verzoek = LasClient.envelop(new RegistratieoverzichtVerzoek() {
            {
                setHeader(las.header());
                setPeildatum("15-10-2026");
            }
        });
        LasClient.Fout fout = (LasClient.Fout) LasClient.lees(las.post(verzoek));
        assertThat(fout.signalen()).singleElement().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("742");
            assertThat(s.getOmschrijving()).isEqualTo("Het formaat van het veld peildatum is niet conform de voorschriften.");
        });
    }

    /**
     * What no answer can be about is told, not answered with an empty list that looks like no pupils (an independent LAS
     * found it): an empty peildatum 740, a vestiging the school never had 397, a number that is neither a BSN nor an
     * onderwijsnummer 750.
     */
    @Test
    void eenVraagDieNergensOverKanGaanKrijgtEenSignaal() {
        assertThat(fout("", null, null)).isEqualTo("740 Het veld peildatum moet gevuld zijn.");
        assertThat(fout("2026-10-15", "99", null))
                .isEqualTo("397 Vestiging 99 is in de BRIN-tabellen van DUO-CFI niet bekend als vestiging van de school.");
        assertThat(fout("2026-10-15", null, "999992078"))
                .isEqualTo("750 Het burgerservicenummer voldoet niet aan de burgerservicenummerproef.");
        // a vestiging the school had once (02, until 2024) is a question with an answer: none now
        assertThat(las.registratieoverzicht("2026-10-15", "02").getRegistratie()).isEmpty();
    }

    private static String fout(String datum, String vestigingsnummer, String nummer) {
        // (other names than the request's fields: in the anonymous subclass below those would be the fields)
        var verzoek = LasClient.envelop(new RegistratieoverzichtVerzoek() {
            {
                setHeader(las.header());
                // (an empty element as a LAS sends it: JAXB leaves an empty string out)
                setPeildatum(datum.isEmpty() ? "LEEG" : datum);
                setVestigingsvolgnummer(vestigingsnummer);
                if (nummer != null) {
                    getPersoonsgebondenNummer().add(nummer);
                }
            }
        });
        LasClient.Fout fout = (LasClient.Fout) LasClient.lees(las.post(verzoek.replace(">LEEG<", "><")));
        assertThat(fout.signalen()).hasSize(1);
        return fout.signalen().get(0).getCode() + " " + fout.signalen().get(0).getOmschrijving();
    }
}
