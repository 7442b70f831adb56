package nl.bronhub;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.bronhub.support.Hub;
import nl.bronhub.support.Mailserver;
import nl.bronhub.support.OperatorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static nl.bronhub.support.OperatorClient.aanleverpunt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The planning of the connection phase and its vooraankondigingen (connection plan steps 1 and 5), with GreenMail as
 * the SMTP server and the hub's clock on Monday 4 January 2027 (week 2027-W01). A school planned in week 2027-W10
 * (Monday 8 March) hears so at once, and four weeks before its start (from 8 February) gets the second announcement.
 */
class PlanningTest {

    private static final String HANDBOEK = "https://bron.example/handboek.pdf";

    @TempDir
    Path data;

    private Mailserver smtp;
    private Map<String, Object> eigenschappen;
    private Hub hub;

    @BeforeEach
    void start() {
        smtp = new Mailserver();
        eigenschappen = Hub.testEigenschappen(data, smtp);
        eigenschappen.put("bron.klok.vast", "2027-01-04T09:00:00Z");
        eigenschappen.put("bron.planning.capaciteit-per-week", "2");
        eigenschappen.put("bron.planning.handboek-url", HANDBOEK);
        hub = Hub.start(eigenschappen);
    }

    @AfterEach
    void stop() {
        hub.close();
        smtp.close();
    }

    @Test
    void eenGeplandeSchoolKrijgtBeideVooraankondigingenPreciesEenmaal() {
        registreer("73AS", "1", "as@73as.example");
        registreer("73AT", "1", "at@73at.example");
        assertThat(plan(List.of(school("73AS", "2027-W10"))).status()).isEqualTo(200);

        // the first at once, to the gemachtigde of the planned school only
        await().until(() -> aankondigingen().size() == 1);
        Mailserver.Mail eerste = aankondigingen().get(0);
        assertThat(eerste.aan()).isEqualTo("as@73as.example");
        assertThat(eerste.onderwerp()).isEqualTo("Vooraankondiging fase aansluiting BRON – 73AS (73AS): start gepland in week 10");
        assertThat(eerste.tekst()).contains("gepland in week 10 van 2027").contains("de week van maandag 8 maart 2027")
                .contains("tussen 22 februari en 28 maart 2027");
        assertThat(eerste.html()).contains("week 10 van 2027").contains("22 februari").contains("28 maart 2027");
        assertThat(smtp.aan("at@73at.example")).as("an unplanned school hears nothing").isEmpty();

        // a restart sends nothing twice
        hub.close();
        hub = Hub.start(eigenschappen);
        zet("2027-02-05T09:00:00Z");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> aankondigingen().size() == 1);

        // four weeks before the start: the second, with the handbook; the wachtwoordbrief's date set by then is the start
        assertThat(hub.operator().put("/aanleverpunten/73AS/1", aanleverpunt("as@73as.example", "2027-03-10", 10, 0)).status()).isEqualTo(200);
        zet("2027-02-10T07:00:00Z");
        await().until(() -> aankondigingen().size() == 2);
        Mailserver.Mail tweede = aankondigingen().get(1);
        assertThat(tweede.aan()).isEqualTo("as@73as.example");
        assertThat(tweede.onderwerp()).isEqualTo("Tweede vooraankondiging fase aansluiting BRON – 73AS (73AS): start 10 maart 2027");
        assertThat(tweede.tekst()).contains("De fase begint op woensdag 10 maart 2027").contains(HANDBOEK);
        assertThat(tweede.html()).contains("<a href=\"" + HANDBOEK + "\">handboek BRON PO</a>");
        zet("2027-03-01T07:00:00Z");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> aankondigingen().size() == 2);

        // the operator sees it per week
        JsonNode week = hub.operator().get("/planning?week=2027-W10").json();
        assertThat(week.get("gepland").asInt()).isOne();
        assertThat(week.get("capaciteit").asInt()).isEqualTo(2);
        JsonNode ap = week.at("/scholen/0/aanleverpunten/0");
        assertThat(ap.get("vooraankondiging1").asText()).isEqualTo("VERZONDEN");
        assertThat(ap.get("vooraankondiging2").asText()).isEqualTo("VERZONDEN");
        assertThat(ap.get("wachtwoordbriefDatum").asText()).isEqualTo("2027-03-10");
    }

    @Test
    void naEenStilstandHaaltDeHubInWatVoorDeStartNogZinHeeft() {
        registreer("73AS", "1", "as@73as.example");
        registreer("73AT", "1", "at@73at.example");
        hub.close();
        // planned, and the hub stops before its mail route first runs
        eigenschappen.put("bron.voortgang.start-vertraging-ms", "600000");
        hub = Hub.start(eigenschappen);
        assertThat(plan(List.of(school("73AS", "2027-W06"), school("73AT", "2027-W03"))).status()).isEqualTo(200);
        hub.close();

        // back on 20 January: 73AT's phase began on 18 January (nothing), 73AS starts 8 February (both, first the first)
        eigenschappen.put("bron.voortgang.start-vertraging-ms", "0");
        eigenschappen.put("bron.klok.vast", "2027-01-20T09:00:00Z");
        hub = Hub.start(eigenschappen);
        await().until(() -> aankondigingen().size() == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> aankondigingen().size() == 2);
        assertThat(smtp.aan("as@73as.example")).extracting(Mailserver.Mail::onderwerp)
                .satisfiesExactly(o -> assertThat(o).startsWith("Vooraankondiging"), o -> assertThat(o).startsWith("Tweede vooraankondiging"));
        assertThat(smtp.aan("at@73at.example")).isEmpty();
    }

    /**
     * Steps 2 and 7: a school that has not confirmed its contact data is reminded two weeks before step 2 closes (the
     * second vooraankondiging, 8 February) and a week before step 7 does (the week before the start, from 1 March).
     */
    @Test
    void eenSchoolDieHaarContactgegevensNietBevestigtKrijgtPerStapEenHerinnering() {
        registreer("73AS", "1", "as@73as.example");
        registreer("73AT", "1", "at@73at.example");
        assertThat(plan(List.of(school("73AS", "2027-W10"), school("73AT", "2027-W10"))).status()).isEqualTo(200);
        await().until(() -> smtp.ontvangen().size() == 2);
        // 73AT confirms step 2 in the portal (PortaalTest drives that page), as the portal records it
        hub.jdbc().update("insert into contactcontrole (brin, stap, bevestigd_op) values ('73AT', 2, ?)",
                Timestamp.from(Instant.parse("2027-01-05T10:00:00Z")));

        zet("2027-01-24T09:00:00Z");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> smtp.ontvangen().size() == 2);
        zet("2027-01-25T07:00:00Z");
        await().until(() -> smtp.ontvangen().size() == 3);
        Mailserver.Mail herinnering = smtp.aan("as@73as.example").get(1);
        assertThat(herinnering.onderwerp()).isEqualTo("Herinnering: controleer uw contactgegevens in Mijn BRON – 73AS (73AS)");
        assertThat(herinnering.tekst()).contains("begint op 8 maart 2027").contains("(stap 2 van het stappenplan)")
                .contains("Doe het uiterlijk zondag 7 februari.");
        assertThat(hub.operator().get("/planning/contactcontrole").json())
                .extracting(c -> c.get("brin").asText() + " " + c.get("stap").asInt() + " " + c.get("start").asText())
                .containsExactly("73AS 2 2027-03-08");

        // the second vooraankondiging to both; then step 7, confirmed by neither: a reminder each, once
        zet("2027-02-08T07:00:00Z");
        await().until(() -> smtp.ontvangen().size() == 5);
        zet("2027-02-22T07:00:00Z");
        await().until(() -> smtp.ontvangen().size() == 7);
        assertThat(smtp.aan("at@73at.example")).extracting(Mailserver.Mail::onderwerp).last().asString().startsWith("Herinnering");
        assertThat(smtp.aan("at@73at.example").get(2).tekst()).contains("(stap 7 van het stappenplan)")
                .contains("Doe het uiterlijk zondag 28 februari.");
        zet("2027-03-05T07:00:00Z");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> smtp.ontvangen().size() == 7);
        // in the week before the start no step is open: nothing to confirm any more
        assertThat(hub.operator().get("/planning/contactcontrole").json()).isEmpty();
    }

    @Test
    void eenGeweigerdePlanningSlaatNietsOp() {
        registreer("73AS", "1", "as@73as.example");
        assertThat(plan(List.of(school("73AS", "2027-W10"))).status()).isEqualTo(200);
        JsonNode voor = hub.operator().get("/planning").json();

        geweigerd(plan(List.of(school("73AT", "2027-10"))), "scholen[0].startweek");
        geweigerd(plan(List.of(school("73AT", "2027-W54"))), "scholen[0].startweek");
        geweigerd(plan(List.of(school("73AT", "2026-W53"))), "scholen[0].startweek");
        geweigerd(plan(List.of(school("73AT", "2027-W01"))), "scholen[0].startweek");
        geweigerd(plan(List.of(school("73AT", "2027-W12"), school("73a t", "2027-W12"))), "scholen[1].brin");
        geweigerd(plan(List.of(school("79XX", "2027-W12"))), "scholen[0].brin");
        // a secondary school is no school of this phase
        geweigerd(plan(List.of(school("71VO", "2027-W12"))), "scholen[0].brin");
        geweigerd(plan(List.of(school("73AT", "2027-W12"), school("73AT", "2027-W13"))), "scholen[1].brin");
        // capacity 2: a third school in week 10 is refused, and with it the other (valid) entries
        geweigerd(plan(List.of(school("73AT", "2027-W12"), school("73AU", "2027-W10"), school("73AV", "2027-W10"))), "scholen");
        // a week's capacity below what it holds
        geweigerd(hub.operator().put("/planning", Map.of("weken", List.of(Map.of("week", "2027-W10", "capaciteit", 0)))), "weken[0].capaciteit");
        geweigerd(hub.operator().put("/planning", Map.of("weken", List.of(Map.of("week", "2027-W10", "capaciteit", -1)))), "weken[0].capaciteit");
        geweigerd(hub.operator().put("/planning", Map.of()), "scholen");
        // a capacity for a week that has begun or passed: nothing to plan there
        geweigerd(hub.operator().put("/planning", Map.of("weken", List.of(Map.of("week", "2027-W01", "capaciteit", 5)))), "weken[0].week");
        geweigerd(hub.operator().put("/planning", Map.of("weken", List.of(Map.of("week", "2026-W53", "capaciteit", 5)))), "weken[0].week");
        // an address that is no BRIN is refused without repeating it
        OperatorClient.Antwoord weg = hub.operator().delete("/planning/999993847");
        geweigerd(weg, "brin");
        assertThat(weg.json().toString()).doesNotContain("999993847");
        // what a careless or hostile client sends: each 400, nothing stored
        for (String body : List.of("{\"scholen\":[{\"brin\":\"73AT\",\"startweek\":\"2027-W12\",\"x\":1}]}", "{\"scholen\":[null]}",
                "{\"scholen\":\"73AT\"}", "{\"weken\":[{\"week\":\"2027-W12\",\"capaciteit\":1.5}]}",
                "{\"scholen\":[{\"brin\":\"73A\\u0000\",\"startweek\":\"2027-W12\"}]}", "{\"scholen\":[{\"brin\":\"73AT\",\"startweek\":5}]}",
                "{\"scholen\":[{\"brin\":\"73AT\",\"startweek\":\"2027-W12\\n\"}]}", "[]", "{\"scholen\":[", "null")) {
            var antwoord = hub.operator().ruw("PUT", "/operator/planning", "application/json", body);
            assertThat(antwoord.statusCode()).as(body + " -> " + antwoord.body()).isEqualTo(400);
            assertThat(antwoord.body()).as(body).contains("\"type\":\"urn:bron-hub:probleem:").doesNotContain("Exception");
        }
        // the first vooraankondiging named week 10: the week stays
        await().until(() -> smtp.ontvangen().size() == 1);
        geweigerd(plan(List.of(school("73AS", "2027-W11"))), "scholen[0].startweek");
        assertThat(hub.operator().delete("/planning/73AS").status()).isEqualTo(400);
        assertThat(hub.operator().get("/planning").json()).isEqualTo(voor);

        // the wachtwoordbrief falls within two weeks of the planned week (22 February to 28 March)
        geweigerd(hub.operator().put("/aanleverpunten/73AS/1", aanleverpunt("as@73as.example", "2027-02-21", 10, 0)), "wachtwoordbriefDatum");
        geweigerd(hub.operator().put("/aanleverpunten/73AS/1", aanleverpunt("as@73as.example", "2027-03-29", 10, 0)), "wachtwoordbriefDatum");
        JsonNode brief = hub.operator().get("/aanleverpunten/73AS/1").json().path("gegevens").path("wachtwoordbriefDatum");
        assertThat(brief.isNull() || brief.isMissingNode()).as(brief.toString()).isTrue();
        assertThat(hub.operator().put("/aanleverpunten/73AS/1", aanleverpunt("as@73as.example", "2027-02-22", 10, 0)).status()).isEqualTo(200);
        // an unplanned school's date is not the plan's business
        assertThat(hub.operator().put("/aanleverpunten/73AT/1", aanleverpunt("at@73at.example", "2027-01-11", 10, 0)).status()).isEqualTo(200);
        // and a school whose phase has its start is not planned any more
        geweigerd(plan(List.of(school("73AT", "2027-W12"))), "scholen[0].brin");

        // a capacity of its own makes room; a school not yet announced can be taken out
        assertThat(hub.operator().put("/planning", Map.of("weken", List.of(Map.of("week", "2027-W12", "capaciteit", 3)),
                "scholen", List.of(school("73AU", "2027-W12"), school("73AV", "2027-W12"), school("73AW", "2027-W12")))).status()).isEqualTo(200);
        assertThat(hub.operator().get("/planning?week=2027-W12").json().get("gepland").asInt()).isEqualTo(3);
        assertThat(hub.operator().delete("/planning/73AW").status()).isEqualTo(204);
        assertThat(hub.operator().delete("/planning/73AW").status()).isEqualTo(404);
        JsonNode weken = hub.operator().get("/planning").json();
        assertThat(weken).extracting(w -> w.get("week").asText() + ":" + w.get("gepland").asInt() + "/" + w.get("capaciteit").asInt())
                .containsExactly("2027-W10:1/2", "2027-W12:2/3");
        geweigerd(hub.operator().get("/planning?week=morgen"), "week");
    }

    /** The vooraankondigingen received (the contact checks' reminders, which go out meanwhile, left out). */
    private List<Mailserver.Mail> aankondigingen() {
        return smtp.ontvangen().stream().filter(m -> !m.onderwerp().startsWith("Herinnering")).toList();
    }

    private OperatorClient.Antwoord plan(List<Map<String, String>> scholen) {
        return hub.operator().put("/planning", Map.of("scholen", scholen));
    }

    private static Map<String, String> school(String brin, String week) {
        return Map.of("brin", brin, "startweek", week);
    }

    private static void geweigerd(OperatorClient.Antwoord antwoord, String veld) {
        assertThat(antwoord.status()).as(String.valueOf(antwoord.json())).isEqualTo(400);
        assertThat(antwoord.json().get("veld").asText()).as(String.valueOf(antwoord.json())).isEqualTo(veld);
        assertThat(antwoord.json().get("detail").asText()).isNotBlank();
    }

    private void registreer(String brin, String nummer, String email) {
        assertThat(hub.operator().put("/aanleverpunten/" + brin + "/" + nummer, aanleverpunt(email, null, 10, 0)).status()).isEqualTo(200);
    }

    private void zet(String moment) {
        hub.klok().zet(Instant.parse(moment));
    }
}
