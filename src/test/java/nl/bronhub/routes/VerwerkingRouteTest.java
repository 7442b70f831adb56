package nl.bronhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The processing: routes/30-verwerking with the stage routes it calls, 40-inhoudelijke-controle, 50-gba-controle,
 * 60-registratie and 70-terugkoppeling (plaatsen), and their error handling verwerking (00-foutafhandeling). A reeks
 * runs inside one transaction from claim to verwerkt, stages in order; a failure anywhere is not handled, so it rolls
 * the reeks back and reaches verwerk-aanleverpunt, which reports it (mislukt) and goes on with the next reeks.
 */
class VerwerkingRouteTest extends RouteTestBasis {

    /** What one reeks does, in the order the hub relies on (the content rules before the GBA, the register last). */
    static final List<String> REEKS = List.of("transactie.begin", "vastlegging.nietAfwachten", "berichtWachtrij.claim", "registerLezer.leesVoor",
            "adresRegels.controleerAlle", "datumRegels.controleerAlle", "leeftijdRegels.controleerAlle",
            "instellingRegels.controleerAlle", "groepRegels.controleerAlle", "indicatieRegels.controleerAlle",
            "ambulanteBegeleidingRegels.controleerAlle", "mutatieRegels.controleerAlle",
            "gbaControle.controleerAlle", "identificatie.identificeerAlle", "mutatieRegels.naIdentificatieAlle",
            "register.registreerAlle", "dubbeleInschrijvingen.zoekAlle", "uitschrijfbewijzen.zoekAlle",
            "terugkoppelingWachtrij.plaatsAlle",
            "berichtWachtrij.verwerkt", "transactie.commit");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private BerichtWachtrij wachtrij;
    private Werkvoorraden werkvoorraden;

    @BeforeEach
    void routes() throws Exception {
        wachtrij = dubbel("berichtWachtrij", new BerichtWachtrij());
        werkvoorraden = dubbel("werkvoorraden", new Werkvoorraden());
        for (String bean : List.of("registerLezer", "adresRegels", "datumRegels", "leeftijdRegels", "instellingRegels",
                "groepRegels", "indicatieRegels", "ambulanteBegeleidingRegels", "mutatieRegels", "gbaControle", "identificatie",
                "register", "dubbeleInschrijvingen", "uitschrijfbewijzen", "terugkoppelingWachtrij", "gbaVraag", "opslagOnderhoud",
                "terugkoppelingOphalen", "toegangscontrole", "auditSpoor", "vastlegging")) {
            dubbel(bean, new Stap());
        }
        // 70's fetch route (SOAP side) is loaded with the file; its error handling needs soapFouten
        dubbel("soapFouten", new SoapRouteTest.SoapFouten());
        context.getRegistry().bind("verwerkingstransactie", new Transactie());
        // route 70 also holds the fetch's transaction (tested in SoapRouteTest)
        context.getRegistry().bind("verzoektransactie", new Transactie());
        context.getRegistry().bind("verwerkingPool", pool);
        laad("30-verwerking.camel.yaml", "40-inhoudelijke-controle.camel.yaml", "50-gba-controle.camel.yaml",
                "60-registratie.camel.yaml", "70-terugkoppeling.camel.yaml");
        // the timers only where a test asks for them; each would otherwise add its rounds to the journal
        for (String timer : List.of("verwerking-poller", "berichten-opschonen", "opslag-onderhoud", "terugkoppelingen-opschonen")) {
            context.getRouteDefinition(timer).setAutoStartup("false");
        }
    }

    @AfterEach
    void pool() {
        pool.shutdownNow();
    }

    @Test
    void aReeksRunsEveryStageInOrderInsideOneTransaction() throws Exception {
        context.start();
        Exchange uit = template.request("direct:verwerk-reeks", e -> e.getIn().setBody("reeks"));

        assertThat(uit.getException()).isNull();
        assertThat(journaal).containsExactlyElementsOf(REEKS);
    }

    @Test
    void aFailingStageRollsTheReeksBackAndRethrows() throws Exception {
        ((Stap) context.getRegistry().lookupByName("identificatie")).faalBij("identificeerAlle");
        context.start();

        Exchange uit = template.request("direct:verwerk-reeks", e -> e.getIn().setBody("reeks"));

        // not handled by any error handler: the caller (verwerk-aanleverpunt) gets it to retry and park
        assertThat(uit.getException()).hasMessage("identificatie.identificeerAlle faalt (test)");
        int faalt = REEKS.indexOf("identificatie.identificeerAlle");
        assertThat(journaal.subList(0, faalt + 1)).isEqualTo(REEKS.subList(0, faalt + 1));
        // nothing registered, nothing marked processed, the transaction rolled back
        assertThat(journaal.subList(faalt + 1, journaal.size())).containsExactly("transactie.rollback");
    }

    @Test
    void anAanleverpuntGoesReeksByReeksAndAFailedReeksIsReported() throws Exception {
        werkvoorraden.reeksen.addAll(List.of("reeks 1", "reeks 2", "reeks 3"));
        wachtrij.faaltBijReeks = "reeks 2";
        context.start();

        template.sendBody("direct:verwerk-aanleverpunt", "00AA");

        // the links of onderwijsnummers to BSNs and the person register, both before any transaction
        assertThat(stappenVan("werkvoorraden", "registerLezer", "gbaVraag", "transactie")).containsExactly("werkvoorraden.neem",
                "registerLezer.koppelingenAlle", "gbaVraag.vraagAlle",
                "transactie.begin", "registerLezer.leesVoor", "transactie.commit", "werkvoorraden.klaar:reeks 1",
                "transactie.begin", "transactie.rollback", "werkvoorraden.mislukt:reeks 2",
                "transactie.begin", "registerLezer.leesVoor", "transactie.commit", "werkvoorraden.klaar:reeks 3",
                "werkvoorraden.vrijgeven");
    }

    @Test
    void anAanleverpuntAlreadyAtWorkIsLeftAlone() throws Exception {
        werkvoorraden.leeg = true;
        context.start();

        template.sendBody("direct:verwerk-aanleverpunt", "00AA");

        // no work taken (another instance has it): no GBA question, no transaction, nothing to release
        assertThat(journaal).containsExactly("werkvoorraden.neem");
    }

    @Test
    void thePollerHandsEachWaitingAanleverpuntOn() throws Exception {
        wachtrij.wachtend = List.of("00AA", "00AB");
        context.getRouteDefinition("verwerking-poller").setAutoStartup("true");
        AdviceWith.adviceWith(context, "verwerking-poller",
                r -> r.weaveByToUri("direct:verwerk-aanleverpunt").replace().to("mock:aanleverpunt"));
        MockEndpoint aanleverpunt = getMockEndpoint("mock:aanleverpunt");
        aanleverpunt.expectedBodiesReceivedInAnyOrder("00AA", "00AB");
        NotifyBuilder ronde = new NotifyBuilder(context).fromRoute("verwerking-poller").whenDone(1).create();
        context.start();

        assertThat(ronde.matches(10, TimeUnit.SECONDS)).isTrue();
        aanleverpunt.setResultWaitTime(10_000);
        aanleverpunt.assertIsSatisfied();
    }

    @Test
    void theUpkeepTimersCleanUp() throws Exception {
        for (String timer : List.of("berichten-opschonen", "opslag-onderhoud", "terugkoppelingen-opschonen")) {
            context.getRouteDefinition(timer).setAutoStartup("true");
        }
        NotifyBuilder opschonen = new NotifyBuilder(context).fromRoute("berichten-opschonen").whenDone(1).create();
        NotifyBuilder onderhoud = new NotifyBuilder(context).fromRoute("opslag-onderhoud").whenDone(1).create();
        NotifyBuilder terugkoppelingen = new NotifyBuilder(context).fromRoute("terugkoppelingen-opschonen").whenDone(1).create();
        context.start();

        assertThat(opschonen.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onderhoud.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(terugkoppelingen.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(journaal).contains("berichtWachtrij.opschonen", "opslagOnderhoud.compacteer", "terugkoppelingOphalen.opschonen");
    }

    /** Records where the transaction begins and how it ends, as verwerkingstransactie (Spring's) would commit or roll back. */
    public static class BerichtWachtrij extends Stap {
        volatile List<String> wachtend = List.of();
        volatile String faaltBijReeks;

        public List<String> aanleverpuntenMetWachtende(Exchange e) {
            stap("aanleverpuntenMetWachtende", e);
            return wachtend;
        }

        @Override
        public void claim(Exchange e) {
            super.claim(e);
            if (e.getIn().getBody(String.class).equals(faaltBijReeks)) {
                throw new IllegalStateException("claim faalt (test)");
            }
        }
    }

    public static class Werkvoorraden extends Dubbel {
        final Deque<String> reeksen = new ArrayDeque<>();
        volatile boolean leeg;

        public Werkvoorraad neem(Exchange e) {
            stap("neem", e);
            return leeg ? null : new Werkvoorraad(reeksen);
        }

        public void klaar(Exchange e) {
            stap("klaar:" + e.getIn().getBody(String.class), e);
        }

        public void mislukt(Exchange e) {
            stap("mislukt:" + e.getIn().getBody(String.class), e);
        }

        public int vrijgeven(Exchange e) {
            stap("vrijgeven", e);
            return 0;
        }
    }

    /** An aanleverpunt's berichten in reeksen, as the route reads them: heeftVolgende, volgende. */
    public static class Werkvoorraad {
        private final Deque<String> reeksen;

        Werkvoorraad(Deque<String> reeksen) {
            this.reeksen = reeksen;
        }

        public boolean heeftVolgende() {
            return !reeksen.isEmpty();
        }

        public String volgende() {
            return reeksen.poll();
        }
    }
}
