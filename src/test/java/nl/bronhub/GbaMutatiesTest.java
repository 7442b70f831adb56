package nl.bronhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.bronhub.contract.v1.Ernst;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Afleverbak;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/** The GBA change feed through its watched directory (handbook 7.7.3: spontane mutaties). */
class GbaMutatiesTest extends SignaalTest {

    private static final Afleverbak BAK = new Afleverbak(Path.of(GBA_MUTATIES));
    private static final String KOP = "bsn;geboortedatum;achternaam;voorvoegsel;voornamen;straatnaam;huisnummer;huisnummertoevoeging;"
            + "postcode;woonplaats;geheim";

    @Test
    void eenAdreswijzigingGaatNaarPreciesDeScholenMetEenLopendeInschrijving() throws IOException {
        Persoon ties = leerling("999991048", "2015-08-08", "M", "Verhuizer", "5555EE");
        Inschrijving vorig = wec("2025-08-01");
        vorig.setDatumUitschrijving("2026-07-31");
        vorig.getIndicatiestelling().get(0).setDatumIndicatiestelling("2025-06-01");
        verwerk("70BT", inschrijven(ties, vorig));
        verwerk("70BS", inschrijven(ties, wec("2026-08-01")));
        verwerk("70BU", inschrijven(bekendeLeerling("2015-02-02"), wec("2026-08-01")));

        String naam = leg("bsn;straatnaam;huisnummer;postcode;woonplaats\n999991048;Nieuweweg;12;5656AB;Breda\n");
        wachtTotVerplaatst(naam, "verwerkt");

        Terugkoppeling mutatie = spontaneMutaties("70BS").get(0);
        assertThat(spontaneMutaties("70BS")).hasSize(1);
        assertThat(mutatie.getResultaat()).isEqualTo(Verwerkingsresultaat.MELDING);
        assertThat(mutatie.getSignaal()).isEmpty();
        assertThat(mutatie.getLeerling().getBurgerservicenummer()).isEqualTo("999991048");
        assertThat(mutatie.getLeerling().getStraatnaam()).isEqualTo("Nieuweweg");
        assertThat(mutatie.getLeerling().getPostcode()).isEqualTo("5656AB");
        assertThat(mutatie.getLeerling().getAchternaam()).as("unchanged fields stay").isEqualTo("Verhuizer");
        assertThat(mutatie.getInschrijving().getDatumInschrijving()).isEqualTo("2026-08-01");
        assertThat(spontaneMutaties("70BT")).as("that inschrijving has ended").isEmpty();
        assertThat(spontaneMutaties("70BU")).as("another pupil's school").isEmpty();
        assertThat(jdbc.queryForObject("select postcode from persoon where pgn = '999991048'", String.class)).isEqualTo("5656AB");

        // the GBA answers with the new address from now on: no 770 for a school that already has it
        ties.setPostcode("5656AB");
        assertThat(verwerk("70BS", Berichten.aanmelden(ties)).getSignaal()).isEmpty();
    }

    @Test
    void eenCorrectieVanDeGeboortedatumGeeft350Of351() throws IOException {
        verwerk("70BV", inschrijven(leerling("999991061", "2016-09-09", "V", "Jarig", "6666FF"), wec("2026-08-01")));
        verwerk("70BW", inschrijven(leerling("999991073", "2015-10-10", "M", "Elders", "7777GG"), wec("2026-08-01")));

        String naam = leg(KOP + "\n999991061;2026-09-01;;;;;;;;;\n999991073;2023-01-01;;;;;;;;;\n");
        wachtTotVerplaatst(naam, "verwerkt");

        Terugkoppeling voorGeboorte = spontaneMutaties("70BV").get(0);
        signaal(voorGeboorte, "350", Ernst.ATTENTIE,
                "Door een correctie van de geboortedatum ligt de inschrijfdatum nu op of voor de geboortedatum.");
        assertThat(voorGeboorte.getLeerling().getGeboortedatum()).isEqualTo("2026-09-01");
        signaal(spontaneMutaties("70BW").get(0), "351", Ernst.ATTENTIE,
                "Door een correctie van de geboortedatum is de leerling nu jonger of ouder dan is toegestaan.");
    }

    @Test
    void eenBestandMetEenFouteRegelPastNietsToeEnGaatMetReden() throws IOException {
        verwerk("70BX", inschrijven(leerling("999991103", "2013-01-13", "V", "Overzicht", "1212KK"), wec("2026-08-01")));

        String naam = leg(KOP + "\n999991103;;;;;Andereweg;1;;1313AA;Gouda;\n999991115;13-02-2013;;;;;;;;;\n");
        Path fout = wachtTotVerplaatst(naam, "fout");

        assertThat(Files.readString(Afleverbak.reden(fout)))
                .contains("regel 3: geboortedatum is geen datum JJJJ-MM-DD");
        assertThat(jdbc.queryForObject("select straatnaam from persoon where pgn = '999991103'", String.class))
                .as("line 2 was fine, but nothing of the file is applied").isEqualTo("Lijstweg");
        assertThat(spontaneMutaties("70BX")).isEmpty();
    }

    @Test
    void hetzelfdeBestandTweemaalWordtEenmaalToegepast() throws IOException {
        verwerk("70BY", inschrijven(leerling("999991115", "2013-02-14", "M", "Pelgrim", "1313LL"), wec("2026-08-01")));
        String inhoud = "bsn;woonplaats\n999991115;Waddinxveen\n";

        wachtTotVerplaatst(leg(inhoud), "verwerkt");
        wachtTotVerplaatst(leg(inhoud), "verwerkt");

        assertThat(spontaneMutaties("70BY")).hasSize(1);
    }

    @Test
    void eenEerderBestandOpnieuwZetEenWaardeTerug() {
        verwerk("70CX", inschrijven(leerling("999991127", "2013-03-15", "V", "Terugkeer", "1414MM"), wec("2026-08-01")));
        String heen = "bsn;woonplaats\n999991127;Woerden\n";

        wachtTotVerplaatst(leg(heen), "verwerkt");
        wachtTotVerplaatst(leg("bsn;woonplaats\n999991127;Bodegraven\n"), "verwerkt");
        // the first file again, as the GBA sends the move back: applied, though its content was applied before
        wachtTotVerplaatst(leg(heen), "verwerkt");

        assertThat(jdbc.queryForObject("select woonplaats from persoon where pgn = '999991127'", String.class)).isEqualTo("Woerden");
        assertThat(spontaneMutaties("70CX")).extracting(t -> t.getLeerling().getWoonplaats())
                .containsExactly("Woerden", "Bodegraven", "Woerden");
    }

    /**
     * A bare - clears a field, as the feed's format has it: also a voorvoegsel and a huisnummertoevoeging (a hostile operator
     * found - refused there as the start of a spreadsheet formula, so no such field could ever be cleared, and the whole
     * file with it); -x is still a formula.
     */
    @Test
    void eenStreepjeMaaktEenVeldLeegOokHetVoorvoegsel() throws IOException {
        String naam = leg("bsn;voorvoegsel;huisnummertoevoeging\n999991255;-;-\n");
        wachtTotVerplaatst(naam, "verwerkt");
        assertThat(jdbc.queryForList("select voorvoegsel, huisnummertoevoeging from gba_stub_wijziging where bsn = '999991255'"))
                .singleElement().satisfies(r -> assertThat(r.values()).allMatch(v -> v == null || "".equals(v)));

        String formule = leg("bsn;voorvoegsel\n999991255;-1+1\n");
        assertThat(Files.readString(Afleverbak.reden(wachtTotVerplaatst(formule, "fout")))).contains("voorvoegsel begint met =, +, -, @ of |");
    }

    private List<Terugkoppeling> spontaneMutaties(String brin) {
        return alle(las(brin, "1")).stream().filter(t -> t.getSoort() == SoortTerugkoppeling.SPONTANE_MUTATIE).toList();
    }

    private static String leg(String inhoud) {
        return BAK.leg("gba-" + Berichten.uniekeLetters() + ".csv", inhoud);
    }

    private static Path wachtTotVerplaatst(String naam, String naar) {
        return BAK.wachtTotVerplaatst(naam, naar);
    }
}
