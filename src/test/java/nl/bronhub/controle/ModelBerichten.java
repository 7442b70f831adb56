package nl.bronhub.controle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.bronhub.ConfigLezer;
import nl.bronhub.model.GbaAntwoord;
import nl.bronhub.model.AmbulanteBegeleiding;
import nl.bronhub.model.Bericht;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.model.Voorkomen;
import nl.bronhub.referentie.ReferentieEigenschappen;
import nl.bronhub.signaal.SignaalEigenschappen;
import nl.bronhub.support.Hub;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.signaal.SignaalCatalogus;

/**
 * Test data on the typed model, for the rule beans without a hub: pupils and WEC enrolments as the
 * handbook describes them, built up period by period, and the real signal catalogue and reference
 * register the hub reads at start (the operator's catalogue, the tests' institutions).
 */
final class ModelBerichten {

    /**
     * The operator's signal catalogue: the texts a LAS receives. Without a Spring context (null): the start-up check
     * that every rule's code is in the file is SignaalcodesPerRegelTest's here. Paths are from the repository root,
     * where surefire runs the tests.
     */
    static final SignaalCatalogus CATALOGUS = new SignaalCatalogus(new SignaalEigenschappen(Hub.SIGNALEN), new ConfigLezer(), null);

    /**
     * The institutions the hub tests deliver for. Among them: 10AA a WEC school with vestiging 01 (most soorten
     * onderwijs), 02 (only 33, closed after 31-07-2024) and 03 (only 11 and 12); 71WA a WPO school; 71VA a VGK
     * institution; 71XA a WEC school closed after 31-07-2020; 71VO a WVO school; 71EB a WEB institution.
     */
    static final Instellingen INSTELLINGEN = new Instellingen(new ReferentieEigenschappen("src/test/resources/referentie/instellingen.yaml"), new ConfigLezer());

    static final String WEC = "10AA";
    static final String WPO = "71WA";
    static final String VGK = "71VA";
    static final String OPGEHEVEN = "71XA";
    static final String WVO = "71VO";
    static final String MBO = "71EB";
    /** A BRIN the register does not know. */
    static final String ONBEKEND = "99ZZ";

    /** The REC of the tests' indications. */
    static final String REC = "12RC";

    /** Today, for the rules that look at the calendar: 15 September 2026. */
    static final LocalDate VANDAAG = LocalDate.of(2026, 9, 15);
    static final Clock KLOK = Clock.fixed(VANDAAG.atTime(12, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant(),
            ZoneId.of("Europe/Amsterdam"));

    private ModelBerichten() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Sanne Jansen, the hub tests' test person with a public test BSN: born 14 March 2016, living in Utrecht. */
    static Leerling sanne() {
        return leerling(d("2016-03-14"));
    }

    /** A pupil with Sanne's BSN and domestic address, born on the given day. */
    static Leerling leerling(LocalDate geboortedatum) {
        return new Leerling("999993847", null, geboortedatum, "V", "Jansen", null, "Sanne", "Teststraat", "1", null,
                "3511AB", "Utrecht", null, null, null, null, false);
    }

    /** Sanne with another address: domestic fields, landcode and the three foreign lines (null for empty). */
    static Leerling metAdres(String straatnaam, String huisnummer, String postcode, String woonplaats, String landcode,
                             String regel1, String regel2, String regel3) {
        Leerling l = sanne();
        return new Leerling(l.bsn(), l.onderwijsnummer(), l.geboortedatum(), l.geslacht(), l.achternaam(), l.voorvoegsel(),
                l.voornamen(), straatnaam, huisnummer, null, postcode, woonplaats, landcode, regel1, regel2, regel3, false);
    }

    /** Sanne living in Antwerp: landcode 5010 and two foreign address lines. */
    static Leerling inBelgie() {
        return metAdres(null, null, null, null, "5010", "Grote Markt 1", "2000 Antwerpen", null);
    }

    /** The pupil as a school that marks the address secret sends them. */
    static Leerling adresGeheim(Leerling l) {
        return new Leerling(l.bsn(), l.onderwijsnummer(), l.geboortedatum(), l.geslacht(), l.achternaam(), l.voorvoegsel(),
                l.voornamen(), l.straatnaam(), l.huisnummer(), l.huisnummertoevoeging(), l.postcode(), l.woonplaats(),
                l.landcode(), l.adresregelBuitenland1(), l.adresregelBuitenland2(), l.adresregelBuitenland3(), true);
    }

    /** The same pupil sent without a persoonsgebonden nummer (the register is not asked about them). */
    static Leerling zonderNummer(Leerling l) {
        return l.metBsn(null);
    }

    /** A regular WEC place from {@code datum}: every group starts that day (vestiging 01, soort 33), one indication for 33. */
    static InschrijvingBouwer wec(String datum) {
        return new InschrijvingBouwer(d(datum)).nnca("1")
                .groep(Groep.VESTIGING, datum, "01")
                .groep(Groep.LEERJAAR, datum, "3")
                .groep(Groep.SOORT_VERBLIJF, datum, "0")
                .groep(Groep.SCHOOLSOORT, datum, "1")
                .groep(Groep.SOORT_ONDERWIJS, datum, "33")
                .groep(Groep.INDICATIE_BEKOSTIGING, datum, "J")
                .indicatie(datum, "33");
    }

    /** A WPO enrolment: only vestiging and leerjaar/groep, no WEC data. */
    static InschrijvingBouwer wpo(String datum) {
        return new InschrijvingBouwer(d(datum))
                .groep(Groep.VESTIGING, datum, "01")
                .groep(Groep.LEERJAAR, datum, "3");
    }

    /**
     * Ambulante begeleiding from {@code datum} of a pupil at the regular school {@code school} (handbook 7.3.2):
     * NNCA and every group 0 (soort onderwijs 00) from that day, vestiging 01, an indication for 33 of 15 June 2026.
     */
    static InschrijvingBouwer ambulant(String datum, String school) {
        return new InschrijvingBouwer(d(datum)).nnca("0")
                .groep(Groep.VESTIGING, datum, "01")
                .groep(Groep.LEERJAAR, datum, "0")
                .groep(Groep.SOORT_VERBLIJF, datum, "0")
                .groep(Groep.SCHOOLSOORT, datum, "0")
                .groep(Groep.SOORT_ONDERWIJS, datum, "00")
                .groep(Groep.INDICATIE_BEKOSTIGING, datum, "J")
                .indicatie("2026-06-15", "33")
                .ambulanteBegeleiding(datum, school);
    }

    /** An inschrijving in the making; each call adds or replaces one thing, as a LAS registers a change. */
    static final class InschrijvingBouwer {

        private final LocalDate datumInschrijving;
        private LocalDate datumUitschrijving;
        private String brinTeruggeplaatst;
        private String nnca;
        private final Map<Groep, List<Voorkomen>> groepen = new EnumMap<>(Groep.class);
        private final List<Indicatiestelling> indicaties = new ArrayList<>();
        private final List<AmbulanteBegeleiding> begeleiding = new ArrayList<>();

        private InschrijvingBouwer(LocalDate datumInschrijving) {
            this.datumInschrijving = datumInschrijving;
        }

        InschrijvingBouwer uitgeschrevenOp(String datum) {
            datumUitschrijving = d(datum);
            return this;
        }

        InschrijvingBouwer teruggeplaatstOp(String brin) {
            brinTeruggeplaatst = brin;
            return this;
        }

        InschrijvingBouwer nnca(String aanduiding) {
            nnca = aanduiding;
            return this;
        }

        /** One more occurrence of the group: the value in force from {@code ingang}. */
        InschrijvingBouwer groep(Groep groep, String ingang, String waarde) {
            groepen.computeIfAbsent(groep, g -> new ArrayList<>()).add(new Voorkomen(d(ingang), waarde));
            return this;
        }

        /** The group given with only this occurrence. */
        InschrijvingBouwer alleen(Groep groep, String ingang, String waarde) {
            return zonder(groep).groep(groep, ingang, waarde);
        }

        InschrijvingBouwer zonder(Groep groep) {
            groepen.remove(groep);
            return this;
        }

        /** An indicatiestelling with the tests' REC and a CVI-nummer; a re-indication is added beside the others. */
        InschrijvingBouwer indicatie(String datum, String onderwijssoort) {
            return indicatie(datum, onderwijssoort, REC, "1234567");
        }

        InschrijvingBouwer indicatie(String datum, String onderwijssoort, String brinRec, String cviNummer) {
            indicaties.add(new Indicatiestelling(d(datum), onderwijssoort, brinRec, cviNummer));
            return this;
        }

        InschrijvingBouwer zonderIndicaties() {
            indicaties.clear();
            return this;
        }

        InschrijvingBouwer ambulanteBegeleiding(String ingang, String school) {
            begeleiding.add(new AmbulanteBegeleiding(d(ingang), school));
            return this;
        }

        InschrijvingBouwer zonderAmbulanteBegeleidingOp(String ingang) {
            begeleiding.removeIf(ab -> ab.ingangsdatum().equals(d(ingang)));
            return this;
        }

        Inschrijving bouw() {
            return new Inschrijving(datumInschrijving, datumUitschrijving, brinTeruggeplaatst, nnca, groepen, indicaties, begeleiding);
        }
    }

    /** An inschrijven for Sanne at {@code brin}, the person register having nothing to say. */
    static Verwerking inschrijven(String brin, InschrijvingBouwer inschrijving) {
        return verwerking(brin, Mutatiesoort.INSCHRIJVEN, sanne(), inschrijving.bouw());
    }

    static Verwerking verwerking(String brin, Mutatiesoort soort, Leerling leerling, Inschrijving inschrijving) {
        Verwerking v = new Verwerking(1L, 1L, brin, new Bericht("b-regeltest", soort, leerling, inschrijving));
        v.setGba(GbaAntwoord.NIETS);
        return v;
    }

    /** The signals as "code gegeven" lines, in the order the rule gave them: an assertion shows what came. */
    static List<String> signalen(Verwerking v) {
        return v.getSignalen().stream().map(s -> s.code() + (s.gegeven() == null ? "" : " " + s.gegeven())).toList();
    }

    /** The texts the LAS would read, by code. */
    static String teksten(Verwerking v) {
        return v.getSignalen().stream().map(s -> s.code() + ": " + s.omschrijving()).collect(Collectors.joining("\n"));
    }
}
