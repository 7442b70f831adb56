package nl.bronhub.gba;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.bronhub.ConfigLezer;
import nl.bronhub.aanlevering.Pgn;
import nl.bronhub.model.Bericht;
import nl.bronhub.model.GbaPersoon;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.registratie.RegisterLezer;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.signaal.SignaalEigenschappen;
import nl.bronhub.support.Hub;
import nl.bronhub.verwerking.Verwerking;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Judging the person register's answer (handbook 7.1-7.2) without a hub: GbaControle (753, 770) and Identificatie
 * (752, 755, 756, 757, 793, 956, 304). The answer is the one the real GbaVraag gets from a person register held in
 * memory; the hub's own persoon table and onderwijsnummer sequence are a small stand-in, as is the register's
 * knowledge of who it already holds.
 */
class GbaRegelsTest {

    private static final SignaalCatalogus CATALOGUS = new SignaalCatalogus(new SignaalEigenschappen(Hub.SIGNALEN), new ConfigLezer(), null);
    private static final String BRIN = "10AA";
    private static final String BSN = "999993847";
    private static final LocalDate GEBOREN = LocalDate.of(2016, 3, 14);

    /** Sanne Jansen as the GBA holds her: born 14 March 2016, living at Teststraat 1, 3511AB Utrecht. */
    private static final GbaPersoon SANNE_GBA = new GbaPersoon(BSN, GEBOREN, "V", null, "Jansen", "Sanne", "Teststraat", "1",
            null, "3511AB", "Utrecht", false);

    private final GbaInGeheugen gba = new GbaInGeheugen();
    private final PersoonTabel persoon = new PersoonTabel();
    private final Geregistreerd register = new Geregistreerd(persoon);
    private final GbaControle controle = new GbaControle(CATALOGUS);
    private final Identificatie identificatie = new Identificatie(persoon, register, CATALOGUS);

    // ---- GbaControle ----

    /** 7.1: BSN, geboortedatum and geslacht as the GBA has them: nothing to say. */
    @Test
    void eenBsnDatKloptMetDeGbaGeeftGeenSignaal() {
        gba.met(SANNE_GBA);
        assertThat(signalen(gecontroleerd(sanne()))).isEmpty();
    }

    /** 7.1: a BSN the GBA does not know is 753. */
    @Test
    void eenBsnDatDeGbaNietKentIsEenOnjuisteCombinatie() {
        Verwerking v = gecontroleerd(sanne());
        assertThat(signalen(v)).containsExactly("753 burgerservicenummer");
        assertThat(v.isAfgekeurd()).isTrue();
    }

    /** 7.1: the geboortedatum must be the GBA's, to the day (the day before and after are both 753). */
    @Test
    void eenAndereGeboortedatumDanDeGbaIsEenOnjuisteCombinatie() {
        gba.met(SANNE_GBA);
        assertThat(signalen(gecontroleerd(metGeboortedatum(sanne(), GEBOREN.minusDays(1))))).containsExactly("753 burgerservicenummer");
        assertThat(signalen(gecontroleerd(metGeboortedatum(sanne(), GEBOREN.plusDays(1))))).containsExactly("753 burgerservicenummer");
    }

    /** 7.1: the geslacht must be the GBA's. */
    @Test
    void eenAnderGeslachtDanDeGbaIsEenOnjuisteCombinatie() {
        gba.met(SANNE_GBA);
        assertThat(signalen(gecontroleerd(metGeslacht(sanne(), "M")))).containsExactly("753 burgerservicenummer");
    }

    /**
     * 7.1: a BRP may hold a birth date partly unknown (the client gives no date then) or no geslacht: no match, 753,
     * and no failure in processing.
     */
    @Test
    void eenGbaPersoonZonderVolledigeGeboortedatumOfGeslachtIsEenOnjuisteCombinatie() {
        gba.met(new GbaPersoon(BSN, null, "V", null, "Jansen", "Sanne", null, null, null, null, null, false));
        assertThat(signalen(gecontroleerd(sanne()))).containsExactly("753 burgerservicenummer");
        gba.met(new GbaPersoon(BSN, GEBOREN, null, null, "Jansen", "Sanne", null, null, null, "3511AB", null, false));
        assertThat(signalen(gecontroleerd(sanne()))).containsExactly("753 burgerservicenummer");
    }

    /** 7.1: only the postcode differs: an attentie 770, not 753; the bericht is not refused. */
    @Test
    void alleenEenAnderePostcodeIsEenAttentie() {
        gba.met(SANNE_GBA);
        Verwerking v = gecontroleerd(metPostcode(sanne(), "3511AC"));
        assertThat(signalen(v)).containsExactly("770 postcode");
        assertThat(v.isAfgekeurd()).isFalse();
    }

    /** 7.1: a school that sends no postcode has nothing to compare; a secret GBA address is not compared either. */
    @Test
    void geenPostcodeOfEenGeheimAdresWordtNietVergeleken() {
        gba.met(SANNE_GBA);
        assertThat(signalen(gecontroleerd(metPostcode(sanne(), null)))).isEmpty();

        gba.met(geheim(SANNE_GBA));
        assertThat(signalen(gecontroleerd(metPostcode(sanne(), "3511AC")))).isEmpty();
    }

    /**
     * 7.2.4: a school that marks the address secret gets no signal about it ("als u aangeeft dat het adres van de leerling
     * geheim is koppelt BRON geen signaal terug"), though the GBA's address is not secret and differs (an independent LAS
     * got 770).
     */
    @Test
    void eenDoorDeSchoolGeheimGemeldAdresWordtNietVergeleken() {
        gba.met(SANNE_GBA);
        Leerling l = metPostcode(sanne(), "3511AC");
        Leerling geheim = new Leerling(l.bsn(), l.onderwijsnummer(), l.geboortedatum(), l.geslacht(), l.achternaam(), l.voorvoegsel(),
                l.voornamen(), l.straatnaam(), l.huisnummer(), l.huisnummertoevoeging(), l.postcode(), l.woonplaats(), l.landcode(),
                null, null, null, true);
        assertThat(signalen(gecontroleerd(geheim))).isEmpty();
    }

    /** A pupil without a BSN is not the GBA check's: no 753 although the GBA has no answer. */
    @Test
    void eenLeerlingZonderBsnWordtNietGecontroleerd() {
        assertThat(signalen(gecontroleerd(sanne().metBsn(null)))).isEmpty();
        assertThat(signalen(gecontroleerd(sanne().metBsn(null).metOnderwijsnummer(Pgn.onderwijsnummer(1))))).isEmpty();
    }

    // ---- Identificatie: with a BSN ----

    /** 7.1: for a BSN pupil the register holds the GBA's personal data, not the school's. */
    @Test
    void metBsnNeemtDeHubDeGegevensVanDeGbaOver() {
        gba.met(new GbaPersoon(BSN, GEBOREN, "V", "van", "Dijk", "Sanne Maria", "Lindelaan", "12", "a", "3512CD", "Utrecht", false));
        Verwerking v = geidentificeerd(sanne());
        assertThat(signalen(v)).isEmpty();
        Leerling l = v.leerling();
        assertThat(List.of(l.voorvoegsel(), l.achternaam(), l.voornamen(), l.straatnaam(), l.huisnummer(), l.huisnummertoevoeging(),
                l.postcode())).containsExactly("van", "Dijk", "Sanne Maria", "Lindelaan", "12", "a", "3512CD");
        assertThat(l.bsn()).isEqualTo(BSN);
        assertThat(l.adresGeheim()).isFalse();
    }

    /** 7.1: a school cannot change the name the GBA holds of a pupil already in the register: 793, data kept as sent. */
    @Test
    void eenSchoolWijzigtDeAchternaamVanEenGeregistreerdeLeerlingNiet() {
        gba.met(SANNE_GBA);
        register.houdt(BSN);
        Verwerking v = geidentificeerd(metNaam(sanne(), null, "Janssen", "Sanne"));
        assertThat(signalen(v)).containsExactly("793 achternaam");
        assertThat(v.isAfgekeurd()).isTrue();
        assertThat(v.leerling().achternaam()).as("not replaced by the GBA's after 793").isEqualTo("Janssen");
    }

    /** 793 covers voorvoegsel and voornamen too (each named in the signal as achternaam, the handbook's key field). */
    @Test
    void eenSchoolWijzigtHetVoorvoegselOfDeVoornamenNiet() {
        gba.met(SANNE_GBA);
        register.houdt(BSN);
        assertThat(signalen(geidentificeerd(metNaam(sanne(), "van", "Jansen", "Sanne")))).containsExactly("793 achternaam");
        assertThat(signalen(geidentificeerd(metNaam(sanne(), null, "Jansen", "Sanna")))).containsExactly("793 achternaam");
    }

    /** Only what the school filled in counts as a change: another case, or a name left empty, is no 793. */
    @Test
    void hoofdlettersOfEenLeegGelatenNaamZijnGeenWijziging() {
        gba.met(SANNE_GBA);
        register.houdt(BSN);
        assertThat(signalen(geidentificeerd(metNaam(sanne(), null, "JANSEN", "sanne")))).isEmpty();
        Verwerking v = geidentificeerd(metNaam(sanne(), null, "Jansen", null));
        assertThat(signalen(v)).isEmpty();
        assertThat(v.leerling().voornamen()).as("the GBA's").isEqualTo("Sanne");
    }

    /** A pupil the register does not hold yet is sent under any name: the GBA's replaces it, no 793. */
    @Test
    void eenNieuweLeerlingMetEenAndereNaamKrijgtDeNaamVanDeGba() {
        gba.met(SANNE_GBA);
        Verwerking v = geidentificeerd(metNaam(sanne(), null, "Janssen", "Sanna"));
        assertThat(signalen(v)).isEmpty();
        assertThat(v.leerling().achternaam()).isEqualTo("Jansen");
        assertThat(v.leerling().voornamen()).isEqualTo("Sanne");
    }

    /** 956: the GBA keeps the address secret; the register marks it so. */
    @Test
    void eenGeheimAdresVolgensDeGbaWordtGemeld() {
        gba.met(geheim(SANNE_GBA));
        Verwerking v = geidentificeerd(sanne());
        assertThat(signalen(v)).containsExactly("956");
        assertThat(v.isAfgekeurd()).as("956 is an attentie").isFalse();
        assertThat(v.leerling().adresGeheim()).isTrue();
    }

    // ---- Identificatie: without a number ----

    /** 7.2: one person with this surname and birth date, of this sex at this postcode: the BSN via the GBA, 755. */
    @Test
    void zonderNummerVindtDeHubHetBsnViaDeGba() {
        gba.met(SANNE_GBA);
        Verwerking v = geidentificeerd(sanne().metBsn(null));
        assertThat(signalen(v)).containsExactly("755 burgerservicenummer");
        assertThat(v.leerling().bsn()).isEqualTo(BSN);
        assertThat(v.getPgn()).isEqualTo(BSN);
        assertThat(v.leerling().onderwijsnummer()).isNull();
    }

    /** 7.2: the GBA finds the name and birth date but another sex or postcode, or two persons: no 755, a new number. */
    @Test
    void zonderEenduidigeVondstInDeGbaGeenBsn() {
        gba.met(new GbaPersoon("999991012", GEBOREN, "M", null, "Jansen", "Bram", "Teststraat", "1", null, "3511AB", "Utrecht", false));
        gba.met(new GbaPersoon("999991024", GEBOREN, "V", null, "Jansen", "Eva", "Kerkstraat", "2", null, "1011AA", "Amsterdam", false));
        assertThat(signalen(geidentificeerd(sanne().metBsn(null)))).containsExactly("757 onderwijsnummer");

        gba.met(new GbaPersoon("999991036", GEBOREN, "V", null, "Jansen", "Sanne", "Teststraat", "1", null, "3511AB", "Utrecht", false));
        gba.met(new GbaPersoon("999991048", GEBOREN, "V", null, "Jansen", "Saar", "Teststraat", "1", null, "3511AB", "Utrecht", false));
        assertThat(signalen(geidentificeerd(sanne().metBsn(null)))).as("twins at one address").containsExactly("757 onderwijsnummer");
    }

    /** 7.2: a pupil living abroad, or without a postcode, is not looked up in the GBA (GbaVraag does not ask). */
    @Test
    void eenLeerlingInHetBuitenlandWordtNietInDeGbaGezocht() {
        gba.met(SANNE_GBA);
        Leerling buitenland = new Leerling(null, null, GEBOREN, "V", "Jansen", null, "Sanne", null, null, null, null, null, "5010",
                "Grote Markt 1", "2000 Antwerpen", null, false);
        assertThat(signalen(geidentificeerd(buitenland))).containsExactly("757 onderwijsnummer");
        assertThat(signalen(geidentificeerd(metPostcode(sanne().metBsn(null), null)))).containsExactly("757 onderwijsnummer");
        assertThat(gba.gevraagdOpNaam).isZero();
    }

    /** 7.2: an onderwijsnummer BRON already gave this pupil (birth date, sex, surname in any case): 756. */
    @Test
    void zonderNummerVindtDeHubEenEerderGegevenOnderwijsnummer() {
        String eerder = Pgn.onderwijsnummer(42);
        persoon.onderwijsnummer(eerder, GEBOREN, "V", "JANSEN");
        Verwerking v = geidentificeerd(sanne().metBsn(null));
        assertThat(signalen(v)).containsExactly("756 onderwijsnummer");
        assertThat(v.leerling().onderwijsnummer()).isEqualTo(eerder);
        assertThat(v.getPgn()).isEqualTo(eerder);
    }

    /** 756 needs exactly one: another birth date or sex is another pupil, and two candidates are not a choice. */
    @Test
    void eenOnderwijsnummerVanEenAnderOfVanTweeKandidatenWordtNietGevonden() {
        persoon.onderwijsnummer(Pgn.onderwijsnummer(42), GEBOREN.plusDays(1), "V", "Jansen");
        persoon.onderwijsnummer(Pgn.onderwijsnummer(43), GEBOREN, "M", "Jansen");
        assertThat(signalen(geidentificeerd(sanne().metBsn(null)))).containsExactly("757 onderwijsnummer");

        persoon.onderwijsnummer(Pgn.onderwijsnummer(44), GEBOREN, "V", "Jansen");
        persoon.onderwijsnummer(Pgn.onderwijsnummer(45), GEBOREN, "V", "Jansen");
        assertThat(signalen(geidentificeerd(sanne().metBsn(null)))).containsExactly("757 onderwijsnummer");
    }

    /** 7.2: else BRON gives a new onderwijsnummer from its sequence, 757; a running number without a check digit is skipped. */
    @Test
    void eenNieuwOnderwijsnummerSlaatEenVolgnummerZonderControlecijferOver() {
        long zonderControlecijfer = 0;
        while (Pgn.onderwijsnummer(zonderControlecijfer) != null) {
            zonderControlecijfer++;
        }
        persoon.reeks.volgende = zonderControlecijfer;
        Verwerking v = geidentificeerd(sanne().metBsn(null));
        assertThat(signalen(v)).containsExactly("757 onderwijsnummer");
        assertThat(v.leerling().onderwijsnummer()).isEqualTo(Pgn.onderwijsnummer(zonderControlecijfer + 1));
        assertThat(Pgn.isGeldigOnderwijsnummer(v.leerling().onderwijsnummer())).isTrue();
        assertThat(v.getPgn()).isEqualTo(v.leerling().onderwijsnummer());
    }

    /** A verwijderen of a pupil BRON does not know: no number is handed out (no 757), 304 says what failed. */
    @Test
    void eenVerwijderenVanEenOnbekendeLeerlingMisluktZonderNummer() {
        Inschrijving inschrijving = new Inschrijving(LocalDate.of(2026, 8, 1), null, null, null, Map.of(), List.of(), List.of());
        Verwerking v = verwerking(Mutatiesoort.VERWIJDEREN, sanne().metBsn(null), inschrijving);
        identificatie.identificeer(v);
        assertThat(signalen(v)).containsExactly("304 datum inschrijving");
        assertThat(v.getSignalen().get(0).omschrijving()).contains("(geen)", "01-08-2026");
        assertThat(v.leerling().onderwijsnummer()).isNull();
        assertThat(persoon.reeks.volgende).as("the sequence was not asked").isEqualTo(1);
    }

    // ---- Identificatie: with an onderwijsnummer ----

    /** 7.2: an onderwijsnummer the register holds for this birth date and sex is taken as it is. */
    @Test
    void eenOnderwijsnummerDatKlopt() {
        String nummer = Pgn.onderwijsnummer(42);
        persoon.onderwijsnummer(nummer, GEBOREN, "V", "Jansen");
        Verwerking v = geidentificeerd(sanne().metBsn(null).metOnderwijsnummer(nummer));
        assertThat(signalen(v)).isEmpty();
        assertThat(v.leerling().onderwijsnummer()).isEqualTo(nummer);
    }

    /** 7.2: another birth date (the day before or after), another sex, or a number BRON never gave: 752. */
    @Test
    void eenOnderwijsnummerMetEenAndereGeboortedatumGeslachtOfOnbekendIsOnjuist() {
        String nummer = Pgn.onderwijsnummer(42);
        persoon.onderwijsnummer(nummer, GEBOREN, "V", "Jansen");
        Leerling met = sanne().metBsn(null).metOnderwijsnummer(nummer);
        assertThat(signalen(geidentificeerd(metGeboortedatum(met, GEBOREN.minusDays(1))))).containsExactly("752 onderwijsnummer");
        assertThat(signalen(geidentificeerd(metGeboortedatum(met, GEBOREN.plusDays(1))))).containsExactly("752 onderwijsnummer");
        assertThat(signalen(geidentificeerd(metGeslacht(met, "M")))).containsExactly("752 onderwijsnummer");

        Verwerking v = geidentificeerd(sanne().metBsn(null).metOnderwijsnummer(Pgn.onderwijsnummer(43)));
        assertThat(signalen(v)).containsExactly("752 onderwijsnummer");
        assertThat(v.isAfgekeurd()).isTrue();
    }

    // ---- helpers ----

    private Verwerking gecontroleerd(Leerling l) {
        Verwerking v = verwerking(Mutatiesoort.AANMELDEN, l, null);
        controle.controleer(v);
        return v;
    }

    private Verwerking geidentificeerd(Leerling l) {
        Verwerking v = verwerking(Mutatiesoort.AANMELDEN, l, null);
        identificatie.identificeer(v);
        return v;
    }

    /** The bericht with the answer the real GbaVraag got from the in-memory person register. */
    private Verwerking verwerking(Mutatiesoort soort, Leerling l, Inschrijving inschrijving) {
        Verwerking v = new Verwerking(1L, 1L, BRIN, new Bericht("b-gbatest", soort, l, inschrijving));
        v.setGba(new GbaVraag(gba).vraag(l));
        return v;
    }

    private static List<String> signalen(Verwerking v) {
        return v.getSignalen().stream().map(s -> s.code() + (s.gegeven() == null ? "" : " " + s.gegeven())).toList();
    }

    /** Sanne as her school sends her: with BSN, born 14 March 2016, domestic address. */
    private static Leerling sanne() {
        return new Leerling(BSN, null, GEBOREN, "V", "Jansen", null, "Sanne", "Teststraat", "1", null, "3511AB", "Utrecht", null,
                null, null, null, false);
    }

    private static Leerling metGeboortedatum(Leerling l, LocalDate d) {
        return new Leerling(l.bsn(), l.onderwijsnummer(), d, l.geslacht(), l.achternaam(), l.voorvoegsel(), l.voornamen(),
                l.straatnaam(), l.huisnummer(), l.huisnummertoevoeging(), l.postcode(), l.woonplaats(), l.landcode(), null, null, null, false);
    }

    private static Leerling metGeslacht(Leerling l, String geslacht) {
        return new Leerling(l.bsn(), l.onderwijsnummer(), l.geboortedatum(), geslacht, l.achternaam(), l.voorvoegsel(), l.voornamen(),
                l.straatnaam(), l.huisnummer(), l.huisnummertoevoeging(), l.postcode(), l.woonplaats(), l.landcode(), null, null, null, false);
    }

    private static Leerling metPostcode(Leerling l, String postcode) {
        return new Leerling(l.bsn(), l.onderwijsnummer(), l.geboortedatum(), l.geslacht(), l.achternaam(), l.voorvoegsel(),
                l.voornamen(), l.straatnaam(), l.huisnummer(), l.huisnummertoevoeging(), postcode, l.woonplaats(), l.landcode(), null, null,
                null, false);
    }

    private static Leerling metNaam(Leerling l, String voorvoegsel, String achternaam, String voornamen) {
        return new Leerling(l.bsn(), l.onderwijsnummer(), l.geboortedatum(), l.geslacht(), achternaam, voorvoegsel, voornamen,
                l.straatnaam(), l.huisnummer(), l.huisnummertoevoeging(), l.postcode(), l.woonplaats(), l.landcode(), null, null, null, false);
    }

    private static GbaPersoon geheim(GbaPersoon g) {
        return new GbaPersoon(g.bsn(), g.geboortedatum(), g.geslacht(), g.voorvoegsel(), g.achternaam(), g.voornamen(), g.straatnaam(),
                g.huisnummer(), g.huisnummertoevoeging(), g.postcode(), g.woonplaats(), true);
    }

    /** The municipal person register, held in memory: what a test puts in it (a later person with a BSN replaces it). */
    private static final class GbaInGeheugen implements GbaRegister {
        private final Map<String, GbaPersoon> personen = new HashMap<>();
        int gevraagdOpNaam;

        void met(GbaPersoon p) {
            personen.put(p.bsn(), p);
        }

        @Override
        public Optional<GbaPersoon> zoekOpBsn(String bsn) {
            return Optional.ofNullable(personen.get(bsn));
        }

        @Override
        public List<GbaPersoon> zoekOpNaamEnGeboortedatum(String achternaam, LocalDate geboortedatum) {
            gevraagdOpNaam++;
            return personen.values().stream()
                    .filter(p -> p.achternaam().equalsIgnoreCase(achternaam) && p.geboortedatum().equals(geboortedatum)).toList();
        }
    }

    /**
     * Which BSN pupils the register already holds (793 only applies to them), and the holder of an onderwijsnummer from
     * the persoon table below (none here is linked to a BSN); no database.
     */
    private static final class Geregistreerd extends RegisterLezer {
        private final List<String> pgns = new ArrayList<>();
        private final PersoonTabel persoon;

        Geregistreerd(PersoonTabel persoon) {
            super(null);
            this.persoon = persoon;
        }

        @Override
        public Houder houder(String onderwijsnummer) {
            return persoon.rijen.stream().filter(r -> r.pgn.equals(onderwijsnummer)).findFirst()
                    .map(r -> new Houder(1L, r.pgn, false, r.geboortedatum, r.geslacht)).orElse(null);
        }

        void houdt(String pgn) {
            pgns.add(pgn);
        }

        @Override
        public Bekend bekend(String pgn, String brin) {
            // the school's own pupil, enrolled there
            return pgns.contains(pgn) ? new Bekend(1L, null, null,
                    new ArrayList<>(List.of(new RegisterLezer.Periode(LocalDate.of(2026, 8, 1), null)))) : null;
        }
    }

    /**
     * The hub's persoon table (pupils with an onderwijsnummer) and onderwijsnummer sequence, answering the look-ups
     * Identificatie makes by their parameters: by a set of birth dates, or n values of the sequence.
     */
    private static final class PersoonTabel extends NamedParameterJdbcTemplate {
        private record Rij(String pgn, LocalDate geboortedatum, String geslacht, String achternaam) {
        }

        private final List<Rij> rijen = new ArrayList<>();
        private final Volgnummers reeks;

        PersoonTabel() {
            this(new Volgnummers());
        }

        private PersoonTabel(Volgnummers reeks) {
            super(reeks);
            this.reeks = reeks;
        }

        void onderwijsnummer(String pgn, LocalDate geboortedatum, String geslacht, String achternaam) {
            rijen.add(new Rij(pgn, geboortedatum, geslacht, achternaam));
        }

        /** nextval('onderwijsnummer_seq') from generate_series(1, :n). */
        @Override
        public <T> List<T> queryForList(String sql, Map<String, ?> param, Class<T> type) {
            List<T> waarden = new ArrayList<>();
            for (int i = 0; i < (Integer) param.get("n"); i++) {
                waarden.add(type.cast(reeks.volgende++));
            }
            return waarden;
        }

        @Override
        public List<Map<String, Object>> queryForList(String sql, Map<String, ?> param) {
            if (sql.contains("identificatie_slot")) {
                // the lock before new onderwijsnummers: one row, no other transaction here
                return List.of(Map.of("id", 1));
            }
            if (param.containsKey("data")) {
                return rijen.stream().filter(r -> ((Collection<?>) param.get("data")).contains(r.geboortedatum))
                        .map(r -> Map.<String, Object>of("pgn", r.pgn, "geboortedatum", Date.valueOf(r.geboortedatum),
                                "geslacht", r.geslacht, "achternaam", r.achternaam))
                        .toList();
            }
            throw new AssertionError("a look-up Identificatie does not make: " + sql);
        }

        /** The onderwijsnummer sequence's next value. */
        private static final class Volgnummers extends JdbcTemplate {
            long volgende = 1;
        }
    }
}
