package nl.bronhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SOAP door: routes/10-soap-listener (dispatch and audit), 20-formaatcontrole (aanleveren), the LAS's fetch in
 * 70-terugkoppeling and 80-registratieoverzicht, with their error handling soap-fouten (00-foutafhandeling): a LAS
 * always gets an answer, a failure becomes the fault body and still reaches the audit trail.
 */
class SoapRouteTest extends RouteTestBasis {

    /**
     * What aanleveren does, in order: who may send is known before the fields are judged, and both before storing; the
     * berichten, the answer and the audit row in one transaction, and the listener then only logs.
     */
    static final List<String> AANLEVEREN = List.of("aanleveringLezer.lees", "toegangscontrole.controleer",
            "formaatControle.controleer", "transactie.begin", "berichtOpslag.slaOp", "aanleverAntwoord.antwoord",
            "auditSpoor.vastleggenInTransactie", "transactie.commit", "auditSpoor.vastleggen");

    private final SoapOperatie operatie = new SoapOperatie();

    @BeforeEach
    void routes() throws Exception {
        doublesEnRoutes();
        context.start();
    }

    /** The doubles and the four route files, advised; the context not yet started. */
    void doublesEnRoutes() throws Exception {
        operatie.naam = "aanleveren";
        context.getRegistry().bind("soapOperatie", operatie);
        context.getRegistry().bind("verzoektransactie", new Transactie());
        dubbel("soapFouten", new SoapFouten());
        for (String bean : List.of("auditSpoor", "aanleveringLezer", "toegangscontrole", "formaatControle", "berichtOpslag",
                "aanleverAntwoord", "terugkoppelingOphalen", "terugkoppelingWachtrij", "registratieoverzicht", "vastlegging")) {
            dubbel(bean, new Stap());
        }
        laad("10-soap-listener.camel.yaml", "20-formaatcontrole.camel.yaml", "70-terugkoppeling.camel.yaml",
                "80-registratieoverzicht.camel.yaml");
        // the CXF endpoint is the hub's TLS door; here a LAS request is a direct call
        AdviceWith.adviceWith(context, "soap-listener", r -> r.replaceFromWith("direct:soap"));
        // the purge timer is tested in VerwerkingRouteTest; here it would only add to the journal
        context.getRouteDefinition("terugkoppelingen-opschonen").setAutoStartup("false");
    }

    @Test
    void aanleverenTakesItsStepsInOrderAndIsAudited() {
        Exchange uit = template.request("direct:soap", e -> e.getIn().setBody("verzoek"));

        assertThat(uit.getException()).isNull();
        assertThat(journaal).containsExactlyElementsOf(AANLEVEREN);
    }

    @Test
    void aFailingStepBecomesTheFaultAndStillReachesTheAudit() {
        ((Stap) context.getRegistry().lookupByName("formaatControle")).faalBij("controleer");

        Exchange uit = template.request("direct:soap", e -> e.getIn().setBody("verzoek"));

        // handled: the LAS gets the fault as the answer, no exception escapes to CXF
        assertThat(uit.getException()).isNull();
        assertThat(uit.getMessage().getBody(String.class)).isEqualTo("fout: formaatControle.controleer faalt (test)");
        // nothing stored after the failure, and the refusal audited once
        assertThat(journaal).containsExactly("aanleveringLezer.lees", "toegangscontrole.controleer",
                "formaatControle.controleer", "soapFouten.alsFout", "auditSpoor.vastleggen");
    }

    @Test
    void ophalenAcknowledgesOnlyAfterTheAccessCheck() {
        operatie.naam = "ophalenTerugkoppelingen";
        template.request("direct:soap", e -> e.getIn().setBody("verzoek"));
        assertThat(journaal).containsExactly("terugkoppelingOphalen.leesVerzoek", "toegangscontrole.controleer",
                "transactie.begin", "terugkoppelingOphalen.pagina", "auditSpoor.vastleggenInTransactie", "transactie.commit",
                "toegangscontrole.ophalingGelukt", "auditSpoor.vastleggen");

        journaal.clear();
        ((Stap) context.getRegistry().lookupByName("toegangscontrole")).faalBij("controleer");
        Exchange uit = template.request("direct:soap", e -> e.getIn().setBody("verzoek"));
        // refused (366 in the hub): nothing acknowledged, the fault audited
        assertThat(uit.getMessage().getBody(String.class)).startsWith("fout: toegangscontrole.controleer");
        assertThat(journaal).containsExactly("terugkoppelingOphalen.leesVerzoek", "toegangscontrole.controleer",
                "soapFouten.alsFout", "auditSpoor.vastleggen");
    }

    @Test
    void registratieoverzichtChecksAccessBeforeItAsks() {
        operatie.naam = "opvragenRegistratieoverzicht";
        template.request("direct:soap", e -> e.getIn().setBody("verzoek"));
        assertThat(journaal).containsExactly("registratieoverzicht.leesVerzoek", "toegangscontrole.controleer",
                "registratieoverzicht.vraag", "registratieoverzicht.antwoord", "vastlegging.afwachten", "auditSpoor.vastleggen");
    }

    /** The operation of the request, as the hub's soapOperatie bean names it from the SOAP header. */
    public static class SoapOperatie {
        volatile String naam;

        public String naam() {
            return naam;
        }
    }

    public static class SoapFouten extends Dubbel {
        public String alsFout(Exchange e) {
            stap("alsFout", e);
            return "fout: " + e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage();
        }
    }

    @Test
    void aFailureInsideTheRequestsTransactionRollsItBackAndBecomesTheFault() {
        ((Stap) context.getRegistry().lookupByName("aanleverAntwoord")).faalBij("antwoord");

        Exchange uit = template.request("direct:soap", e -> e.getIn().setBody("verzoek"));

        // the berichten stored in the transaction are rolled back with it; the LAS gets the fault, audited once
        assertThat(uit.getException()).isNull();
        assertThat(uit.getMessage().getBody(String.class)).isEqualTo("fout: aanleverAntwoord.antwoord faalt (test)");
        assertThat(journaal).containsExactly("aanleveringLezer.lees", "toegangscontrole.controleer", "formaatControle.controleer",
                "transactie.begin", "berichtOpslag.slaOp", "aanleverAntwoord.antwoord", "transactie.rollback",
                "soapFouten.alsFout", "auditSpoor.vastleggen");
    }
}
