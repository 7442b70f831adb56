package nl.bronhub;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.kwalificatie.Kwalificatie;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.Mailserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static nl.bronhub.InstellingRegelsTest.ambulant;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static nl.bronhub.support.OperatorClient.aanleverpunt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Voortgangsmails (connection plan step 11) with GreenMail as the SMTP server, the hub's clock moved
 * through a connection phase that starts with the wachtwoordbrief on Monday 7 September 2026: week 3
 * ends 28 September, week 6 on 19 October, the phase on 16 November.
 */
class VoortgangsmailTest {

    private static final String BRIEF = "2026-09-07";
    private static final String AFZENDER = "Voortgang BRON <voortgang@bron.example>";
    private static final String PORTAAL = "https://portaal.bron.example/portaal";
    private static final String ADVIES = "Uw voortgang blijft achter bij de verwachting. Ons advies:";

    @TempDir
    Path data;

    private Mailserver smtp;
    private Map<String, Object> eigenschappen;
    private Hub hub;

    @BeforeEach
    void start() {
        smtp = new Mailserver();
        eigenschappen = Hub.testEigenschappen(data, smtp);
        eigenschappen.put("bron.klok.vast", "2026-09-10T09:00:00Z");
        eigenschappen.put("bron.voortgang.herhaal-na-ms", "300");
        // sender, portal address and helpdesk of the test's own: the mails must show what is configured
        eigenschappen.put("bron.mail.afzender", AFZENDER);
        eigenschappen.put("bron.portaal.url", PORTAAL);
        eigenschappen.put("bron.helpdesk.naam", "Servicedesk Aansluiting");
        eigenschappen.put("bron.helpdesk.telefoon", "");
        eigenschappen.put("bron.helpdesk.email", "aansluiting@servicedesk.example");
        eigenschappen.put("bron.helpdesk.url", "https://servicedesk.example/bron");
        hub = Hub.start(eigenschappen);
    }

    @AfterEach
    void stop() {
        hub.close();
        smtp.close();
    }

    @Test
    void eenSchoolOp30ProcentEnEenOp100ProcentInWeek3En6() {
        registreer("70DA", "a@70da.example", 10, 10);
        leerlingen("70DA", 3, 3);
        registreer("70DB", "b@70db.example", 2, 1);
        leerlingen("70DB", 2, 1);

        zet("2026-09-25T09:00:00Z");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> smtp.ontvangen().isEmpty());
        assertThat(mails().size()).as("nothing recorded before the end of week 3").isZero();

        zet("2026-09-28T07:00:00Z");
        await().until(() -> smtp.ontvangen().size() == 2);
        Mailserver.Mail dertig = smtp.aan("a@70da.example").get(0);
        assertThat(dertig.onderwerp()).startsWith("Voortgang aansluiting BRON na week 3");
        assertThat(dertig.tekst())
                .contains("Aantal leerlingen: 3 geregistreerd, normaantal 10, score 30% - niet volgens verwachting")
                .contains("Aantal ambulant begeleide leerlingen: 3 geregistreerd, normaantal 10, score 30% - niet volgens verwachting")
                .contains("Er resteren nog 7 werkweken")
                .contains("Geconsolideerde Tellingen Bekostiging (GTB)")
                // a WEC school has no vergelijkingsoverzicht ambulant begeleide leerlingen (only WPO schools do)
                .doesNotContain("Vergelijkingsoverzicht");
        assertThat(dertig.html()).contains("Geconsolideerde Tellingen").doesNotContain("Vergelijkingsoverzicht");
        assertThat(dertig.html()).contains("<td>30%</td>").contains("niet volgens verwachting");
        // behind: advice; and in every mail the portal's address, the helpdesk (no phone configured: none shown), the sender
        assertThat(dertig.van()).isEqualTo(AFZENDER);
        assertThat(dertig.tekst()).contains(ADVIES)
                .contains("Mijn BRON: " + PORTAAL + "\nU logt in met het BRIN-nummer van uw school en het wachtwoord uit uw wachtwoordbrief.")
                .contains("Vragen, of een nieuwe wachtwoordbrief nodig? Servicedesk Aansluiting, e-mail aansluiting@servicedesk.example, "
                        + "https://servicedesk.example/bron\n")
                .doesNotContain("telefoon").doesNotContain("stap 12");
        assertThat(dertig.html()).contains("Uw voortgang blijft achter bij de verwachting.</strong>")
                .contains("<a href=\"" + PORTAAL + "\">" + PORTAAL + "</a>")
                .contains("<a href=\"mailto:aansluiting@servicedesk.example\">aansluiting@servicedesk.example</a>")
                .contains("<a href=\"https://servicedesk.example/bron\">");
        assertThat(smtp.aan("b@70db.example").get(0).tekst()).doesNotContain(ADVIES).contains("Mijn BRON: " + PORTAAL);
        assertThat(smtp.aan("b@70db.example").get(0).html()).doesNotContain("Uw voortgang blijft achter");
        assertThat(smtp.aan("b@70db.example").get(0).tekst())
                .contains("Aantal leerlingen: 2 geregistreerd, normaantal 2, score 100% - volgens verwachting")
                .contains("Aantal ambulant begeleide leerlingen: 1 geregistreerd, normaantal 1, score 100% - volgens verwachting");

        // a restart between two schedule runs sends nothing twice
        hub.close();
        eigenschappen.put("bron.klok.vast", "2026-09-29T09:00:00Z");
        hub = Hub.start(eigenschappen);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> smtp.ontvangen().size() == 2);

        zet("2026-10-19T06:00:00Z");
        await().until(() -> smtp.ontvangen().size() == 4);
        assertThat(smtp.aan("a@70da.example").get(1).tekst())
                .startsWith("Beste G. Gemachtigde")
                .contains("score 30% - niet volgens verwachting")
                .contains("Na week 6 verwachten wij een score van ten minste 80%")
                .contains("Er resteren nog 4 werkweken");
        assertThat(smtp.aan("b@70db.example").get(1).tekst()).contains("score 100% - volgens verwachting");
        assertThat(mails()).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("VERZONDEN");
            assertThat(m.get("keerVerzonden").asInt()).isEqualTo(1);
        });
    }

    /**
     * A school that gave akkoord in its first week has its end mail, and nothing after it: no certificate reminder (its
     * LAS exchanged data, with a certificate from wherever), no progress mail of week 3 or week 6.
     */
    @Test
    void naHetAkkoordKomtGeenVoortgangsmailOfHerinneringMeer() {
        registreer("70DJ", "j@70dj.example", 1, 0);
        assertThat(hub.operator().post("/scholen/70DJ/portaalwachtwoord").status()).isEqualTo(200);
        assertThat(hub.bean(Kwalificatie.class).reageer("70DJ", Kwalificatie.Reactie.AKKOORD)).isEqualTo(Kwalificatie.Uitkomst.GEKWALIFICEERD);
        await().until(() -> smtp.aan("j@70dj.example").size() == 1);
        assertThat(smtp.aan("j@70dj.example").get(0).onderwerp()).startsWith("Afronding fase aansluiting BRON");
        JsonNode stand = hub.operator().get("/scholen/70DJ").json().get("kwalificatie");
        assertThat(stand.get("status").asText()).isEqualTo("GEKWALIFICEERD");
        assertThat(stand.get("resterendeWeken").asInt()).as("no weeks left in a phase that ended").isZero();

        // with the certificate reminders on, a week after the letter: the certificate was never fetched through the portal
        hub.close();
        eigenschappen.put("bron.certificaat.herinneren", "true");
        eigenschappen.put("bron.klok.vast", "2026-09-18T09:00:00Z");
        hub = Hub.start(eigenschappen);
        assertThat(hub.operator().get("/certificaten/uitgifte").json()).filteredOn(b -> "70DJ".equals(b.get("brin").asText()))
                .singleElement().satisfies(b -> assertThat(b.get("nietOpgehaaldNaEenWeek").asBoolean()).isTrue());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> smtp.aan("j@70dj.example").size() == 1);

        for (String moment : List.of("2026-09-28T07:00:00Z", "2026-10-19T06:00:00Z")) {
            zet(moment);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> smtp.aan("j@70dj.example").size() == 1);
        }
        // a new portal letter after the akkoord (a forgotten password, a lock) is about the portal, not the LAS's key
        assertThat(hub.operator().post("/scholen/70DJ/portaalwachtwoord").status()).isEqualTo(200);
        zet("2026-11-02T07:00:00Z");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> smtp.aan("j@70dj.example").size() == 1);
        assertThat(hub.jdbc().queryForObject("select count(*) from voortgangsmail m join aanleverpunt a on a.id = m.aanleverpunt_id "
                + "where a.brin = '70DJ' and m.soort <> 'AFRONDING'", Integer.class)).as("only the end mail recorded").isZero();
    }

    @Test
    void naEenStilstandHaaltDeHubInMaarNooitWeek3AlsWeek6VoorbijIs() {
        zet("2026-10-01T09:00:00Z");
        registreer("70DC", "c@70dc.example", 1, 0);
        await().until(() -> smtp.aan("c@70dc.example").size() == 1);
        assertThat(smtp.aan("c@70dc.example").get(0).onderwerp()).contains("na week 3");

        zet("2026-10-21T09:00:00Z");
        registreer("70DD", "d@70dd.example", 1, 0);
        await().until(() -> smtp.aan("d@70dd.example").size() == 1);
        assertThat(smtp.aan("d@70dd.example").get(0).onderwerp()).contains("na week 6");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> smtp.aan("d@70dd.example").size() == 1);
    }

    @Test
    void smtpEvenWegEnDanTerugLevertElkeMailPreciesEenmaal() {
        registreer("70DE", "e@70de.example", 4, 0);
        registreer("70DF", "f@70df.example", 4, 0);
        smtp.stop();

        zet("2026-09-28T09:00:00Z");
        await().until(() -> mails().size() == 2 && mails().findValuesAsText("pogingen").stream().allMatch(p -> Integer.parseInt(p) >= 2));
        assertThat(mails().findValuesAsText("status")).containsOnly("TE_VERZENDEN");
        assertThat(mails().findValuesAsText("laatsteFout")).allMatch(f -> f.contains("Exception"));

        smtp.start();
        await().until(() -> smtp.ontvangen().size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> smtp.ontvangen().size() == 2);
        assertThat(smtp.aan("e@70de.example")).hasSize(1);
        assertThat(smtp.aan("f@70df.example")).hasSize(1);
        assertThat(mails().findValuesAsText("status")).containsOnly("VERZONDEN");
    }

    @Test
    void zonderEmailadresWordtDeMailAlsNietVerzendbaarVastgelegdEnKanDeOperatorHemLaterSturen() {
        registreer("70DG", null, 4, 0);
        zet("2026-09-28T09:00:00Z");
        await().until(() -> mails().size() == 1);
        JsonNode mail = mails().get(0);
        assertThat(mail.get("status").asText()).isEqualTo("NIET_VERZENDBAAR");
        assertThat(mail.get("ontvanger").isNull()).isTrue();
        assertThat(mail.get("week").asInt()).isEqualTo(3);
        assertThat(hub.operator().post("/voortgangsmails/" + mail.get("id").asLong() + "/opnieuw").status()).isEqualTo(409);

        registreer("70DG", "g@70dg.example", 4, 0);
        assertThat(hub.operator().post("/voortgangsmails/" + mail.get("id").asLong() + "/opnieuw").status()).isEqualTo(202);
        await().until(() -> smtp.aan("g@70dg.example").size() == 1);
        assertThat(mails().get(0).get("status").asText()).isEqualTo("VERZONDEN");
    }

    @Test
    void deOperatorVerstuurtEenMailOpnieuw() {
        registreer("70DH", "h@70dh.example", 4, 0);
        zet("2026-09-28T09:00:00Z");
        await().until(() -> smtp.aan("h@70dh.example").size() == 1);

        assertThat(hub.operator().post("/voortgangsmails/" + mails().get(0).get("id").asLong() + "/opnieuw").status()).isEqualTo(202);

        await().until(() -> smtp.aan("h@70dh.example").size() == 2);
        assertThat(mails().get(0).get("keerVerzonden").asInt()).isEqualTo(2);
        assertThat(hub.operator().post("/voortgangsmails/999999/opnieuw").status()).isEqualTo(404);
    }

    private void registreer(String brin, String email, int norm, int normAb) {
        assertThat(hub.operator().put("/aanleverpunten/" + brin + "/1", aanleverpunt(email, BRIEF, norm, normAb)).status()).isEqualTo(200);
    }

    /** Registers pupils through SOAP: regular enrolments and pupils coached at a WPO school. */
    private void leerlingen(String brin, int regulier, int ambulant) {
        LasClient las = hub.las(brin, "1");
        for (int i = 0; i < regulier + ambulant; i++) {
            Bericht b = inschrijven(zonderPgn("2016-01-0" + (i % 9 + 1)), i < regulier ? wec("2026-08-01") : ambulant("71WA"));
            las.aanleveren(b);
            HubTest.terugkoppelingVan(las, b.getIdentificatie());
        }
    }

    private JsonNode mails() {
        return hub.operator().get("/voortgangsmails").json();
    }

    private void zet(String moment) {
        hub.klok().zet(Instant.parse(moment));
    }
}
