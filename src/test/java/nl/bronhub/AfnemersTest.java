package nl.bronhub;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.gtb.GtbOverzicht;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.FoutenInLog;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.PersoonsgegevensInLog;
import nl.bronhub.support.Pki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Afnemers end to end: the operator registers them and has their secrets made, schools' LASs deliver pupils over
 * SOAP, and the afnemers fetch aggregated counts over HTTPS at the portal door. A hub of its own (a fresh database),
 * so the counts are exactly what this class sent. The clock stands at 2 November 2026; drempel 5.
 */
class AfnemersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DREMPEL = 5;

    /** A pupil as sent: school, birth date, enrolled from, uitgeschreven on (or null). */
    private record Leerling(String brin, String geboortedatum, String van, String tot) {
    }

    /**
     * 30AA: five pupils of 8-12 and two under 8 (a cell below the drempel). 30AB: Sanne Jansen (a BSN) and four more of
     * 8-12, one uitgeschreven on 15 September, one of 13+ enrolled from 15 October.
     */
    private static final List<Leerling> LEERLINGEN = List.of(
            new Leerling("30AA", "2016-05-05", "2026-08-17", null), new Leerling("30AA", "2016-06-06", "2026-08-17", null),
            new Leerling("30AA", "2015-07-07", "2026-08-17", null), new Leerling("30AA", "2014-08-08", "2026-08-17", null),
            new Leerling("30AA", "2017-09-09", "2026-08-17", null), new Leerling("30AA", "2021-03-01", "2026-08-17", null),
            new Leerling("30AA", "2020-04-04", "2026-08-17", null),
            new Leerling("30AB", "2016-03-14", "2026-08-17", null), new Leerling("30AB", "2015-01-02", "2026-08-17", null),
            new Leerling("30AB", "2015-02-03", "2026-08-17", null), new Leerling("30AB", "2014-03-04", "2026-08-17", null),
            new Leerling("30AB", "2016-04-05", "2026-08-17", null), new Leerling("30AB", "2014-05-06", "2026-08-17", "2026-09-15"),
            new Leerling("30AB", "2012-06-07", "2026-10-15", null));

    private static Hub hub;
    private static OperatorClient operator;
    private static FoutenInLog log;
    private static int vondstenVooraf;
    /** What must never appear in a delivery: the pupils' numbers, names and birth dates. */
    private static final List<String> PERSOONSGEGEVENS = new ArrayList<>();
    private static HttpClient http;
    /** Where the hub writes deliveries as files (bron.afnemers.bestanden). */
    private static final Path BESTANDEN = Path.of("target/test-data", "afnemers-bestanden-" + Berichten.uniekeLetters()).toAbsolutePath();

    @BeforeAll
    static void start() {
        vondstenVooraf = PersoonsgegevensInLog.VONDSTEN.size();
        Map<String, Object> eigenschappen = Hub.testEigenschappen(Path.of("target/test-data", "afnemers-" + Berichten.uniekeLetters()));
        eigenschappen.put("bron.afnemers.drempel", String.valueOf(DREMPEL));
        eigenschappen.put("bron.afnemers.bestanden", BESTANDEN.toString());
        hub = Hub.start(eigenschappen);
        operator = hub.operator();
        http = HttpClient.newBuilder().sslContext(Pki.zonderCertificaat().http().sslContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        log = FoutenInLog.open();
        Map<String, LasClient> lassen = new TreeMap<>();
        for (Leerling l : LEERLINGEN) {
            Persoon p = l.geboortedatum().equals("2016-03-14") ? Berichten.sanne() : Berichten.zonderPgn(l.geboortedatum());
            Inschrijving i = Berichten.wec(l.van());
            i.setDatumUitschrijving(l.tot());
            Bericht b = Berichten.inschrijven(p, i);
            LasClient las = lassen.computeIfAbsent(l.brin(), brin -> hub.las(brin, "1"));
            assertThat(las.aanleveren(b).getBerichtResultaat().get(0).getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
            Terugkoppeling t = HubTest.terugkoppelingVan(las, b.getIdentificatie());
            assertThat(t.getResultaat()).as("pupil born " + l.geboortedatum()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
            PERSOONSGEGEVENS.add(l.geboortedatum());
            PERSOONSGEGEVENS.add(p.getAchternaam());
            PERSOONSGEGEVENS.add(t.getLeerling().getOnderwijsnummer() != null ? t.getLeerling().getOnderwijsnummer()
                    : t.getLeerling().getBurgerservicenummer());
        }
        PERSOONSGEGEVENS.add("999993847");
        // the GTB is recomputed after processing, by its own route: wait until nothing is queued for it
        await().atMost(Duration.ofSeconds(30)).until(() -> !hub.bean(GtbOverzicht.class).bijwerken());
    }

    @AfterAll
    static void stop() {
        if (log != null) {
            log.close();
        }
        if (hub != null) {
            hub.close();
        }
        // everything this class made the hub do, refusals included, logged no pupil's data
        assertThat(PersoonsgegevensInLog.VONDSTEN.size()).as("personal data in the hub's log").isEqualTo(vondstenVooraf);
    }

    @Test
    void eenGeregistreerdeAfnemerKrijgtDeAantallenVanDeVerstuurdeLeerlingen() throws Exception {
        String geheim = registreer("cbs", "Centraal Bureau voor de Statistiek", List.of("gtb", "register"));

        JsonNode wat = json(vraag("/afnemers/leveringen", "cbs", geheim, null), 200);
        assertThat(wat.get("afnemer").asText()).isEqualTo("cbs");
        assertThat(wat.get("drempel").asInt()).isEqualTo(DREMPEL);
        assertThat(wat.get("leveringen").findValuesAsText("soort")).containsExactly("gtb", "register");

        // the register on three peildata: enrolments in force on the day, per school and age group
        for (String peildatum : List.of("2026-09-01", "2026-10-01", "2026-11-01")) {
            JsonNode levering = json(vraag("/afnemers/leveringen/register?peildatum=" + peildatum, "cbs", geheim, null), 200);
            assertThat(levering.get("soort").asText()).isEqualTo("register");
            assertThat(levering.get("peildatum").asText()).isEqualTo(peildatum);
            klopt(levering, LocalDate.parse(peildatum));
        }
        // the GTB of 1 October: the funded pupils; the one uitgeschreven in September no longer counts
        JsonNode gtb = json(vraag("/afnemers/leveringen/gtb?peildatum=2026-10-01", "cbs", geheim, null), 200);
        klopt(gtb, LocalDate.of(2026, 10, 1));
        assertThat(regel(gtb, "30AB").get("totaal").get("aantal").asInt()).isEqualTo(5);

        // the same as CSV
        HttpResponse<String> csv = vraag("/afnemers/leveringen/register?peildatum=2026-10-01", "cbs", geheim, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("brin,vestiging,soortOnderwijs,onder8,van8tot12,vanaf13,totaal\r\n")
                .contains("30AA,01,33,x,x,0,7\r\n", "30AB,01,33,0,5,0,5\r\n");

        // every delivery is in the operator's trail, with its cells
        JsonNode spoor = operator.get("/audit/afnemers?afnemer=cbs").json();
        assertThat(spoor.findValuesAsText("uitkomst")).hasSize(5).containsOnly("geleverd");
        JsonNode laatste = spoor.get(0);
        assertThat(laatste.get("soort").asText()).isEqualTo("register");
        assertThat(laatste.get("peildatum").asText()).isEqualTo("2026-10-01");
        assertThat(laatste.get("formaat").asText()).isEqualTo("csv");
        assertThat(laatste.get("cellen").asInt()).isEqualTo(8);
        assertThat(laatste.get("onderdrukt").asInt()).isEqualTo(2);
        assertThat(laatste.get("status").asInt()).isEqualTo(200);
    }

    @Test
    void eenKleineCelIsOnderdruktEnNietTerugTeRekenenUitHetTotaal() throws Exception {
        String geheim = registreer("ocw", "Ministerie van OCW", List.of("register"));
        // 30AA on 1 October: two pupils under 8 (below 5), so that cell is suppressed; the total (7) is published, so
        // the 8-12 cell is suppressed too, or 7 - 5 would give the two back
        JsonNode oktober = json(vraag("/afnemers/leveringen/register?peildatum=2026-10-01", "ocw", geheim, null), 200);
        JsonNode aa = regel(oktober, "30AA");
        assertThat(aa.get("onder8").get("onderdrukt").asBoolean()).isTrue();
        assertThat(aa.get("onder8").get("aantal").isNull()).isTrue();
        assertThat(aa.get("van8tot12").get("onderdrukt").asBoolean()).isTrue();
        assertThat(aa.get("van8tot12").get("aantal").isNull()).isTrue();
        assertThat(aa.get("vanaf13").get("aantal").asInt()).isZero();
        assertThat(aa.get("totaal").get("aantal").asInt()).isEqualTo(7);
        // 30AB on 1 November: one pupil of 13+ beside five of 8-12
        JsonNode november = json(vraag("/afnemers/leveringen/register?peildatum=2026-11-01", "ocw", geheim, null), 200);
        JsonNode ab = regel(november, "30AB");
        assertThat(ab.get("vanaf13").get("onderdrukt").asBoolean()).isTrue();
        assertThat(ab.get("van8tot12").get("onderdrukt").asBoolean()).isTrue();
        assertThat(ab.get("totaal").get("aantal").asInt()).isEqualTo(6);
        // two in each school's row (30AA as in October)
        assertThat(november.get("onderdrukt").asInt()).isEqualTo(4);
        for (JsonNode levering : List.of(oktober, november)) {
            for (JsonNode r : levering.get("regels")) {
                nietTerugTeRekenen(r, LocalDate.parse(levering.get("peildatum").asText()));
            }
        }
    }

    @Test
    void eenSoortWaarvoorDeAfnemerNietGeregistreerdIsGeeftGeenToegangEnEenAuditregel() throws Exception {
        String geheim = registreer("gemeente-utrecht", "Gemeente Utrecht", List.of("register"));
        HttpResponse<String> r = vraag("/afnemers/leveringen/gtb?peildatum=2026-10-01", "gemeente-utrecht", geheim, null);
        probleem(r, 403, "geen-toegang");
        assertThat(r.body()).doesNotContain("30AA", "aantal");
        // asked as CSV: the same refusal, as problem details
        probleem(vraag("/afnemers/leveringen/gtb?peildatum=2026-10-01", "gemeente-utrecht", geheim, "text/csv"), 403, "geen-toegang");
        JsonNode rij = operator.get("/audit/afnemers?afnemer=gemeente-utrecht").json().get(1);
        assertThat(rij.get("soort").asText()).isEqualTo("gtb");
        assertThat(rij.get("status").asInt()).isEqualTo(403);
        assertThat(rij.get("uitkomst").asText()).isEqualTo("geen-toegang");
        assertThat(rij.get("cellen").asInt()).isZero();

        // the operator adds the kind: now it is delivered
        registreer("gemeente-utrecht", "Gemeente Utrecht", List.of("register", "gtb"), false);
        json(vraag("/afnemers/leveringen/gtb?peildatum=2026-10-01", "gemeente-utrecht", geheim, null), 200);

        // an unknown kind: 404, and the trail notes it without the name asked for
        HttpResponse<String> onbekend = vraag("/afnemers/leveringen/leerlingen-met-bsn?peildatum=2026-10-01", "gemeente-utrecht", geheim, null);
        probleem(onbekend, 404, "onbekende-levering");
        assertThat(onbekend.body()).doesNotContain("leerlingen-met-bsn");
        JsonNode nietGevonden = operator.get("/audit/afnemers?afnemer=gemeente-utrecht").json().get(0);
        assertThat(nietGevonden.get("status").asInt()).isEqualTo(404);
        assertThat(nietGevonden.get("soort").isNull()).isTrue();
        probleem(vraag("/afnemers/elders", "gemeente-utrecht", geheim, null), 404, "niet-gevonden");
    }

    @Test
    void eenAndereMethodeOfEenOnbekendFormaatLevertNietsEnStaatNietAlsLeveringInHetSpoor() throws Exception {
        String geheim = registreer("methodes", "Een afnemer die van alles probeert", List.of("register"));
        String pad = "/afnemers/leveringen/register?peildatum=2026-10-01";
        for (String methode : List.of("POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")) {
            HttpResponse<String> r = verzoek(methode, pad, "methodes", geheim, null);
            assertThat(r.statusCode()).as(methode).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).as(methode).contains("GET");
            if (!methode.equals("HEAD")) {
                probleem(r, 405, "methode-niet-toegestaan");
            }
        }
        assertThat(verzoek("POST", "/afnemers/leveringen", "methodes", geheim, null).statusCode()).isEqualTo(405);
        // a format the API does not make: 406, whatever else the header says
        for (String accept : List.of("application/xml", "text/html", "text/csv;q=0, application/xml", "geen/type/hier", ";;")) {
            probleem(vraag(pad, "methodes", geheim, accept), 406, "niet-aanvaardbaar");
        }
        probleem(vraag("/afnemers/leveringen", "methodes", geheim, "text/csv"), 406, "niet-aanvaardbaar");
        // what admits JSON or CSV is served, the most wanted first
        json(vraag(pad, "methodes", geheim, "*/*"), 200);
        json(vraag(pad, "methodes", geheim, "text/csv;q=0.1, application/*"), 200);
        HttpResponse<String> csv = vraag(pad, "methodes", geheim, "application/json;q=0.5, text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        // the trail: three deliveries, every refusal as a refusal (405 or 406), none of them as delivered
        List<JsonNode> regels = new ArrayList<>();
        operator.get("/audit/afnemers?afnemer=methodes&aantal=100").json().forEach(regels::add);
        assertThat(regels.stream().filter(x -> x.get("uitkomst").asText().equals("geleverd"))).hasSize(3)
                .allSatisfy(x -> assertThat(x.get("status").asInt()).isEqualTo(200));
        assertThat(regels.stream().filter(x -> x.get("status").asInt() == 405)).hasSize(7)
                .allSatisfy(x -> assertThat(x.get("uitkomst").asText()).isEqualTo("methode-niet-toegestaan"));
        assertThat(regels.stream().filter(x -> x.get("status").asInt() == 406)).hasSize(6)
                .allSatisfy(x -> assertThat(x.get("cellen").asInt()).isZero());
    }

    @Test
    void verkeerdeInloggegevensGevenNietIngelogd() throws Exception {
        String geheim = registreer("inspectie", "Inspectie van het Onderwijs", List.of("gtb"));
        int voor = operator.get("/audit/afnemers?aantal=1000").json().size();
        String pad = "/afnemers/leveringen/gtb?peildatum=2026-10-01";
        probleem(vraag(pad, "inspectie", geheim + "x", null), 401, "niet-ingelogd");
        probleem(vraag(pad, "onbekend", geheim, null), 401, "niet-ingelogd");
        probleem(vraag(pad, null, null, null), 401, "niet-ingelogd");
        // the operator's credentials and a registered code without a secret mean nothing here
        probleem(vraag(pad, "operator", OperatorClient.WACHTWOORD, null), 401, "niet-ingelogd");
        registreer("zonder-geheim", "Nog zonder geheim", List.of("gtb"), false);
        probleem(vraag(pad, "zonder-geheim", "", null), 401, "niet-ingelogd");
        HttpResponse<String> r = vraag(pad, "inspectie", "fout", null);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        // a new secret: the old one stops at once
        String nieuw = operator.post("/afnemers/inspectie/geheim").json().get("geheim").asText();
        probleem(vraag(pad, "inspectie", geheim, null), 401, "niet-ingelogd");
        json(vraag(pad, "inspectie", nieuw, null), 200);
        // the failed sign-ins are in the trail, without the user name sent (the request without credentials is not)
        List<JsonNode> nieuweRegels = new ArrayList<>();
        operator.get("/audit/afnemers?aantal=1000").json().forEach(nieuweRegels::add);
        List<JsonNode> geweigerd = nieuweRegels.subList(0, nieuweRegels.size() - voor).stream()
                .filter(x -> x.get("status").asInt() == 401).toList();
        assertThat(geweigerd).hasSize(6).allSatisfy(x -> {
            assertThat(x.get("afnemer").isNull()).isTrue();
            assertThat(x.get("uitkomst").asText()).isEqualTo("niet-ingelogd");
        });
        // the afnemers' API is at the portal door only
        assertThat(operator.ruw("GET", pad, null, null).statusCode()).isEqualTo(404);
        LasClient las = hub.las("30AA", "1");
        // at the LAS door every other address is a SOAP fault with 360
        HttpResponse<String> viaLasDeur = las.http().send(HttpRequest.newBuilder(URI.create("https://localhost:" + hub.port() + pad)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaLasDeur.statusCode()).isEqualTo(500);
        assertThat(viaLasDeur.body()).contains("<faultstring>360: ");
    }

    @Test
    void vijandigePeildataWordenGeweigerdZonderIetsTeBewaren() throws Exception {
        String geheim = registreer("vijandig", "Een nieuwsgierige afnemer", List.of("register"));
        String afnemersVoor = operator.get("/afnemers").json().toString();
        int log0 = PersoonsgegevensInLog.VONDSTEN.size();
        log.neem();
        List<String> waarden = List.of("2026-02-30", "2026-13-01", "rommel", "2026-1-1", "+2026-10-01", "2026-10-01T00:00",
                "2026-10-01\n", "2026-10-01\u0000", "\u0007", "'; drop table afnemer; --", "９９９９９３８４７", "999993847", "2027-01-01",
                "1999-12-31", "0000-01-01", "9".repeat(4000), "2026-10-01".repeat(500), "", " 2026-10-01");
        for (String w : waarden) {
            HttpResponse<String> r = vraag("/afnemers/leveringen/register?peildatum=" + URLEncoder.encode(w, StandardCharsets.UTF_8),
                    "vijandig", geheim, null);
            assertThat(r.statusCode()).as("peildatum of " + w.length() + " characters").isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode p = JSON.readTree(r.body());
            assertThat(p.get("status").asInt()).isEqualTo(400);
            if (!w.isBlank()) {
                assertThat(r.body()).as("the value is not echoed").doesNotContain(w.strip());
            }
            assertThat(r.body()).doesNotContain("Exception", "at nl.", "/afnemers");
        }
        probleem(vraag("/afnemers/leveringen/register", "vijandig", geheim, null), 400, "ongeldige-peildatum");
        // two dates each of which alone would be served: which one counted would be a guess
        HttpResponse<String> tweemaal = vraag("/afnemers/leveringen/register?peildatum=2026-10-01&peildatum=2026-09-01", "vijandig",
                geheim, null);
        probleem(tweemaal, 400, "ongeldige-peildatum");
        assertThat(JSON.readTree(tweemaal.body()).get("detail").asText()).contains("meer dan eens");
        // refused: nothing stored but the trail's rows, which hold no peildatum
        assertThat(operator.get("/afnemers").json().toString()).isEqualTo(afnemersVoor);
        JsonNode spoor = operator.get("/audit/afnemers?afnemer=vijandig&aantal=1000").json();
        assertThat(spoor.size()).isEqualTo(waarden.size() + 2);
        spoor.forEach(x -> {
            assertThat(x.get("status").asInt()).isEqualTo(400);
            assertThat(x.get("peildatum").isNull()).isTrue();
            assertThat(x.get("cellen").asInt()).isZero();
        });
        assertThat(log.neem()).as("errors or stack traces in the log").isEmpty();
        assertThat(PersoonsgegevensInLog.VONDSTEN.size()).as("personal data in the hub's log").isEqualTo(log0);
    }

    @Test
    void geenLeveringBevatPersoonsgegevens() throws Exception {
        String geheim = registreer("cbs-statline", "CBS StatLine", List.of("gtb", "register"));
        List<String> lichamen = new ArrayList<>();
        for (String soort : List.of("gtb", "register")) {
            for (String peildatum : List.of("2026-08-17", "2026-10-01", "2026-11-02")) {
                for (String accept : new String[] {null, "text/csv"}) {
                    HttpResponse<String> r = vraag("/afnemers/leveringen/" + soort + "?peildatum=" + peildatum, "cbs-statline", geheim, accept);
                    assertThat(r.statusCode()).isEqualTo(200);
                    lichamen.add(r.body());
                }
            }
        }
        assertThat(lichamen).anySatisfy(b -> assertThat(b).contains("30AA"));
        for (String b : lichamen) {
            assertThat(b).doesNotContain(PERSOONSGEGEVENS.toArray(String[]::new));
            assertThat(b).doesNotContainIgnoringCase("geboortedatum").doesNotContainIgnoringCase("burgerservicenummer")
                    .doesNotContainIgnoringCase("achternaam").doesNotContainIgnoringCase("onderwijsnummer");
            assertThat(Pattern.compile("\\d{6,}").matcher(b.replaceAll("\"aangemaakt\":\"[^\"]*\"", "")).find())
                    .as("no number of six digits or more").isFalse();
        }
        assertThat(PersoonsgegevensInLog.VONDSTEN.size()).as("personal data in the hub's log").isEqualTo(vondstenVooraf);
    }

    @Test
    void deOperatorWeigertOngeldigeAfnemersZonderIetsTeBewaren() {
        String voor = operator.get("/afnemers").json().toString();
        assertThat(operator.put("/afnemers/Hoofdletters", Map.of("naam", "X", "leveringen", List.of("gtb"))).status()).isEqualTo(400);
        assertThat(operator.put("/afnemers/nieuw", Map.of("naam", "X", "leveringen", List.of("gtb", "bsn-lijst"))).status()).isEqualTo(400);
        assertThat(operator.put("/afnemers/nieuw", Map.of("naam", "X", "leveringen", List.of())).status()).isEqualTo(400);
        assertThat(operator.put("/afnemers/nieuw", Map.of("naam", "X", "leveringen", List.of("gtb", "gtb"))).status()).isEqualTo(400);
        assertThat(operator.put("/afnemers/nieuw", Map.of("naam", "X\n", "leveringen", List.of("gtb"))).status()).isEqualTo(400);
        assertThat(operator.put("/afnemers/nieuw", "{\"naam\":\"X\",\"leveringen\":[\"gtb\"],\"geheim\":\"zelf\"}").status()).isEqualTo(400);
        OperatorClient.Antwoord r = operator.put("/afnemers/nieuw", Map.of("naam", "X", "leveringen", List.of("gtb", "bsn-lijst")));
        assertThat(r.json().get("veld").asText()).isEqualTo("leveringen");
        assertThat(r.json().toString()).doesNotContain("bsn-lijst");
        assertThat(operator.post("/afnemers/niemand/geheim").status()).isEqualTo(404);
        assertThat(operator.delete("/afnemers/niemand").status()).isEqualTo(404);
        assertThat(operator.get("/afnemers").json().toString()).isEqualTo(voor);
        // the register shows no secret, only whether one was made
        registreer("verwijderd", "Tijdelijk", List.of("gtb"));
        JsonNode a = operator.get("/afnemers/verwijderd").json();
        assertThat(a.get("geheimGemaakt").asBoolean()).isTrue();
        assertThat(a.has("geheim")).isFalse();
        assertThat(operator.delete("/afnemers/verwijderd").status()).isEqualTo(204);
        assertThat(operator.get("/afnemers/verwijderd").status()).isEqualTo(404);
    }

    /**
     * What the HTTP firewall refuses at the afnemers' API (a path with .., ; or //) is problem details, not the schools' Dutch
     * page (a hostile operator found that page).
     */
    @Test
    void eenGeweigerdAdresOfEenVreemdeMethodeIsEenProbleem() throws Exception {
        String geheim = registreer("cbs-vreemd", "CBS, vreemde adressen", List.of("register"));
        for (String pad : List.of("/afnemers/leveringen/%2e%2e/leveringen", "/afnemers/leveringen;x=1", "/afnemers//leveringen")) {
            HttpResponse<String> r = vraag(pad, "cbs-vreemd", geheim, null);
            probleem(r, 400, "ongeldig-adres");
            assertThat(r.body()).as(pad).doesNotContain("Mijn BRON");
        }
        // methods the firewall refuses before AfnemerApi sees them: 405 as the API's own, with Allow
        for (String methode : List.of("TRACE", "FOO")) {
            HttpResponse<String> r = verzoek(methode, "/afnemers/leveringen/register?peildatum=2026-10-01", "cbs-vreemd", geheim, null);
            probleem(r, 405, "methode-niet-toegestaan");
            assertThat(r.headers().allValues("Allow")).as(methode).containsExactly("GET");
            assertThat(r.body()).as(methode).doesNotContain("Mijn BRON");
        }
    }

    @Test
    void eenLeveringAlsBestandInDeMapVanDeAfnemer() throws Exception {
        String geheim = registreer("cbs-bestanden", "CBS, per bestand", List.of("register"));
        OperatorClient.Antwoord a = operator.post("/afnemers/cbs-bestanden/bestanden/register?peildatum=2026-10-01");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().get("bestand").asText()).isEqualTo("cbs-bestanden/register-2026-10-01.csv");
        Path bestand = BESTANDEN.resolve("cbs-bestanden/register-2026-10-01.csv");
        // the file holds what the API gives
        String csv = vraag("/afnemers/leveringen/register?peildatum=2026-10-01", "cbs-bestanden", geheim, "text/csv").body();
        assertThat(Files.readString(bestand)).isEqualTo(csv).contains("30AA,01,33,x,x,0,7");
        JsonNode rij = operator.get("/audit/afnemers?afnemer=cbs-bestanden").json().get(1);
        assertThat(rij.get("formaat").asText()).isEqualTo("bestand");
        assertThat(rij.get("cellen").asInt()).isEqualTo(8);
        // refused, and no file: a kind not registered (409), a bad peildatum (400), an unknown kind (400) or afnemer (404)
        assertThat(operator.post("/afnemers/cbs-bestanden/bestanden/gtb?peildatum=2026-10-01").status()).isEqualTo(409);
        assertThat(operator.post("/afnemers/cbs-bestanden/bestanden/register?peildatum=2026-02-30").status()).isEqualTo(400);
        assertThat(operator.post("/afnemers/cbs-bestanden/bestanden/bsn?peildatum=2026-10-01").status()).isEqualTo(400);
        assertThat(operator.post("/afnemers/niemand/bestanden/register?peildatum=2026-10-01").status()).isEqualTo(404);
        try (var inhoud = Files.list(BESTANDEN.resolve("cbs-bestanden"))) {
            assertThat(inhoud.map(x -> x.getFileName().toString()).toList()).containsExactly("register-2026-10-01.csv");
        }
        assertThat(BESTANDEN.resolve("niemand")).doesNotExist();
    }

    // --- helpers

    private static String registreer(String code, String naam, List<String> leveringen) {
        return registreer(code, naam, leveringen, true);
    }

    /** Registers the afnemer through the operator API and, when asked, has its secret made (given this once). */
    private static String registreer(String code, String naam, List<String> leveringen, boolean geheim) {
        OperatorClient.Antwoord a = operator.put("/afnemers/" + code, Map.of("naam", naam, "leveringen", leveringen));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().get("leveringen").toString()).isEqualTo(JSON.valueToTree(leveringen.stream().sorted().toList()).toString());
        if (!geheim) {
            return null;
        }
        OperatorClient.Antwoord g = operator.post("/afnemers/" + code + "/geheim");
        assertThat(g.status()).isEqualTo(200);
        return g.json().get("geheim").asText();
    }

    private static HttpResponse<String> vraag(String pad, String code, String geheim, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + hub.portaalPoort() + pad)).GET();
        if (code != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((code + ":" + geheim).getBytes(StandardCharsets.UTF_8)));
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> verzoek(String methode, String pad, String code, String geheim, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + hub.portaalPoort() + pad))
                .method(methode, methode.equals("GET") || methode.equals("HEAD") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((code + ":" + geheim).getBytes(StandardCharsets.UTF_8)));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static void probleem(HttpResponse<String> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("type").asText()).isEqualTo("urn:bron-hub:probleem:" + type);
        // every refusal names its occurrence, also those written before Spring MVC (401 from the sign-in)
        assertThat(JSON.readTree(r.body()).get("instance").asText()).startsWith("urn:uuid:");
    }

    private static JsonNode regel(JsonNode levering, String brin) {
        for (JsonNode r : levering.get("regels")) {
            if (r.get("brin").asText().equals(brin)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + brin);
    }

    /**
     * What this class sent, counted as the register (and here the GTB too: every pupil sent is funded while enrolled) counts
     * on the peildatum: enrolled on or before it and not uitgeschreven before it; age on 31 December of the school year.
     */
    private static Map<String, int[]> verwacht(LocalDate peildatum) {
        Map<String, int[]> t = new TreeMap<>();
        int jaar = peildatum.getMonthValue() >= 8 ? peildatum.getYear() : peildatum.getYear() - 1;
        for (Leerling l : LEERLINGEN) {
            boolean actief = !LocalDate.parse(l.van()).isAfter(peildatum) && (l.tot() == null || !LocalDate.parse(l.tot()).isBefore(peildatum));
            if (actief) {
                int leeftijd = Period.between(LocalDate.parse(l.geboortedatum()), LocalDate.of(jaar, 12, 31)).getYears();
                t.computeIfAbsent(l.brin(), b -> new int[3])[leeftijd < 8 ? 0 : leeftijd <= 12 ? 1 : 2]++;
            }
        }
        return t;
    }

    /**
     * Each published cell is the number sent; a cell is suppressed when it is 1 to 4, or as the second of its row;
     * the rows are exactly the schools with pupils that day.
     */
    private static void klopt(JsonNode levering, LocalDate peildatum) {
        Map<String, int[]> verwacht = verwacht(peildatum);
        List<String> scholen = new ArrayList<>();
        for (JsonNode r : levering.get("regels")) {
            String brin = r.get("brin").asText();
            scholen.add(brin);
            assertThat(r.get("vestiging").asText()).isEqualTo("01");
            assertThat(r.get("soortOnderwijs").asText()).isEqualTo("33");
            int[] v = verwacht.get(brin);
            assertThat(v).as(brin + " on " + peildatum).isNotNull();
            String[] namen = {"onder8", "van8tot12", "vanaf13"};
            for (int i = 0; i < 3; i++) {
                JsonNode cel = r.get(namen[i]);
                if (v[i] > 0 && v[i] < DREMPEL) {
                    assertThat(cel.get("onderdrukt").asBoolean()).as(brin + " " + namen[i] + " on " + peildatum).isTrue();
                }
                if (!cel.get("onderdrukt").asBoolean()) {
                    assertThat(cel.get("aantal").asInt()).as(brin + " " + namen[i] + " on " + peildatum).isEqualTo(v[i]);
                }
            }
            int totaal = v[0] + v[1] + v[2];
            if (totaal >= DREMPEL) {
                assertThat(r.get("totaal").get("aantal").asInt()).as(brin + " total on " + peildatum).isEqualTo(totaal);
            }
            nietTerugTeRekenen(r, peildatum);
        }
        assertThat(scholen).containsExactlyInAnyOrderElementsOf(verwacht.keySet());
    }

    /**
     * The row's total minus its published cells gives nothing of one suppressed cell: with the total published, the
     * suppressed cells are none, or at least two that together hold at least drempel pupils.
     */
    private static void nietTerugTeRekenen(JsonNode r, LocalDate peildatum) {
        int[] v = verwacht(peildatum).get(r.get("brin").asText());
        if (r.get("totaal").get("onderdrukt").asBoolean()) {
            return;
        }
        int weg = 0;
        int som = 0;
        String[] namen = {"onder8", "van8tot12", "vanaf13"};
        for (int i = 0; i < 3; i++) {
            if (r.get(namen[i]).get("onderdrukt").asBoolean()) {
                weg++;
                som += v[i];
            }
        }
        assertThat(weg).as(r + ": one suppressed cell would follow from the total").isNotEqualTo(1);
        if (weg > 1) {
            assertThat(som).as(r + ": the suppressed cells together").isGreaterThanOrEqualTo(DREMPEL);
        }
    }
}
