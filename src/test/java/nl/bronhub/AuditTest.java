package nl.bronhub;

import java.util.List;
import java.util.Map;

import nl.bronhub.contract.v1.AanleverenVerzoek;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.TerugkoppelingVerzoek;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.OperatorClient;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail: every request leaves one row saying which aanleverpunt sent or fetched what, when,
 * and what it was told; no personal data.
 */
class AuditTest extends HubTest {

    @Test
    void eenAanleveringEnHetOphalenStaanInHetAuditspoor() {
        LasClient las = las("70CA", "2");
        Bericht goed = inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"));
        Bericht zonderInschrijving = Berichten.bericht("inschrijven", zonderPgn("2016-01-02"), null);
        AanleverenVerzoek verzoek = las.aanleverVerzoek(goed, zonderInschrijving);

        las.verstuur(verzoek);
        HubTest.terugkoppelingVan(las, goed.getIdentificatie());

        List<Map<String, Object>> rijen = jdbc.queryForList("select operatie, aanleverpuntnummer, document, aantal, aantal_afgekeurd, "
                + "uitkomst from audit where brin = '70CA' order by id");
        assertThat(rijen).first().isEqualTo(Map.of("operatie", "aanleveren", "aanleverpuntnummer", "2",
                "document", verzoek.getHeader().getIdentificatiecodeBedrijfsdocument(), "aantal", 2, "aantal_afgekeurd", 1,
                "uitkomst", "beantwoord"));
        // the LAS polled until its terugkoppeling came: the last fetch returned it
        assertThat(rijen.subList(1, rijen.size())).allSatisfy(r -> {
            assertThat(r.get("operatie")).isEqualTo("ophalenTerugkoppelingen");
            assertThat(r.get("uitkomst")).isEqualTo("beantwoord");
        });
        assertThat(rijen.get(rijen.size() - 1).get("aantal")).isEqualTo(1);
        String alles = rijen.toString();
        assertThat(alles).doesNotContain(goed.getLeerling().getAchternaam()).doesNotContain(zonderInschrijving.getLeerling().getAchternaam());

        // and an operator reads it, newest first
        OperatorClient.Antwoord api = operator().get("/audit?brin=70CA");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json()).hasSize(rijen.size());
        assertThat(api.json().get(rijen.size() - 1).get("operatie").asText()).isEqualTo("aanleveren");
        assertThat(api.json().get(rijen.size() - 1).get("aantalAfgekeurd").asInt()).isEqualTo(1);
    }

    @Test
    void eenGeweigerdVerzoekStaatErMetZijnSignaalcode() {
        LasClient las = las("70CB", "1");
        int voor = jdbc.queryForObject("select count(*) from audit where uitkomst = '360' and operatie is null", Integer.class);

        las.post("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>");
        // a fetch refused whole: it acknowledges a volgnummer never handed out (743)
        las.ophalenFout(99);

        assertThat(jdbc.queryForObject("select count(*) from audit where uitkomst = '360' and operatie is null", Integer.class))
                .isEqualTo(voor + 1);
        assertThat(jdbc.queryForList("select operatie, uitkomst from audit where brin = '70CB'"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("operatie")).isEqualTo("ophalenTerugkoppelingen");
                    assertThat(r.get("uitkomst")).isEqualTo("743");
                });
    }

    private static final String ZONDER_AANLEVERPUNT = "select count(*) from audit where brin is null and aanleverpuntnummer is null "
            + "and operatie = 'ophalenTerugkoppelingen' and uitkomst = '359'";

    /**
     * A request refused for its body (359) beside a valid header is recorded under the aanleverpunt and document that
     * header names, as any other refusal is (it was recorded without them; found by a hostile LAS on 6 December). A header
     * the schema finds fault with is not read.
     */
    @Test
    void eenVerzoekGeweigerdOmZijnBodyStaatOnderHetAanleverpuntVanZijnHeader() {
        LasClient las = las("70CC", "3");
        TerugkoppelingVerzoek nul = las.ophaalVerzoek(0, 0);
        AanleverenVerzoek aanlevering = las.aanleverVerzoek(inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01")));
        String vreemd = LasClient.envelop(aanlevering).replaceFirst("(</([a-z0-9]+:)?header>)", "$1<onbekend xmlns=\"urn:x\"/>");
        TerugkoppelingVerzoek fouteHeader = las.ophaalVerzoek(0, 0);
        // an id the schema refuses (1 to 50 characters): the header is not read
        fouteHeader.getHeader().setIdentificatiecodeBedrijfsdocument("x".repeat(200));

        assertThat(((LasClient.Fout) las.verstuur(nul)).signalen()).extracting(s -> s.getCode()).containsOnly("359");
        assertThat(((LasClient.Fout) LasClient.lees(las.post(vreemd))).signalen()).extracting(s -> s.getCode()).containsOnly("359");
        int zonderAanleverpunt = jdbc.queryForObject(ZONDER_AANLEVERPUNT, Integer.class);
        assertThat(((LasClient.Fout) las.verstuur(fouteHeader)).signalen()).extracting(s -> s.getCode()).contains("359");

        // 70CC's aanleverpunt 1 is another test's
        assertThat(jdbc.queryForList("select operatie, aanleverpuntnummer, document, uitkomst from audit where brin = '70CC' "
                + "and aanleverpuntnummer = '3' order by id"))
                .containsExactly(
                        Map.of("operatie", "ophalenTerugkoppelingen", "aanleverpuntnummer", "3",
                                "document", nul.getHeader().getIdentificatiecodeBedrijfsdocument(), "uitkomst", "359"),
                        Map.of("operatie", "aanleveren", "aanleverpuntnummer", "3",
                                "document", aanlevering.getHeader().getIdentificatiecodeBedrijfsdocument(), "uitkomst", "359"));
        assertThat(jdbc.queryForObject(ZONDER_AANLEVERPUNT, Integer.class)).as("the request whose header the schema refused")
                .isEqualTo(zonderAanleverpunt + 1);
        assertThat(jdbc.queryForObject("select count(*) from bericht b join aanleverpunt a on a.id = b.aanleverpunt_id "
                + "where a.brin = '70CC' and a.aanleverpuntnummer = '3'", Integer.class)).as("nothing stored").isZero();
    }
}
