package nl.bronhub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ernst;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Signaal;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.bericht;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.uniekeLetters;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pupil registered under an onderwijsnummer who gets a BSN later (handbook 7.2.4: the LAS registers the BSN and keeps
 * the onderwijsnummer, "niet verwijderen"): one person under the BSN, found by either number; a wrong pair is 752.
 * The GBA stub's persons are in src/test/resources/gba/personen-extra.yaml.
 */
class KoppelingTest extends SignaalTest {

    /** A child from abroad: no BSN yet, so the hub gives an onderwijsnummer (757); the GBA is not asked for a foreign address. */
    private static Persoon uitHetBuitenland(String geboortedatum, String geslacht) {
        Persoon p = leerling(null, geboortedatum, geslacht, "Buitenlander-" + uniekeLetters(), null);
        p.setStraatnaam(null);
        p.setHuisnummer(null);
        p.setWoonplaats(null);
        p.setLandcode("9089");
        p.setAdresregelBuitenland1("Hauptstrasse 5");
        p.setAdresregelBuitenland2("47533 Kleve");
        return p;
    }

    /** The same child once they live here, as the LAS has them now: the BSN, the onderwijsnummer kept, the GBA's address. */
    private static Persoon metBsn(String bsn, Persoon eerder, String onderwijsnummer) {
        Persoon p = leerling(bsn, eerder.getGeboortedatum(), eerder.getGeslacht(), eerder.getAchternaam(), "3434AA");
        p.setOnderwijsnummer(onderwijsnummer);
        return p;
    }

    /** The person the register holds under this number, or with it beside their BSN (ONDERWIJSNUMMER then the one beside it). */
    private Map<String, Object> persoonMet(String nummer) {
        return jdbc.queryForMap("select p.id, p.pgn, p.pgn_soort, o.onderwijsnummer, p.achternaam from persoon p "
                + "left join persoon_onderwijsnummer o on o.persoon_id = p.id and o.onderwijsnummer = ? "
                + "where p.pgn = ? or o.onderwijsnummer is not null", nummer, nummer);
    }

    private int personenMet(String... nummers) {
        int n = 0;
        for (String nummer : nummers) {
            n += jdbc.queryForObject("select count(*) from persoon where pgn = ?", Integer.class, nummer);
        }
        return n;
    }

    @Test
    void eenLeerlingMetOnderwijsnummerDieEenBsnKrijgtBlijftEenPersoon() {
        Persoon kind = uitHetBuitenland("2016-05-17", "V");
        Terugkoppeling eerste = verwerk("73BK", inschrijven(kind, wec("2026-08-24")));
        String onderwijsnummer = eerste.getLeerling().getOnderwijsnummer();
        assertThat(eerste.getSignaal()).extracting(Signaal::getCode).contains("757");

        // the LAS now has the BSN and keeps the onderwijsnummer: a wijzigen of the same inschrijving
        Terugkoppeling gekoppeld = verwerk("73BK", bericht("wijzigen", metBsn("999991309", kind, onderwijsnummer), wec("2026-08-24")));

        assertThat(gekoppeld.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(gekoppeld.getSignaal()).extracting(Signaal::getCode).doesNotContain("400", "752", "757");
        assertThat(gekoppeld.getLeerling().getBurgerservicenummer()).isEqualTo("999991309");
        assertThat(gekoppeld.getLeerling().getOnderwijsnummer()).isEqualTo(onderwijsnummer);
        assertThat(gekoppeld.getLeerling().getVoornamen()).isEqualTo("Amira"); // the GBA's data now
        Map<String, Object> persoon = persoonMet(onderwijsnummer);
        assertThat(persoon).containsEntry("PGN", "999991309").containsEntry("PGN_SOORT", "BSN")
                .containsEntry("ONDERWIJSNUMMER", onderwijsnummer);
        assertThat(personenMet("999991309", onderwijsnummer)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where persoon_id = ? and brin = '73BK'", Integer.class,
                persoon.get("ID"))).isEqualTo(1);

        // a LAS that still has only the onderwijsnummer: the BSN's pupil, told the BSN to store (755)
        Persoon oud = uitHetBuitenland("2016-05-17", "V");
        oud.setAchternaam(kind.getAchternaam());
        oud.setOnderwijsnummer(onderwijsnummer);
        Terugkoppeling alleenOnderwijsnummer = verwerk("73BK", bericht("wijzigen", oud, wec("2026-08-24")));

        geregistreerdMet(alleenOnderwijsnummer, "755", "Het burgerservicenummer is achterhaald via de GBA.");
        assertThat(alleenOnderwijsnummer.getSignaal()).extracting(Signaal::getCode).doesNotContain("400", "752");
        assertThat(alleenOnderwijsnummer.getLeerling().getBurgerservicenummer()).isEqualTo("999991309");
        assertThat(alleenOnderwijsnummer.getLeerling().getOnderwijsnummer()).isEqualTo(onderwijsnummer);
        // the register keeps the GBA's address, not the foreign one the old LAS sent
        assertThat(alleenOnderwijsnummer.getLeerling().getPostcode()).isEqualTo("3434AA");
        assertThat(personenMet("999991309", onderwijsnummer)).isEqualTo(1);
        assertThat(persoonMet(onderwijsnummer)).containsEntry("PGN", "999991309");
    }

    /** Both berichten in one request: the second (the onderwijsnummer alone) is judged after the first linked it. */
    @Test
    void beideNummersEnDaarnaAlleenHetOnderwijsnummerInEenVerzoek() {
        Persoon kind = uitHetBuitenland("2016-05-27", "V");
        String onderwijsnummer = verwerk("73BM", inschrijven(kind, wec("2026-09-07"))).getLeerling().getOnderwijsnummer();
        Persoon oud = uitHetBuitenland("2016-05-27", "V");
        oud.setAchternaam(kind.getAchternaam());
        oud.setOnderwijsnummer(onderwijsnummer);
        Bericht beide = bericht("wijzigen", metBsn("999991346", kind, onderwijsnummer), wec("2026-09-07"));
        Bericht alleen = bericht("wijzigen", oud, wec("2026-09-07"));
        LasClient las = las("73BM", "1");
        las.aanleveren(beide, alleen);

        Map<String, Terugkoppeling> t = terugkoppelingen(las, beide.getIdentificatie(), alleen.getIdentificatie());
        assertThat(t.get(beide.getIdentificatie()).getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(t.get(beide.getIdentificatie()).getSignaal()).extracting(Signaal::getCode).doesNotContain("400", "752");
        Terugkoppeling tweede = t.get(alleen.getIdentificatie());
        assertThat(tweede.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(tweede.getSignaal()).extracting(Signaal::getCode).contains("755").doesNotContain("400", "752");
        assertThat(tweede.getLeerling().getBurgerservicenummer()).isEqualTo("999991346");
        assertThat(personenMet(onderwijsnummer)).isZero();
        assertThat(persoonMet(onderwijsnummer)).containsEntry("PGN", "999991346");
    }

    /**
     * The BSN's person is registered already (a school that knew the BSN enrolled them) and another school had the
     * child under an onderwijsnummer: one person, with both inschrijvingen, and the two schools told of the overlap.
     */
    @Test
    void eenOnderwijsnummerBijEenGeregistreerdBsnWordtEenPersoon() {
        Persoon kind = uitHetBuitenland("2016-06-18", "M");
        String onderwijsnummer = verwerk("73BL", inschrijven(kind, wec("2026-08-24"))).getLeerling().getOnderwijsnummer();
        Persoon bekend = leerling("999991322", "2016-06-18", "M", "Samenvoeger", "3434AA");
        Terugkoppeling elders = verwerk("73BJ", inschrijven(bekend, wec("2026-10-05")));
        assertThat(elders.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(personenMet("999991322", onderwijsnummer)).isEqualTo(2);

        LasClient las = las("73BL", "1");
        Bericht wijzigen = bericht("wijzigen", metBsn("999991322", kind, onderwijsnummer), wec("2026-08-24"));
        las.aanleveren(wijzigen);
        // the enrolment from 24 August runs on into the other school's from 5 October: this school hears of it too
        List<Terugkoppeling> gehaald = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            gehaald.addAll(alle(las));
            return gehaald.stream().anyMatch(x -> wijzigen.getIdentificatie().equals(x.getBerichtIdentificatie()))
                    && gehaald.stream().anyMatch(x -> x.getSoort() == SoortTerugkoppeling.DUBBELE_INSCHRIJVING);
        });
        Terugkoppeling t = gehaald.stream().filter(x -> wijzigen.getIdentificatie().equals(x.getBerichtIdentificatie())).findFirst().orElseThrow();

        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(t.getSignaal()).extracting(Signaal::getCode).doesNotContain("400", "752");
        assertThat(personenMet("999991322", onderwijsnummer)).isEqualTo(1);
        Map<String, Object> persoon = persoonMet(onderwijsnummer);
        assertThat(persoon).containsEntry("PGN", "999991322").containsEntry("ONDERWIJSNUMMER", onderwijsnummer);
        assertThat(jdbc.queryForList("select brin from inschrijving where persoon_id = ? order by brin", String.class, persoon.get("ID")))
                .containsExactly("73BJ", "73BL");
    }

    /** A BSN sent with another child's onderwijsnummer (another birth date): 752, and neither person changed. */
    @Test
    void eenBsnMetHetOnderwijsnummerVanEenAnderKindGeeft752() {
        Persoon ander = zonderPgn("2016-07-20");
        String onderwijsnummer = verwerk("73BK", inschrijven(ander, wec("2026-08-31"))).getLeerling().getOnderwijsnummer();

        Persoon verkeerd = leerling("999991334", "2016-07-19", "V", "Anderkind", "3434AA");
        verkeerd.setOnderwijsnummer(onderwijsnummer);
        Terugkoppeling t = verwerk("73BK", inschrijven(verkeerd, wec("2026-08-31")));

        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
        signaal(t, "752", Ernst.AFKEUR, "De combinatie onderwijsnummer, geboortedatum en geslacht is niet juist.");
        assertThat(personenMet("999991334")).isZero();
        assertThat(persoonMet(onderwijsnummer)).containsEntry("PGN", onderwijsnummer).containsEntry("PGN_SOORT", "ONDERWIJSNUMMER")
                .containsEntry("ACHTERNAAM", ander.getAchternaam());
    }

    /**
     * A BSN sent with the onderwijsnummer of another child the school has enrolled, from a date their enrolment covers: 752,
     * not the 311 that comparing with the other child's enrolment gave (a hostile LAS's finding, 6 December).
     */
    @Test
    void eenBsnMetHetOnderwijsnummerVanEenIngeschrevenAnderKindGeeft752En311Niet() {
        Persoon ander = zonderPgn("2016-11-24");
        String onderwijsnummer = verwerk("73BK", inschrijven(ander, wec("2026-08-31"))).getLeerling().getOnderwijsnummer();

        Persoon verkeerd = leerling("999991401", "2016-11-23", "M", "Overlapkind", "3434AA");
        verkeerd.setOnderwijsnummer(onderwijsnummer);
        Terugkoppeling t = verwerk("73BK", inschrijven(verkeerd, wec("2026-09-07")));

        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
        signaal(t, "752", Ernst.AFKEUR, "De combinatie onderwijsnummer, geboortedatum en geslacht is niet juist.");
        assertThat(t.getSignaal()).extracting(Signaal::getCode).doesNotContain("311", "400");
        assertThat(personenMet("999991401")).isZero();
    }

    /** An onderwijsnummer already linked to one BSN, sent with another BSN: 752. */
    @Test
    void eenGekoppeldOnderwijsnummerBijEenAnderBsnGeeft752() {
        Persoon kind = uitHetBuitenland("2016-08-20", "V");
        String onderwijsnummer = verwerk("73BK", inschrijven(kind, wec("2026-09-14"))).getLeerling().getOnderwijsnummer();
        assertThat(verwerk("73BK", bericht("wijzigen", metBsn("999991358", kind, onderwijsnummer), wec("2026-09-14"))).getResultaat())
                .isEqualTo(Verwerkingsresultaat.GEREGISTREERD);

        // another child of the same birth date and sex: only the link tells them apart
        Persoon nogEen = leerling("999991371", "2016-08-20", "V", "Tweedekind", "3434AA");
        nogEen.setOnderwijsnummer(onderwijsnummer);
        Terugkoppeling t = verwerk("73BK", inschrijven(nogEen, wec("2026-09-14")));

        signaal(t, "752", Ernst.AFKEUR, "De combinatie onderwijsnummer, geboortedatum en geslacht is niet juist.");
        assertThat(persoonMet(onderwijsnummer)).containsEntry("PGN", "999991358");
        assertThat(personenMet("999991371")).isZero();
    }

    /**
     * Another school, which has nothing to do with the onderwijsnummer's pupil, sends it beside a BSN of the same birth date
     * and sex (a hostile LAS gave a stranger's pupil the name and address of a BSN it knew this way): no link. The bericht is
     * registered under the BSN alone, the onderwijsnummer's pupil keeps their school's data, and the answer repeats nothing
     * of them.
     */
    @Test
    void eenAndereSchoolKoppeltEenOnderwijsnummerNiet() {
        Persoon kind = uitHetBuitenland("2016-09-21", "M");
        String onderwijsnummer = verwerk("73BK", inschrijven(kind, wec("2026-08-24"))).getLeerling().getOnderwijsnummer();

        Persoon vreemd = leerling("999991383", "2016-09-21", "M", "Vreemdeling", "3434AA");
        vreemd.setOnderwijsnummer(onderwijsnummer);
        Terugkoppeling t = verwerk("73BL", bericht("aanmelden", vreemd, null));

        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(t.getSignaal()).extracting(Signaal::getCode).doesNotContain("772", "752");
        assertThat(t.getLeerling().getBurgerservicenummer()).isEqualTo("999991383");
        assertThat(t.getLeerling().getOnderwijsnummer()).isNull();
        assertThat(persoonMet(onderwijsnummer)).containsEntry("PGN", onderwijsnummer).containsEntry("PGN_SOORT", "ONDERWIJSNUMMER")
                .containsEntry("ACHTERNAAM", kind.getAchternaam());
        assertThat(personenMet("999991383", onderwijsnummer)).isEqualTo(2);
    }

    /**
     * Two schools each gave the child an onderwijsnummer before either knew the BSN; both send it beside the BSN: one person,
     * both numbers kept, and either school's LAS with only its own number finds the pupil.
     */
    @Test
    void tweeOnderwijsnummersVanEenKindWordenBeideGekoppeld() {
        Persoon hier = uitHetBuitenland("2016-10-22", "V");
        String eerste = verwerk("73BK", inschrijven(hier, wec("2026-08-24"))).getLeerling().getOnderwijsnummer();
        Persoon daar = uitHetBuitenland("2016-10-22", "V");
        String tweede = verwerk("73BM", inschrijven(daar, wec("2026-08-31"))).getLeerling().getOnderwijsnummer();
        assertThat(tweede).isNotEqualTo(eerste);

        assertThat(verwerk("73BK", bericht("wijzigen", metBsn("999991395", hier, eerste), wec("2026-08-24"))).getResultaat())
                .isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        Terugkoppeling t = verwerk("73BM", bericht("wijzigen", metBsn("999991395", daar, tweede), wec("2026-08-31")));

        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(t.getSignaal()).extracting(Signaal::getCode).doesNotContain("400", "752");
        assertThat(t.getLeerling().getOnderwijsnummer()).isEqualTo(tweede);
        assertThat(personenMet("999991395", eerste, tweede)).isEqualTo(1);
        assertThat(persoonMet(eerste)).containsEntry("PGN", "999991395");
        assertThat(persoonMet(tweede)).containsEntry("PGN", "999991395");
        Map<String, Object> persoon = persoonMet(tweede);
        assertThat(jdbc.queryForList("select brin from inschrijving where persoon_id = ? order by brin", String.class, persoon.get("ID")))
                .containsExactly("73BK", "73BM");
        Persoon oud = uitHetBuitenland("2016-10-22", "V");
        oud.setAchternaam(hier.getAchternaam());
        oud.setOnderwijsnummer(eerste);
        Terugkoppeling alleenEerste = verwerk("73BK", bericht("wijzigen", oud, wec("2026-08-24")));
        assertThat(alleenEerste.getSignaal()).extracting(Signaal::getCode).contains("755").doesNotContain("400", "752");
        assertThat(alleenEerste.getLeerling().getOnderwijsnummer()).isEqualTo(eerste);
    }

    /** Waits for the terugkoppelingen of these berichten, fetched over as many requests as it takes. */
    private static Map<String, Terugkoppeling> terugkoppelingen(LasClient las, String... identificaties) {
        Map<String, Terugkoppeling> gevonden = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            alle(las).forEach(t -> gevonden.put(t.getBerichtIdentificatie(), t));
            return gevonden.keySet().containsAll(List.of(identificaties));
        });
        return gevonden;
    }
}
