package nl.bronhub.aanlevering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import nl.bronhub.ConfigLezer;
import nl.bronhub.contract.v1.AmbulanteBegeleiding;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.GroepVoorkomen;
import nl.bronhub.contract.v1.Indicatiestelling;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.signaal.SignaalEigenschappen;
import nl.bronhub.support.Hub;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The format check at intake (handbook 6.3) without a hub: FormaatControle on berichten as the XSD let them through
 * (contract objects), with the operator's catalogue and today being 15 September 2026 (a fixed clock). A correct
 * bericht is built first and each test spoils one field, so the signal can only come from that field.
 */
class FormaatRegelsTest {

    private static final SignaalCatalogus CATALOGUS = new SignaalCatalogus(new SignaalEigenschappen(Hub.SIGNALEN), new ConfigLezer(), null);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate VANDAAG = LocalDate.of(2026, 9, 15);
    private static final Clock KLOK = Clock.fixed(VANDAAG.atTime(12, 0).atZone(AMSTERDAM).toInstant(), AMSTERDAM);

    private final FormaatControle controle = new FormaatControle(CATALOGUS, KLOK);
    private int volgnummer;

    // ---- the whole bericht ----

    /** A bericht with every field filled as the handbook prescribes passes without a signal. */
    @Test
    void eenGoedGevuldBerichtIsInOrde() {
        assertThat(signalen(inschrijven(b -> { }))).isEmpty();
        assertThat(signalen(aanmelden(b -> { }))).isEmpty();
    }

    /** Optional fields may be left empty: uitschrijving, NNCA, postcode, landcode, huisnummer, teruggeplaatste leerling. */
    @Test
    void optioneleVeldenMogenLeegZijn() {
        assertThat(signalen(inschrijven(b -> {
            b.getInschrijving().setDatumUitschrijving(" ");
            b.getInschrijving().setAanduidingNnca("");
            b.getInschrijving().setBrinTeruggeplaatsteLeerling(null);
            b.getLeerling().setPostcode(null);
            b.getLeerling().setLandcode(null);
            b.getLeerling().setHuisnummer(null);
        }))).isEmpty();
    }

    /** 6.3: a finding refuses that bericht only; the others of the aanlevering are judged on their own. */
    @Test
    void eenSignaalGeldtAlleenVoorZijnEigenBericht() {
        Aanlevering a = aanlevering(bericht("inschrijven", b -> { }), bericht("inschrijven", b -> b.getLeerling().setGeslacht("X")),
                bericht("aanmelden", b -> { }));
        controle.controleer(a);
        assertThat(a.berichten()).extracting(FormaatRegelsTest::signalen)
                .containsExactly(List.of(), List.of("741 geslacht"), List.of());
        assertThat(a.geaccepteerd()).extracting(AangeleverdBericht::positie).containsExactly(1, 3);
    }

    // ---- 396: identificatie ----

    /** 396: letters, digits, '_' and '-', 1 to 50 of them; anything else, or 51, is refused. */
    @Test
    void eenOnjuisteIdentificatieWordtAfgekeurd() {
        assertThat(signalen(inschrijven(b -> b.setIdentificatie("bericht 1")))).containsExactly("396 identificatie");
        assertThat(signalen(inschrijven(b -> b.setIdentificatie("bericht.1")))).containsExactly("396 identificatie");
        assertThat(signalen(inschrijven(b -> b.setIdentificatie("")))).containsExactly("396 identificatie");
        assertThat(signalen(inschrijven(b -> b.setIdentificatie("a".repeat(51))))).containsExactly("396 identificatie");
        assertThat(signalen(inschrijven(b -> b.setIdentificatie("a".repeat(50))))).as("exactly 50").isEmpty();
        assertThat(signalen(inschrijven(b -> b.setIdentificatie("Ab_9-x")))).isEmpty();
    }

    /** 396: an identificatie used twice in one aanlevering refuses the second, not the first. */
    @Test
    void eenDubbeleIdentificatieKeurtHetTweedeBerichtAf() {
        Aanlevering a = aanlevering(bericht("inschrijven", b -> b.setIdentificatie("zelfde")),
                bericht("inschrijven", b -> b.setIdentificatie("zelfde")));
        controle.controleer(a);
        assertThat(a.berichten()).extracting(FormaatRegelsTest::signalen)
                .containsExactly(List.of(), List.of("396 identificatie"));
    }

    /** A bericht the XSD refused (no content) is not format-checked, and its identificatie does not count as used. */
    @Test
    void eenBerichtDatDeXsdAfkeurdeWordtOvergeslagen() {
        Aanlevering a = new Aanlevering("aanlevering", "10AA", "1", List.of(
                new AangeleverdBericht(1, "zelfde", null, List.of()),
                new AangeleverdBericht(2, "zelfde", bericht("inschrijven", b -> b.setIdentificatie("zelfde")), List.of())));
        controle.controleer(a);
        assertThat(a.berichten()).extracting(FormaatRegelsTest::signalen).containsExactly(List.of(), List.of());
    }

    // ---- mutatiesoort and inschrijving ----

    /** 740/741: the mutatiesoort is required and from its list (case matters). */
    @Test
    void eenOntbrekendeOfOnbekendeMutatiesoort() {
        assertThat(signalen(inschrijven(b -> b.setMutatiesoort(" ")))).containsExactly("740 mutatiesoort");
        assertThat(signalen(inschrijven(b -> b.setMutatiesoort("afmelden")))).containsExactly("741 mutatiesoort");
        assertThat(signalen(inschrijven(b -> b.setMutatiesoort("Inschrijven")))).containsExactly("741 mutatiesoort");
    }

    /** 743: an aanmelden carries no inschrijving. */
    @Test
    void eenAanmeldenMetInschrijvingWordtAfgekeurd() {
        assertThat(signalen(inschrijven(b -> b.setMutatiesoort("aanmelden")))).containsExactly("743 inschrijving");
    }

    /** 740: every other mutatiesoort needs its inschrijving. */
    @Test
    void elkeAndereMutatiesoortZonderInschrijvingWordtAfgekeurd() {
        for (String soort : List.of("inschrijven", "wijzigen", "uitschrijven", "verwijderen")) {
            assertThat(signalen(aanmelden(b -> b.setMutatiesoort(soort)))).as(soort).containsExactly("740 inschrijving");
        }
    }

    // ---- leerling: persoonsgebonden nummers ----

    /** 742: a BSN is nine digits (surrounding blanks are trimmed). */
    @Test
    void eenBsnIsNegenCijfers() {
        assertThat(signalen(aanmelden(b -> b.getLeerling().setBurgerservicenummer("99999384")))).containsExactly("742 burgerservicenummer");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setBurgerservicenummer("9999938470")))).containsExactly("742 burgerservicenummer");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setBurgerservicenummer("99999384X")))).containsExactly("742 burgerservicenummer");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setBurgerservicenummer(" 999993847 ")))).isEmpty();
    }

    /** 750: nine digits that fail the elfproef (or all zeros). */
    @Test
    void eenBsnHaaltDeElfproef() {
        assertThat(signalen(aanmelden(b -> b.getLeerling().setBurgerservicenummer("999993848")))).containsExactly("750 burgerservicenummer");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setBurgerservicenummer("000000000")))).containsExactly("750 burgerservicenummer");
    }

    /** 7.1.3, 743: a pupil living abroad has no BSN for BRON; landcode 6030 (Nederland) is domestic. */
    @Test
    void eenLeerlingInHetBuitenlandHeeftGeenBsn() {
        assertThat(signalen(aanmelden(b -> buitenland(b.getLeerling())))).containsExactly("743 burgerservicenummer");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setLandcode("6030")))).isEmpty();
        assertThat(signalen(aanmelden(b -> {
            buitenland(b.getLeerling());
            b.getLeerling().setBurgerservicenummer(null);
        }))).as("abroad without a BSN").isEmpty();
    }

    /** 742 and 751: an onderwijsnummer is nine digits and passes the onderwijsnummerproef. */
    @Test
    void eenOnderwijsnummerIsNegenCijfersEnHaaltDeProef() {
        assertThat(signalen(aanmelden(b -> metOnderwijsnummer(b, "10123456")))).containsExactly("742 onderwijsnummer");
        String goed = Pgn.onderwijsnummer(1);
        assertThat(signalen(aanmelden(b -> metOnderwijsnummer(b, goed)))).isEmpty();
        String fout = goed.substring(0, 8) + ((goed.charAt(8) - '0' + 1) % 10);
        assertThat(signalen(aanmelden(b -> metOnderwijsnummer(b, fout)))).containsExactly("751 onderwijsnummer");
        assertThat(signalen(aanmelden(b -> metOnderwijsnummer(b, "11" + goed.substring(2))))).as("must start with 10")
                .containsExactly("751 onderwijsnummer");
    }

    // ---- leerling: other fields ----

    /** 740/742: a geboortedatum is required, as JJJJ-MM-DD with an existing day and a four-digit year. */
    @Test
    void eenOntbrekendeOfVerkeerdGeschrevenGeboortedatum() {
        assertThat(signalen(aanmelden(b -> b.getLeerling().setGeboortedatum("")))).containsExactly("740 geboortedatum");
        for (String fout : List.of("2016-3-14", "14-03-2016", "20160314", "2016-02-30", "2016-13-01", "+2016-03-14",
                "-999999999-10-01", "12016-03-14", "0000-01-01", "1899-12-31")) {
            assertThat(signalen(aanmelden(b -> b.getLeerling().setGeboortedatum(fout)))).as(fout).containsExactly("742 geboortedatum");
        }
        assertThat(signalen(aanmelden(b -> b.getLeerling().setGeboortedatum("2016-02-29")))).as("a leap day").isEmpty();
        assertThat(signalen(aanmelden(b -> b.getLeerling().setGeboortedatum("1900-01-01")))).as("the first year the register knows").isEmpty();
    }

    /** 843: a geboortedatum after today; today itself is allowed. */
    @Test
    void eenGeboortedatumLigtNietInDeToekomst() {
        assertThat(signalen(aanmelden(b -> b.getLeerling().setGeboortedatum(VANDAAG.plusDays(1).toString()))))
                .containsExactly("843 geboortedatum");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setGeboortedatum(VANDAAG.toString())))).isEmpty();
    }

    /** 740/741: geslacht is required and M, V or O. */
    @Test
    void eenOntbrekendOfOnbekendGeslacht() {
        assertThat(signalen(aanmelden(b -> b.getLeerling().setGeslacht(null)))).containsExactly("740 geslacht");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setGeslacht("X")))).containsExactly("741 geslacht");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setGeslacht("v")))).containsExactly("741 geslacht");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setGeslacht("O")))).isEmpty();
    }

    /** 740: the achternaam is required; blanks are empty. */
    @Test
    void eenLegeAchternaamWordtAfgekeurd() {
        Aanlevering a = aanlevering(bericht("aanmelden", b -> b.getLeerling().setAchternaam("  ")));
        controle.controleer(a);
        assertThat(signalen(a.berichten().get(0))).containsExactly("740 achternaam");
        assertThat(a.berichten().get(0).signalen().get(0).omschrijving()).isEqualTo("Het veld achternaam moet gevuld zijn.");
    }

    /**
     * 742: a name or address line with a control character inside (tab, line break), an invisible formatting character
     * (right-to-left override, zero-width space, byte order mark) or a spreadsheet formula's first character; blanks
     * around it are trimmed, and letters of any script are names.
     */
    @Test
    void eenNaamMetOnzichtbareOfStuurtekensIs742() {
        for (String fout : List.of("Jan\tsen", "Jan\nsen", "Jan\rsen", "Jan\u202Esen", "Jan\u200Bsen", "Jan\uFEFFsen", "Jan\u0000sen",
                "=HYPERLINK(\"https://x.example\")", "+31", "@SUM(1)", "-2+3+cmd|' /C calc'!A0", " -1", "\u00A0=1+1", "\u2007@SUM(1)", "Jan\u2028sen",
                // found by a hostile LAS: a tag character (outside the first plane), the Hangul filler alone and inside, the
                // combining grapheme joiner, a variation selector, a noncharacter and an unassigned code point
                "Jan\uDB40\uDC41sen", "\u3164", "Jan\u3164sen", "Jan\u034Fsen", "Jan\uFE0Fsen", "Jan\uFDD0sen", "Jan\u0378sen",
                // and on 6 December: a letter under a pile of combining marks, mathematical letters, a full-width or small
                // formula character
                "Z" + "\u0301\u0316".repeat(15) + "alm", "Jan" + "\u0300\u0301\u0302\u0303", "\uD835\uDC09\uD835\uDC1A\uD835\uDC27",
                "Jan\uD835\uDC1Cen", "\uFF1D1+1", "\uFF0B31", "\uFE62SUM(1)", "\uFF20SUM(1)",
                // marks on a precomposed letter count too: ǘ carries two
                "J\u01D8\u0300\u0301\u0302n",
                // and on 7 December (the people's doors, shared rule): a minus sign, a dash, a pipe first; a mark with no letter under it
                "\u2212cmd", "\u2013cmd", "|cmd", "\u0301Jan")) {
            assertThat(signalen(aanmelden(b -> b.getLeerling().setAchternaam(fout)))).as(fout).containsExactly("742 achternaam");
        }
        assertThat(signalen(aanmelden(b -> b.getLeerling().setVoornamen("Anna\u202Emaria")))).containsExactly("742 voornamen");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setWoonplaats("Den\tHaag")))).containsExactly("742 woonplaats");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setStraatnaam("=1+1")))).containsExactly("742 straatnaam");
        // a CVI-nummer is repeated in terugkoppelingen and the registratieoverzicht: no free text either (a hostile LAS)
        for (String cvi : List.of("=1+1", "12\u202E34", "12\u200B34", "12\t34", "<b>1</b>", "-123", "12 34")) {
            assertThat(signalen(inschrijven(b -> b.getInschrijving().getIndicatiestelling().get(0).setCviNummer(cvi)))).as(cvi).containsExactly("742 CVI-nummer indicatiestelling");
        }
        for (String cvi : List.of("1234567", "CVI-2024/0815", "A.12")) {
            assertThat(signalen(inschrijven(b -> b.getInschrijving().getIndicatiestelling().get(0).setCviNummer(cvi)))).as(cvi).isEmpty();
        }
        assertThat(signalen(aanmelden(b -> b.getLeerling().setHuisnummertoevoeging("-")))).containsExactly("742 huisnummertoevoeging");
        // three marks on a letter are a script's own: a decomposed Vietnamese vowel (two), Hebrew with its points (three)
        for (String goed : List.of("  Jansen\n", "Ça\u011Flar", "O'Brien-Müller", "Çelik", "Nguyễn", "Ωmega", "van 't Hof",
                "Nguye\u0323\u0302n", "\u05E9\u05C1\u05B8\u05BC\u05DC\u05D5\u05B9\u05DD")) {
            assertThat(signalen(aanmelden(b -> b.getLeerling().setAchternaam(goed)))).as(goed).isEmpty();
        }
    }

    /** 742: a name holds a letter, and no picture characters (emoji, symbols such as ©); letters of any script do. */
    @Test
    void eenNaamZonderLetterOfMetPlaatjesIs742() {
        for (String fout : List.of("\uD83D\uDE00", "\uD83D\uDE00\uD83D\uDE00", "Jan\uD83D\uDE00", "---", "1234", "\u00A9")) {
            assertThat(signalen(aanmelden(b -> b.getLeerling().setAchternaam(fout)))).as(fout).containsExactly("742 achternaam");
        }
        assertThat(signalen(aanmelden(b -> b.getLeerling().setVoornamen("\u2764")))).containsExactly("742 voornamen");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setVoorvoegsel("'")))).containsExactly("742 voorvoegsel");
        // a formula character and an emoji: one signal for the field
        assertThat(signalen(aanmelden(b -> b.getLeerling().setAchternaam("=\uD83D\uDE00")))).containsExactly("742 achternaam");
        for (String goed : List.of("\u674E", "\u05DB\u05D4\u05DF", "D'Artagnan", "\u0F40")) {
            assertThat(signalen(aanmelden(b -> b.getLeerling().setAchternaam(goed)))).as(goed).isEmpty();
        }
    }

    /** 742: postcode 1234AB (no leading zero, capitals, no space), landcode four digits, huisnummer 1 to 99999. */
    @Test
    void eenVerkeerdGeschrevenAdresveld() {
        for (String fout : List.of("3511 AB", "3511ab", "0511AB", "351AB")) {
            assertThat(signalen(aanmelden(b -> b.getLeerling().setPostcode(fout)))).as(fout).containsExactly("742 postcode");
        }
        // without a BSN, which a landcode other than 6030 would refuse as well (743)
        assertThat(signalen(aanmelden(b -> {
            metOnderwijsnummer(b, Pgn.onderwijsnummer(1));
            b.getLeerling().setLandcode("603");
        }))).containsExactly("742 landcode");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setHuisnummer("1a")))).containsExactly("742 huisnummer");
        assertThat(signalen(aanmelden(b -> b.getLeerling().setHuisnummer("123456")))).containsExactly("742 huisnummer");
        // no house has number 0, and a number is not written with a leading zero
        for (String fout : List.of("0", "00000", "012")) {
            assertThat(signalen(aanmelden(b -> b.getLeerling().setHuisnummer(fout)))).as(fout).containsExactly("742 huisnummer");
        }
        assertThat(signalen(aanmelden(b -> b.getLeerling().setHuisnummer("12345")))).isEmpty();
    }

    // ---- inschrijving ----

    /** 740/742: datum inschrijving is required, datum uitschrijving optional; both JJJJ-MM-DD. */
    @Test
    void deDatumsVanDeInschrijving() {
        assertThat(signalen(inschrijven(b -> b.getInschrijving().setDatumInschrijving(null)))).containsExactly("740 datum inschrijving");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().setDatumInschrijving("2026-08-32"))))
                .containsExactly("742 datum inschrijving");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().setDatumUitschrijving("2027-7-31"))))
                .containsExactly("742 datum uitschrijving");
        // a year the register does not know, in every date of the enrolment
        assertThat(signalen(inschrijven(b -> b.getInschrijving().setDatumUitschrijving("9999-12-31"))))
                .containsExactly("742 datum uitschrijving");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getLeerjaar().get(0).setIngangsdatum("0001-08-01"))))
                .containsExactly("742 datum ingang leerjaar/groep");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().setDatumUitschrijving("2099-12-31")))).isEmpty();
    }

    /** 742 and 741: BRIN of a teruggeplaatste leerling as 99XX; NNCA from its list (0, 1, 2) when given. */
    @Test
    void eenVerkeerdeBrinOfNnca() {
        assertThat(signalen(inschrijven(b -> b.getInschrijving().setBrinTeruggeplaatsteLeerling("71wa"))))
                .containsExactly("742 BRIN-nummer teruggeplaatste leerling");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().setBrinTeruggeplaatsteLeerling("71WA")))).isEmpty();
        assertThat(signalen(inschrijven(b -> b.getInschrijving().setAanduidingNnca("3")))).containsExactly("741 aanduiding NNCA");
    }

    /** Vestiging (two digits) and leerjaar/groep (one or two digits) are a format: 742. */
    @Test
    void eenVerkeerdGeschrevenVestigingOfLeerjaar() {
        assertThat(signalen(inschrijven(b -> waarde(b.getInschrijving().getVestiging(), "1")))).containsExactly("742 vestiging");
        assertThat(signalen(inschrijven(b -> waarde(b.getInschrijving().getVestiging(), "001")))).containsExactly("742 vestiging");
        assertThat(signalen(inschrijven(b -> waarde(b.getInschrijving().getLeerjaar(), "100")))).containsExactly("742 leerjaar/groep");
        assertThat(signalen(inschrijven(b -> waarde(b.getInschrijving().getLeerjaar(), "12")))).isEmpty();
    }

    /** The other groups take a value from their list: 741. */
    @Test
    void eenGroepswaardeBuitenDeWaardelijst() {
        assertThat(signalen(inschrijven(b -> waarde(b.getInschrijving().getSoortVerblijf(), "7")))).containsExactly("741 soort verblijf");
        assertThat(signalen(inschrijven(b -> waarde(b.getInschrijving().getSchoolsoort(), "3")))).containsExactly("741 schoolsoort");
        assertThat(signalen(inschrijven(b -> waarde(b.getInschrijving().getSoortOnderwijs(), "35")))).containsExactly("741 soort onderwijs");
        assertThat(signalen(inschrijven(b -> waarde(b.getInschrijving().getIndicatieBekostiging(), "j"))))
                .containsExactly("741 indicatie bekostiging");
    }

    /** 740: a group occurrence without a value or an ingangsdatum; 742 for an ingangsdatum not JJJJ-MM-DD. */
    @Test
    void eenGroepZonderWaardeOfIngangsdatum() {
        assertThat(signalen(inschrijven(b -> waarde(b.getInschrijving().getSchoolsoort(), " ")))).containsExactly("740 schoolsoort");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getLeerjaar().get(0).setIngangsdatum(null))))
                .containsExactly("740 datum ingang leerjaar/groep");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getSoortVerblijf().get(0).setIngangsdatum("01-08-2026"))))
                .containsExactly("742 datum ingang soort verblijf");
    }

    /** Every occurrence of a group with history is judged, not only the first or the last. */
    @Test
    void elkVoorkomenVanEenGroepWordtBeoordeeld() {
        assertThat(signalen(inschrijven(b -> {
            List<GroepVoorkomen> leerjaar = b.getInschrijving().getLeerjaar();
            leerjaar.add(groep("2027-08-01", "4x"));
            leerjaar.add(groep("2028-08-01", "5"));
        }))).containsExactly("742 leerjaar/groep");
        assertThat(signalen(inschrijven(b -> {
            List<GroepVoorkomen> vestiging = b.getInschrijving().getVestiging();
            vestiging.add(0, groep("2025-08-01", "3"));
            vestiging.add(groep("2027-08-01", ""));
        }))).containsExactly("742 vestiging", "740 vestiging");
    }

    /** Indicatiestelling: datum required (740) and JJJJ-MM-DD, onderwijssoort from its list (741), BRIN of the REC (742). */
    @Test
    void eenOnjuisteIndicatiestelling() {
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getIndicatiestelling().get(0).setDatumIndicatiestelling(""))))
                .containsExactly("740 datum indicatiestelling");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getIndicatiestelling().get(0).setOnderwijssoortIndicatie("00"))))
                .containsExactly("741 onderwijssoort indicatie");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getIndicatiestelling().get(0).setOnderwijssoortIndicatie(null))))
                .containsExactly("740 onderwijssoort indicatie");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getIndicatiestelling().get(0).setBrinRec("12R"))))
                .containsExactly("742 BRIN-nummer REC indicatiestelling");
    }

    /** Ambulante begeleiding: ingangsdatum required and JJJJ-MM-DD, BRIN of the school 99XX. */
    @Test
    void eenOnjuisteAmbulanteBegeleiding() {
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getAmbulanteBegeleiding().get(0).setIngangsdatum(null))))
                .containsExactly("740 datum ingang ambulante begeleiding");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getAmbulanteBegeleiding().get(0).setIngangsdatum("2026-02-29"))))
                .containsExactly("742 datum ingang ambulante begeleiding");
        assertThat(signalen(inschrijven(b -> b.getInschrijving().getAmbulanteBegeleiding().get(0).setBrinSchool("7WA1"))))
                .containsExactly("742 BRIN-nummer school ambulante begeleiding");
    }

    /** All findings of one bericht are given, in the order of its fields. */
    @Test
    void alleBevindingenVanEenBerichtWordenGegeven() {
        assertThat(signalen(inschrijven(b -> {
            b.getLeerling().setBurgerservicenummer("123");
            b.getLeerling().setGeslacht("X");
            b.getInschrijving().setDatumInschrijving("");
            waarde(b.getInschrijving().getSchoolsoort(), "9");
        }))).containsExactly("742 burgerservicenummer", "741 geslacht", "740 datum inschrijving", "741 schoolsoort");
    }

    // ---- helpers ----

    /** A correct inschrijven, changed by {@code wijziging}, checked on its own. */
    private AangeleverdBericht inschrijven(Consumer<Bericht> wijziging) {
        return gecontroleerd(bericht("inschrijven", wijziging));
    }

    /** A correct aanmelden (no inschrijving), changed by {@code wijziging}, checked on its own. */
    private AangeleverdBericht aanmelden(Consumer<Bericht> wijziging) {
        return gecontroleerd(bericht("aanmelden", wijziging));
    }

    private AangeleverdBericht gecontroleerd(Bericht b) {
        Aanlevering a = aanlevering(b);
        controle.controleer(a);
        return a.berichten().get(0);
    }

    private Aanlevering aanlevering(Bericht... berichten) {
        List<AangeleverdBericht> lijst = new ArrayList<>();
        for (int i = 0; i < berichten.length; i++) {
            lijst.add(new AangeleverdBericht(i + 1, berichten[i].getIdentificatie(), berichten[i], List.of()));
        }
        return new Aanlevering("aanlevering", "10AA", "1", lijst);
    }

    private static List<String> signalen(AangeleverdBericht b) {
        return b.signalen().stream().map(s -> s.code() + (s.gegeven() == null ? "" : " " + s.gegeven())).toList();
    }

    /**
     * Sanne Jansen (BSN 999993847, born 14 March 2016, Teststraat 1, 3511AB Utrecht); for an inschrijven a WEC place at
     * 10AA from 1 August 2026 with every group, an indication and ambulante begeleiding filled correctly.
     */
    private Bericht bericht(String mutatiesoort, Consumer<Bericht> wijziging) {
        Bericht b = new Bericht();
        b.setIdentificatie("b-formaat-" + (++volgnummer));
        b.setMutatiesoort(mutatiesoort);
        Persoon p = new Persoon();
        p.setBurgerservicenummer("999993847");
        p.setGeboortedatum("2016-03-14");
        p.setGeslacht("V");
        p.setAchternaam("Jansen");
        p.setVoornamen("Sanne");
        p.setStraatnaam("Teststraat");
        p.setHuisnummer("1");
        p.setPostcode("3511AB");
        p.setWoonplaats("Utrecht");
        b.setLeerling(p);
        if (!"aanmelden".equals(mutatiesoort)) {
            Inschrijving i = new Inschrijving();
            i.setDatumInschrijving("2026-08-01");
            i.setAanduidingNnca("1");
            i.getVestiging().add(groep("2026-08-01", "01"));
            i.getLeerjaar().add(groep("2026-08-01", "3"));
            i.getSoortVerblijf().add(groep("2026-08-01", "0"));
            i.getSchoolsoort().add(groep("2026-08-01", "1"));
            i.getSoortOnderwijs().add(groep("2026-08-01", "33"));
            i.getIndicatieBekostiging().add(groep("2026-08-01", "J"));
            Indicatiestelling ind = new Indicatiestelling();
            ind.setDatumIndicatiestelling("2026-06-15");
            ind.setOnderwijssoortIndicatie("33");
            ind.setBrinRec("12RC");
            ind.setCviNummer("1234567");
            i.getIndicatiestelling().add(ind);
            AmbulanteBegeleiding ab = new AmbulanteBegeleiding();
            ab.setIngangsdatum("2026-08-01");
            ab.setBrinSchool("71WA");
            i.getAmbulanteBegeleiding().add(ab);
            b.setInschrijving(i);
        }
        wijziging.accept(b);
        return b;
    }

    private static GroepVoorkomen groep(String ingang, String waarde) {
        GroepVoorkomen g = new GroepVoorkomen();
        g.setIngangsdatum(ingang);
        g.setWaarde(waarde);
        return g;
    }

    /** The group's only occurrence gets this value. */
    private static void waarde(List<GroepVoorkomen> groep, String waarde) {
        groep.get(0).setWaarde(waarde);
    }

    private static void buitenland(Persoon p) {
        p.setStraatnaam(null);
        p.setHuisnummer(null);
        p.setPostcode(null);
        p.setWoonplaats(null);
        p.setLandcode("5010");
    }

    private static void metOnderwijsnummer(Bericht b, String nummer) {
        b.getLeerling().setBurgerservicenummer(null);
        b.getLeerling().setOnderwijsnummer(nummer);
    }
}
