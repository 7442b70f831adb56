package nl.bronhub;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.bronhub.portaal.PortaalKanaal;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator API describes itself (OpenAPI at /v3/api-docs, for the operator, at the operator door
 * only), and refuses in one shape: RFC 9457 problem details naming the field, never echoing the value.
 */
class OperatorApiTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private PortaalKanaal portaalKanaal;

    @Test
    void deBeschrijvingNoemtElkOperatoradres() throws Exception {
        HttpResponse<String> docs = operator().ruw("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.body());
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.at("/components/securitySchemes/operator/scheme").asText()).isEqualTo("basic");

        // every handler method of the operator's controllers, as Spring has mapped them
        List<String> verwacht = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, methode) -> {
            if (methode.getBeanType().getPackageName().equals("nl.bronhub.operator")) {
                info.getPatternValues().forEach(pad -> info.getMethodsCondition().getMethods()
                        .forEach(m -> verwacht.add(m.name().toLowerCase() + " " + pad)));
            }
        });
        assertThat(verwacht).hasSizeGreaterThan(20);
        List<String> beschreven = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(pad -> pad.getValue().fieldNames()
                .forEachRemaining(m -> beschreven.add(m + " " + pad.getKey())));
        assertThat(beschreven).containsAll(verwacht);
        assertThat(beschreven).allMatch(b -> b.contains(" /operator/"));
        assertThat(api.at("/paths/~1operator~1aanleverpunten~1{brin}~1{nummer}/patch/requestBody/content")
                .has("application/merge-patch+json")).isTrue();
        assertThat(api.at("/paths/~1operator~1aanleverpunten~1{brin}~1{nummer}/patch/requestBody/content")
                .has("application/json")).isTrue();
        // a DELETE answers 204, and says so
        assertThat(api.at("/paths/~1operator~1certificaten~1{vingerafdruk}/delete/responses").has("204")).isTrue();
        assertThat(api.at("/paths/~1operator~1mandaten~1{brin}~1{leverancier}/delete/responses").has("204")).isTrue();
        // every operation documents its refusals in the problem details' shape
        api.get("paths").forEach(pad -> pad.forEach(operatie -> assertThat(operatie.at("/responses/4XX/content")
                .has("application/problem+json")).as(operatie.path("operationId").asText()).isTrue()));
        assertThat(api.at("/components/schemas/Probleem/properties").has("veld")).isTrue();
        assertThat(api.at("/paths/~1operator~1aanleverpunten~1{brin}~1{nummer}/put/description").asText()).contains("PATCH");

        assertThat(operator().ruw("GET", "/swagger-ui/index.html", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void deBeschrijvingIsVoorDeOperatorAanDeOperatordeur() throws Exception {
        HttpResponse<String> anoniem = new OperatorClient(operatorPoort(), null, null).ruw("GET", "/v3/api-docs", null, null);
        assertThat(anoniem.statusCode()).isEqualTo(401);
        assertThat(anoniem.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(w -> assertThat(w).startsWith("Basic"));
        assertProbleem(anoniem, 401, "niet-ingelogd", null);
        assertThat(new OperatorClient(operatorPoort(), null, null).ruw("GET", "/swagger-ui/index.html", null, null).statusCode())
                .isEqualTo(401);
        // its YAML form too (a hostile operator read all 47 operations there without a password)
        for (String pad : List.of("/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html")) {
            HttpResponse<String> zonder = new OperatorClient(operatorPoort(), null, null).ruw("GET", pad, null, null);
            assertThat(zonder.statusCode()).as(pad).isEqualTo(401);
            assertThat(zonder.body()).as(pad).doesNotContain("openapi");
        }
        assertThat(operator().ruw("GET", "/v3/api-docs.yaml", null, null).body()).contains("openapi");

        // the LAS door (with a LAS certificate and the operator's password) and the portal door have none of it
        var lasDeur = new OperatorClient(port, "operator", OperatorClient.WACHTWOORD, Hub.STANDAARD_LAS.get());
        for (String pad : List.of("/v3/api-docs", "/swagger-ui/index.html")) {
            HttpResponse<String> viaLasDeur = lasDeur.ruw("GET", pad, null, null);
            assertThat(viaLasDeur.statusCode()).as(pad).isEqualTo(500);
            assertThat(viaLasDeur.body()).as(pad).contains("<faultstring>360: ").doesNotContain("openapi").doesNotContain("swagger");
        }
        var portaalDeur = new OperatorClient(portaalKanaal.poort());
        assertThat(portaalDeur.ruw("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(404);
        assertThat(portaalDeur.ruw("GET", "/swagger-ui/index.html", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void elkeWeigeringIsProblemDetailsMetHetVeld() throws Exception {
        OperatorClient operator = operator();

        HttpResponse<String> geenGetal = operator.ruw("GET", "/operator/audit?aantal=veelte", null, null);
        assertProbleem(geenGetal, 400, "ongeldige-waarde", "aantal");
        assertThat(detail(geenGetal)).isEqualTo("aantal moet een geheel getal zijn");
        // the occurrence, not the path (which can carry what was sent)
        assertThat(JSON.readTree(geenGetal.body()).path("instance").asText()).startsWith("urn:uuid:");
        assertThat(geenGetal.body()).doesNotContain("veelte");

        assertProbleem(operator.ruw("POST", "/operator/geparkeerd/xyz/opnieuw", null, null), 400, "ongeldige-waarde", "id");
        assertProbleem(operator.ruw("GET", "/operator/geparkeerd?alle=misschien", null, null), 400, "ongeldige-waarde", "alle");
        HttpResponse<String> buitenBereik = operator.ruw("GET", "/operator/scholen?aantal=0", null, null);
        assertProbleem(buitenBereik, 400, "ongeldige-invoer", "aantal");
        assertThat(detail(buitenBereik)).isEqualTo("aantal moet tussen 1 en 1000 liggen");

        // a JSON property of the wrong type is named by its path, a body that is no JSON at all is refused whole
        HttpResponse<String> verkeerdType = operator.ruw("PUT", "/operator/aanleverpunten/75AA/1", "application/json",
                "{\"normLeerlingen\": \"heelveel\"}");
        assertProbleem(verkeerdType, 400, "onleesbare-invoer", "normLeerlingen");
        assertThat(verkeerdType.body()).doesNotContain("heelveel");
        assertProbleem(operator.ruw("PUT", "/operator/scholen/75AA/ab-opgave", "application/json", "[{\"ingangsdatum\": \"gisteren\"}]"),
                400, "onleesbare-invoer", "[0].ingangsdatum");
        assertProbleem(operator.ruw("PUT", "/operator/aanleverpunten/75AA/1", "application/json", "{\"las\": "), 400, "onleesbare-invoer", null);
        assertProbleem(operator.ruw("PUT", "/operator/aanleverpunten/75AA/1", "application/json", null), 400, "onleesbare-invoer", null);
        assertProbleem(operator.ruw("PUT", "/operator/aanleverpunten/75AA/1", "application/json", "{\"gemachtigdeEmail\": \"geenadres\"}"),
                400, "ongeldige-invoer", "gemachtigdeEmail");

        HttpResponse<String> mediatype = operator.ruw("POST", "/operator/certificaten", "application/xml", "<certificaat/>");
        assertProbleem(mediatype, 415, "mediatype-niet-ondersteund", "Content-Type");
        assertThat(mediatype.headers().firstValue("Accept")).hasValueSatisfying(a -> assertThat(a).contains("application/json"));

        HttpResponse<String> methode = operator.ruw("DELETE", "/operator/audit", null, null);
        assertProbleem(methode, 405, "methode-niet-toegestaan", null);
        assertThat(methode.headers().firstValue("Allow")).hasValue("GET");

        assertProbleem(operator.ruw("GET", "/operator/bestaatniet", null, null), 404, "niet-gevonden", null);
        HttpResponse<String> onbekend = operator.ruw("GET", "/operator/aanleverpunten/75AA/77", null, null);
        assertProbleem(onbekend, 404, "niet-gevonden", null);
        assertThat(detail(onbekend)).isEqualTo("aanleverpunt 75AA/77 bestaat niet");
        HttpResponse<String> geparkeerd = operator.ruw("POST", "/operator/geparkeerd/999993847/verwerpen", null, null);
        assertProbleem(geparkeerd, 404, "niet-gevonden", null);
        // a number in the path is never repeated (it may be a BSN typed in the wrong place)
        assertThat(geparkeerd.body()).doesNotContain("999993847");
        assertThat(operator.ruw("GET", "/operator/aanleverpunten/999993847/1", null, null).body()).doesNotContain("999993847");
        assertThat(operator.ruw("DELETE", "/operator/certificaten/999993847", null, null).body()).doesNotContain("999993847");
        assertThat(operator.ruw("DELETE", "/operator/mandaten/75AA/999993847", null, null).body()).doesNotContain("999993847");
        assertThat(operator.ruw("DELETE", "/operator/planning/999993847", null, null).body()).doesNotContain("999993847");

        // the portal door keeps its own Dutch pages
        HttpResponse<String> portaal = Pki.zonderCertificaat().http().send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + portaalKanaal.poort() + "/portaal/bestaatniet")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(portaal.headers().firstValue("Content-Type").orElse("")).doesNotContain("problem");
        assertThat(portaal.body()).doesNotContain("urn:bron-hub:probleem");
    }

    @Test
    void patchWijzigtAlleenWatMeekomtEnPutVervangtAlles() throws Exception {
        OperatorClient operator = operator();
        assertThat(operator.put("/aanleverpunten/75AB/1", OperatorClient.schoolMetBestuur("patch", "2026-09-07")).status()).isEqualTo(200);

        // a newcomer sends only the new address: the bestuur's data stays
        HttpResponse<String> gewijzigd = operator.ruw("PATCH", "/operator/aanleverpunten/75AB/1", "application/merge-patch+json",
                "{\"gemachtigdeEmail\": \"nieuw@patch-school.example\", \"contactpersoon\": null}");
        assertThat(gewijzigd.statusCode()).as(gewijzigd.body()).isEqualTo(200);
        JsonNode g = operator.get("/aanleverpunten/75AB/1").json().get("gegevens");
        assertThat(g.get("gemachtigdeEmail").asText()).isEqualTo("nieuw@patch-school.example");
        assertThat(g.get("contactpersoon").isNull()).isTrue();
        assertThat(g.get("bestuurNaam").asText()).isEqualTo("Stichting patch");
        assertThat(g.get("bestuurEmail").asText()).isEqualTo("secretariaat@patch-bestuur.example");
        assertThat(g.get("normLeerlingen").asInt()).isEqualTo(10);
        assertThat(g.get("wachtwoordbriefDatum").asText()).isEqualTo("2026-09-07");

        // refused as a whole, naming the field: nothing changes
        assertProbleem(operator.ruw("PATCH", "/operator/aanleverpunten/75AB/1", "application/json", "{\"bestuurMail\": \"x@y.example\"}"),
                400, "ongeldige-invoer", "bestuurMail");
        assertProbleem(operator.ruw("PATCH", "/operator/aanleverpunten/75AB/1", "application/json", "{\"normLeerlingen\": \"tien\"}"),
                400, "onleesbare-invoer", "normLeerlingen");
        assertProbleem(operator.ruw("PATCH", "/operator/aanleverpunten/75AB/1", "application/json", "{\"normLeerlingen\": -1}"),
                400, "ongeldige-invoer", "normLeerlingen");
        assertThat(operator.get("/aanleverpunten/75AB/1").json().get("gegevens")).isEqualTo(g);

        // a PATCH of an aanleverpunt that does not exist (a mistyped BRIN-nummer) creates nothing
        assertProbleem(operator.ruw("PATCH", "/operator/aanleverpunten/75AB/7", "application/merge-patch+json",
                "{\"gemachtigdeEmail\": \"typfout@patch-school.example\"}"), 404, "niet-gevonden", null);
        assertThat(operator.get("/aanleverpunten/75AB/7").status()).isEqualTo(404);

        // PUT replaces the record: what it leaves out is gone (as its description warns)
        assertThat(operator.put("/aanleverpunten/75AB/1", "{\"las\": \"Ander-LAS\"}").status()).isEqualTo(200);
        assertThat(operator.get("/aanleverpunten/75AB/1").json().at("/gegevens/bestuurNaam").isNull()).isTrue();
    }

    @Test
    void elkeSleutelIsCamelCase() throws Exception {
        // a request in the audit, so its rows are there to look at
        las("75AA", "1").ophalen(0);
        OperatorClient operator = operator();
        for (String pad : List.of("/audit", "/aanleverpunten", "/certificaten", "/mandaten", "/geparkeerd?alle=true", "/scholen",
                "/voortgangsmails", "/systeem")) {
            OperatorClient.Antwoord a = operator.get(pad);
            assertThat(a.status()).as(pad).isEqualTo(200);
            List<String> sleutels = new ArrayList<>();
            verzamel(a.json(), sleutels);
            assertThat(sleutels).as(pad).allMatch(k -> k.matches("[a-z][a-zA-Z0-9]*"));
        }
        JsonNode audit = operator.get("/audit?brin=75AA").json();
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).has("aantalAfgekeurd")).isTrue();
        assertThat(audit.get(0).get("operatie").asText()).isEqualTo("ophalenTerugkoppelingen");
    }

    private static void verzamel(JsonNode json, List<String> sleutels) {
        if (json.isObject()) {
            json.fields().forEachRemaining(e -> {
                sleutels.add(e.getKey());
                verzamel(e.getValue(), sleutels);
            });
        } else if (json.isArray()) {
            json.forEach(j -> verzamel(j, sleutels));
        }
    }

    private static void assertProbleem(HttpResponse<String> antwoord, int status, String type, String veld) throws Exception {
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(status);
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(antwoord.body());
        assertThat(p.get("type").asText()).isEqualTo("urn:bron-hub:probleem:" + type);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        if (veld == null) {
            assertThat(p.has("veld")).as(antwoord.body()).isFalse();
        } else {
            assertThat(p.path("veld").asText()).as(antwoord.body()).isEqualTo(veld);
        }
        assertThat(p.has("fout")).isFalse();
        assertThat(antwoord.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String detail(HttpResponse<String> antwoord) throws Exception {
        return JSON.readTree(antwoord.body()).get("detail").asText();
    }
}
