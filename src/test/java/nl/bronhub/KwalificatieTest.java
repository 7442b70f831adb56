package nl.bronhub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.Mailserver;
import nl.bronhub.support.OperatorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The end of the connection phase (step 13) without akkoord, the operator's view of every school, and
 * what a GTB that is vastgesteld does with a mutation that comes too late (signals 21 and 20). The
 * clock stands at 2 November 2026; the school's phase began 5 January and ended 16 March.
 */
class KwalificatieTest {

    @TempDir
    Path data;

    private Mailserver smtp;
    private Hub hub;

    @BeforeEach
    void start() {
        smtp = new Mailserver();
        hub = Hub.start(Hub.testEigenschappen(data, smtp));
    }

    @AfterEach
    void stop() {
        hub.close();
        smtp.close();
    }

    @Test
    void eenFaseZonderAkkoordEindigtAangeslotenNietGekwalificeerdEnDeGtbIsDanVastgesteld() {
        LasClient las = hub.las("70CI", "1");
        Persoon eerste = zonderPgn("2016-01-01");
        eerste.setOnderwijsnummer(lever(las, inschrijven(eerste, wec("2024-08-19"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> gtb("2026-10-01").get("totaal").asInt() == 1);
        school("70CI", "2026-01-05");
        school("70CJ", "2026-09-07");

        // the phase ended on 16 March without akkoord: aangesloten, niet gekwalificeerd, and the message to both
        await().atMost(Duration.ofSeconds(20)).until(() -> stand("70CI").get("status").asText().equals("AANGESLOTEN_NIET_GEKWALIFICEERD"));
        for (String domein : List.of("ci-school.example", "ci-bestuur.example")) {
            Mailserver.Mail mail = await().atMost(Duration.ofSeconds(20)).until(() -> smtp.voorDomein(domein).stream().findFirst(),
                    Optional::isPresent).get();
            assertThat(mail.onderwerp()).isEqualTo("Afronding fase aansluiting BRON – 70CI (70CI): aangesloten, niet gekwalificeerd");
            assertThat(mail.tekst()).startsWith("Geachte G. Gemachtigde en het bestuur (Stichting ci),")
                    .contains("Uw school is aangesloten op BRON, maar niet gekwalificeerd: de fase aansluiting is voorbij (tot en met\n"
                            + "15 maart 2026)")
                    // one pupil, in the singular
                    .contains("Stand bij de afronding: 1 leerling en 0 ambulant begeleide leerlingen geregistreerd.");
        }

        // the operator sees every school: its phase, scores and outcome
        JsonNode scholen = hub.operator().get("/scholen").json();
        JsonNode ci = zoek(scholen, "70CI");
        assertThat(ci.get("kwalificatie").get("faseEinde").asText()).isEqualTo("2026-03-16");
        // its last day as the mail above and the portal name it
        assertThat(ci.get("kwalificatie").get("faseLaatsteDag").asText()).isEqualTo("2026-03-15");
        assertThat(ci.get("voortgang").get(0).get("leerlingen").get("aantal").asInt()).isEqualTo(1);
        JsonNode cj = zoek(scholen, "70CJ");
        assertThat(cj.get("kwalificatie").get("status").asText()).isEqualTo("IN_FASE");
        assertThat(cj.get("kwalificatie").get("resterendeWeken").asInt()).isEqualTo(2);
        // a page at a time, and only the schools in one state
        assertThat(brins(hub.operator().get("/scholen?vanaf=70CH&aantal=1").json())).containsExactly("70CI");
        assertThat(brins(hub.operator().get("/scholen?vanaf=70CI&aantal=1").json())).containsExactly("70CJ");
        assertThat(brins(hub.operator().get("/scholen?status=aangesloten_niet_gekwalificeerd").json())).contains("70CI")
                .doesNotContain("70CJ");
        assertThat(brins(hub.operator().get("/scholen?status=IN_FASE").json())).contains("70CJ").doesNotContain("70CI");
        OperatorClient.Antwoord fout = hub.operator().get("/scholen?status=KLAAR");
        assertThat(fout.status()).isEqualTo(400);
        assertThat(fout.json().get("detail").asText())
                .isEqualTo("status moet een van [GEPLAND, IN_FASE, GEKWALIFICEERD, AANGESLOTEN_NIET_GEKWALIFICEERD] zijn");
        // a school with an aanleverpunt but no wachtwoordbrief yet, and one whose letter is dated ahead, are planned, not
        // in their phase (a newcomer read the operator's IN_FASE with no weeks left as a school out of time)
        assertThat(hub.operator().put("/aanleverpunten/70CK/1", OperatorClient.schoolMetBestuur("ck", null)).status()).isEqualTo(200);
        assertThat(hub.operator().put("/aanleverpunten/70CL/1", OperatorClient.schoolMetBestuur("cl", "2026-11-30")).status()).isEqualTo(200);
        for (String gepland : List.of("70CK", "70CL")) {
            assertThat(hub.operator().get("/scholen/" + gepland).json().get("kwalificatie").get("status").asText()).as(gepland).isEqualTo("GEPLAND");
        }
        assertThat(brins(hub.operator().get("/scholen?status=gepland").json())).contains("70CK", "70CL").doesNotContain("70CJ", "70CI");
        assertThat(brins(hub.operator().get("/scholen?status=IN_FASE").json())).contains("70CJ").doesNotContain("70CK", "70CL");
        assertThat(hub.operator().get("/scholen?aantal=0").json().get("detail").asText()).isEqualTo("aantal moet tussen 1 en 1000 liggen");

        // after the phase, GTBs whose term has passed are vastgesteld; the one of 1 March 2027 is still open
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.operator().get("/scholen/70CI/gtb").json().get("01")
                .findValues("vastgesteld").stream().filter(JsonNode::asBoolean).count() >= 5);
        JsonNode peildata = hub.operator().get("/scholen/70CI/gtb").json().get("01");
        assertThat(vastgesteld(peildata, "2026-10-01")).isTrue();
        assertThat(vastgesteld(peildata, "2027-03-01")).isFalse();

        // a pupil enrolled since September 2024, delivered only now: too late for the fixed GTBs
        String laat = lever(las, inschrijven(zonderPgn("2015-02-02"), wec("2024-09-02")));
        await().atMost(Duration.ofSeconds(20)).until(() -> gtb("2027-03-01").get("totaal").asInt() == 2);
        assertThat(gtb("2026-10-01").get("totaal").asInt()).isEqualTo(1);
        assertThat(signalen(gtb("2026-10-01"))).containsExactly("21 " + laat + " De mutatie is te laat en wordt pas meegeteld op de "
                + "volgende peildatum die voldoet aan de termijn.");
        assertThat(signalen(gtb("2025-10-01"))).containsExactly("21 " + laat + " De mutatie is te laat en wordt pas meegeteld op de "
                + "volgende peildatum die voldoet aan de termijn.");
        // 2024/25 was closed on 1 January 2026
        assertThat(signalen(gtb("2024-10-01"))).containsExactly("20 " + laat + " Het schooljaar is administratief afgesloten; de "
                + "mutatie telt mee vanaf het volgende open schooljaar.");

        // the first pupil, on the fixed GTBs since 2024, is reported uitgeschreven on 15 September 2025: it stays on the fixed
        // GTBs after that day, counted, with signal 21; the open GTB no longer counts it; the fixed one before that day is as it was
        Inschrijving uit = wec("2024-08-19");
        uit.setDatumUitschrijving("2025-09-15");
        las.aanleveren(Berichten.bericht("wijzigen", eerste, uit));
        await().atMost(Duration.ofSeconds(20)).until(() -> gtb("2027-03-01").get("totaal").asInt() == 1);
        String telaat = "De mutatie is te laat en wordt pas meegeteld op de volgende peildatum die voldoet aan de termijn.";
        for (String vast : List.of("2025-10-01", "2026-10-01")) {
            assertThat(gtb(vast).get("totaal").asInt()).as(vast).isEqualTo(1);
            assertThat(signalen(gtb(vast))).as(vast).containsExactlyInAnyOrder("21 " + laat + " " + telaat,
                    "21 " + eerste.getOnderwijsnummer() + " " + telaat);
        }
        assertThat(gtb("2024-10-01").get("totaal").asInt()).isEqualTo(1);
        assertThat(signalen(gtb("2024-10-01"))).containsExactly("20 " + laat + " Het schooljaar is administratief afgesloten; de "
                + "mutatie telt mee vanaf het volgende open schooljaar.");
    }

    private static List<String> brins(JsonNode scholen) {
        List<String> brins = new ArrayList<>();
        scholen.forEach(s -> brins.add(s.get("kwalificatie").get("brin").asText()));
        return brins;
    }

    private JsonNode gtb(String peildatum) {
        return hub.operator().get("/scholen/70CI/gtb/01/" + peildatum).json();
    }

    private static List<String> signalen(JsonNode gtb) {
        List<String> s = new ArrayList<>();
        // 20 and 21 (counted from a later peildatum) in a list of their own, as the portal's third table, and only there
        for (String lijst : List.of("signalen", "attentiesignalen")) {
            gtb.get(lijst).forEach(x -> assertThat(x.get("signaal").asInt()).as(lijst).isNotIn(20, 21));
        }
        for (String lijst : List.of("signalen", "attentiesignalen", "laterMeegeteld")) {
            GtbTest.signalen(gtb, lijst);
            gtb.get(lijst).forEach(x -> s.add(x.get("signaal").asInt() + " " + x.get("pgn").asText() + " " + x.get("tekst").asText()));
        }
        return s;
    }

    private static boolean vastgesteld(JsonNode peildata, String datum) {
        for (JsonNode p : peildata) {
            if (p.get("peildatum").asText().equals(datum)) {
                return p.get("vastgesteld").asBoolean();
            }
        }
        throw new AssertionError("no peildatum " + datum + " in " + peildata);
    }

    private static JsonNode zoek(JsonNode scholen, String brin) {
        for (JsonNode s : scholen) {
            if (s.get("kwalificatie").get("brin").asText().equals(brin)) {
                return s;
            }
        }
        throw new AssertionError(brin + " not in " + scholen);
    }

    private JsonNode stand(String brin) {
        return hub.operator().get("/scholen/" + brin).json().get("kwalificatie");
    }

    private void school(String brin, String brief) {
        assertThat(hub.operator().put("/aanleverpunten/" + brin + "/1", OperatorClient.schoolMetBestuur(brin.substring(2).toLowerCase(),
                brief)).status()).isEqualTo(200);
    }

    private static String lever(LasClient las, Bericht b) {
        las.aanleveren(b);
        return HubTest.terugkoppelingVan(las, b.getIdentificatie()).getLeerling().getOnderwijsnummer();
    }
}
