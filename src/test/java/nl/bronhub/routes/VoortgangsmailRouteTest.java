package nl.bronhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/95-voortgangsmails, a timer: first what records mails for the outbox (end of phase, vooraankondigingen,
 * certificate reminders, progress), then the outbox is sent, each mail on its own: a mail that fails is marked
 * mislukt and the others still go. The GTB's fixing is not here (it is in 96-gtb).
 */
class VoortgangsmailRouteTest extends RouteTestBasis {

    private Voortgangsmails mails;

    @BeforeEach
    void routes() throws Exception {
        for (String bean : List.of("kwalificatie", "vooraankondigingen", "certificaatUitgifte", "voortgangPlanner")) {
            dubbel(bean, new Stap());
        }
        mails = dubbel("voortgangsmails", new Voortgangsmails());
        laad("95-voortgangsmails.camel.yaml");
    }

    @Test
    void aRoundRecordsFirstAndThenSendsTheOutbox() throws Exception {
        MockEndpoint mail = getMockEndpoint("mock:mail");
        mail.expectedBodiesReceived("mail 1", "mail 2");
        NotifyBuilder ronde = ronde();
        context.start();

        assertThat(ronde.matches(10, TimeUnit.SECONDS)).isTrue();
        mail.assertIsSatisfied();
        // the first round, in order (the third mail was null: nothing sent, nothing marked); later rounds find none
        assertThat(journaal).startsWith("kwalificatie.controleerFases", "vooraankondigingen.plan",
                "certificaatUitgifte.herinner", "voortgangPlanner.plan", "voortgangsmails.teVerzenden",
                "voortgangsmails.opstellen:1", "voortgangsmails.verzonden:mail 1",
                "voortgangsmails.opstellen:2", "voortgangsmails.verzonden:mail 2",
                "voortgangsmails.opstellen:3");
    }

    @Test
    void aMailThatFailsIsMarkedAndTheOthersStillGo() throws Exception {
        MockEndpoint mail = getMockEndpoint("mock:mail");
        mail.whenExchangeReceived(1, e -> {
            throw new IllegalStateException("smtp weg (test)");
        });
        mail.expectedMessageCount(2);
        NotifyBuilder ronde = ronde();
        context.start();

        assertThat(ronde.matches(10, TimeUnit.SECONDS)).isTrue();
        mail.assertIsSatisfied();
        assertThat(stappenVan("voortgangsmails")).startsWith("voortgangsmails.teVerzenden", "voortgangsmails.opstellen:1",
                "voortgangsmails.mislukt:mail 1", "voortgangsmails.opstellen:2", "voortgangsmails.verzonden:mail 2",
                "voortgangsmails.opstellen:3");
    }

    /** One round of the timer done (the mails of the split are exchanges of the route too, and are not counted). */
    private NotifyBuilder ronde() {
        return new NotifyBuilder(context).fromRoute("voortgangsmails").filter(e -> e.getProperty(Exchange.SPLIT_INDEX) == null)
                .whenDone(1).create();
    }

    /** The outbox: three mails due in the first round, of which the third turned out to be sent already (null). */
    public static class Voortgangsmails extends Dubbel {
        private final AtomicBoolean eersteRonde = new AtomicBoolean(true);

        public List<Integer> teVerzenden(Exchange e) {
            stap("teVerzenden", e);
            return eersteRonde.getAndSet(false) ? List.of(1, 2, 3) : List.of();
        }

        public String opstellen(Exchange e) {
            int nummer = e.getIn().getBody(Integer.class);
            stap("opstellen:" + nummer, e);
            return nummer == 3 ? null : "mail " + nummer;
        }

        public void verzonden(Exchange e) {
            stap("verzonden:" + e.getIn().getBody(String.class), e);
        }

        public void mislukt(Exchange e) {
            stap("mislukt:" + e.getIn().getBody(String.class), e);
        }
    }
}
