package nl.bronhub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import nl.bronhub.aanlevering.Aanleverpunten;
import nl.bronhub.contract.Afzender;
import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.RegistratieoverzichtAntwoord;
import nl.bronhub.contract.v1.RegistratieoverzichtVerzoek;
import nl.bronhub.contract.v1.TerugkoppelingAntwoord;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import nl.bronhub.toegang.Certificaten;
import nl.bronhub.toegang.Toegangscontrole;
import nl.bronhub.verwerking.BerichtWachtrij;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two-way TLS and the certificate register: which certificate may send for and fetch the queue of
 * which aanleverpunt. Anything else is refused whole with 366 (nothing stored, nothing acknowledged);
 * a certificate the LAS door does not trust does not get through the handshake at all.
 */
class ToegangTest extends HubTest {

    @Autowired
    private Toegangscontrole toegangscontrole;
    @Autowired
    private BerichtWachtrij wachtrij;
    @Autowired
    private Aanleverpunten aanleverpunten;
    @Autowired
    private CamelContext camel;
    @Autowired
    private PlatformTransactionManager transacties;

    private OperatorClient.Antwoord registreer(Pki.Identiteit identiteit, Map<String, String> houder) {
        Map<String, String> aanmelding = new HashMap<>(houder);
        aanmelding.put("certificaat", Pki.pem(identiteit));
        return operator().post("/certificaten", aanmelding);
    }

    private static Map<String, String> aanleverpunt(String brin, String nummer) {
        return Map.of("brin", brin, "aanleverpuntnummer", nummer);
    }

    private static Map<String, String> leverancier(String naam) {
        return Map.of("leverancier", naam);
    }

    private int berichten(String brin, String nummer) {
        return jdbc.queryForObject("select count(*) from bericht b join aanleverpunt a on a.id = b.aanleverpunt_id "
                + "where a.brin = ? and a.aanleverpuntnummer = ?", Integer.class, brin, nummer);
    }

    private static void geweigerdMet366(Object antwoord, String aanleverpunt) {
        assertThat(antwoord).isInstanceOf(LasClient.Fout.class);
        LasClient.Fout fout = (LasClient.Fout) antwoord;
        assertThat(fout.signalen()).singleElement().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("366");
            assertThat(s.getOmschrijving()).isEqualTo("BRIN-nummer/aanleverpuntnummer van bericht (" + aanleverpunt
                    + ") komt niet overeen met registratiegegevens van het certificaat.");
        });
        assertThat(fout.faultstring()).startsWith("366");
    }

    @Test
    void elkCertificaatHandeltAlleenVoorWatHetMag() {
        Pki.Identiteit a = Pki.client("las 70CD-1");
        Pki.Identiteit b = Pki.client("las 70CE-1");
        Pki.Identiteit mettMandaat = Pki.client("leverancier matrix-gemachtigd");
        Pki.Identiteit zonderMandaat = Pki.client("leverancier matrix-zonder");
        assertThat(registreer(a, aanleverpunt("70CD", "1")).status()).isEqualTo(200);
        assertThat(registreer(b, aanleverpunt("70CE", "1")).status()).isEqualTo(200);
        assertThat(registreer(mettMandaat, leverancier("matrix-gemachtigd")).status()).isEqualTo(200);
        assertThat(registreer(zonderMandaat, leverancier("matrix-zonder")).status()).isEqualTo(200);
        assertThat(operator().put("/mandaten/70AY/matrix-gemachtigd", "").status()).isEqualTo(200);
        // 70AY has one aanleverpunt in the register; 70AY/2 is nobody's
        assertThat(operator().put("/aanleverpunten/70AY/1", "{}").status()).isEqualTo(200);

        record Cel(Pki.Identiteit certificaat, String brin, String nummer, boolean mag) {
        }
        List<Cel> matrix = new ArrayList<>();
        for (Pki.Identiteit c : List.of(a, b, mettMandaat, zonderMandaat)) {
            for (String[] ap : new String[][]{{"70CD", "1"}, {"70CD", "2"}, {"70CE", "1"}, {"70AY", "1"}, {"70AY", "2"}}) {
                boolean mag = (c == a && ap[0].equals("70CD") && ap[1].equals("1"))
                        || (c == b && ap[0].equals("70CE") && ap[1].equals("1"))
                        // a mandate is the school's, for all its registered aanleverpunten
                        || (c == mettMandaat && ap[0].equals("70AY") && ap[1].equals("1"));
                matrix.add(new Cel(c, ap[0], ap[1], mag));
            }
        }
        for (Cel cel : matrix) {
            LasClient las = new LasClient(port, cel.brin(), cel.nummer(), cel.certificaat());
            String ap = cel.brin() + "/" + cel.nummer();
            int voor = berichten(cel.brin(), cel.nummer());
            Object verzonden = las.verstuur(las.aanleverVerzoek(inschrijven(zonderPgn("2016-02-02"), wec("2026-08-01"))));
            Object opgehaald = las.verstuur(las.ophaalVerzoek(0, null));
            Object overzicht = las.verstuur(registratieoverzichtVerzoek(las));
            if (cel.mag()) {
                assertThat(verzonden).as(cel.certificaat().naam() + " sends for " + ap).isInstanceOf(AanleverenAntwoord.class);
                assertThat(((AanleverenAntwoord) verzonden).getBerichtResultaat().get(0).getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
                assertThat(berichten(cel.brin(), cel.nummer())).isEqualTo(voor + 1);
                assertThat(opgehaald).as(cel.certificaat().naam() + " fetches for " + ap).isInstanceOf(TerugkoppelingAntwoord.class);
                assertThat(overzicht).isInstanceOf(RegistratieoverzichtAntwoord.class);
            } else {
                geweigerdMet366(verzonden, ap);
                geweigerdMet366(opgehaald, ap);
                geweigerdMet366(overzicht, ap);
                assertThat(berichten(cel.brin(), cel.nummer())).as("nothing stored for " + ap).isEqualTo(voor);
            }
        }
        // the refusals are in the audit trail, with the certificate that tried
        String vingerafdruk = Certificaten.vingerafdruk(b.certificaat());
        assertThat(jdbc.queryForObject("select count(*) from audit where brin = '70CD' and aanleverpuntnummer = '1' and uitkomst = '366' "
                + "and certificaat = ?", Integer.class, vingerafdruk)).isEqualTo(3);
    }

    @Test
    void eenGeweigerdeOphalingBevestigtNietsEnLaatDeWachtrijStaan() {
        Pki.Identiteit eigen = Pki.client("las 70CD-3");
        Pki.Identiteit ander = Pki.client("las 70CE-3");
        registreer(eigen, aanleverpunt("70CD", "3"));
        registreer(ander, aanleverpunt("70CE", "3"));
        LasClient school = new LasClient(port, "70CD", "3", eigen);
        var bericht = inschrijven(zonderPgn("2016-03-03"), wec("2026-08-01"));
        school.aanleveren(bericht);
        long volgnummer = terugkoppelingVan(school, bericht.getIdentificatie()).getVolgnummer();

        // another school's certificate tries to acknowledge (and read) 70CD/3's queue
        geweigerdMet366(new LasClient(port, "70CD", "3", ander).ophalenFout(volgnummer), "70CD/3");
        assertThat(jdbc.queryForObject("select count(*) from terugkoppeling t join aanleverpunt a on a.id = t.aanleverpunt_id "
                + "where a.brin = '70CD' and a.aanleverpuntnummer = '3' and t.bevestigd_op is null", Integer.class)).isEqualTo(1);
        assertThat(school.ophalen(0).getTerugkoppeling()).extracting(t -> t.getVolgnummer()).containsExactly(volgnummer);
    }

    @Test
    void eenMandaatGeeftEnNeemtToegang() {
        Pki.Identiteit leverancier = Pki.client("leverancier mandaat-proef");
        registreer(leverancier, leverancier("mandaat-proef"));
        LasClient las = new LasClient(port, "70AZ", "1", leverancier);
        assertThat(operator().put("/aanleverpunten/70AZ/1", "{}").status()).isEqualTo(200);

        geweigerdMet366(las.ophalenFout(0), "70AZ/1");
        assertThat(operator().put("/mandaten/70AZ/mandaat-proef", "").status()).isEqualTo(200);
        assertThat(las.ophalen(0).getTerugkoppeling()).isEmpty();
        assertThat(operator().get("/mandaten?brin=70AZ").json().findValuesAsText("leverancier")).contains("mandaat-proef");

        assertThat(operator().delete("/mandaten/70AZ/mandaat-proef").status()).isEqualTo(204);
        geweigerdMet366(las.ophalenFout(0), "70AZ/1");
        assertThat(operator().delete("/mandaten/70AZ/mandaat-proef").status()).isEqualTo(404);
    }

    @Test
    void eenLeverancierMaaktGeenAanleverpuntAan() {
        Pki.Identiteit leverancier = Pki.client("leverancier eigen-nummers");
        registreer(leverancier, leverancier("eigen-nummers"));
        assertThat(operator().put("/mandaten/70DX/eigen-nummers", "").status()).isEqualTo(200);
        assertThat(operator().put("/aanleverpunten/70DX/1", "{}").status()).isEqualTo(200);

        // numbers of the mandating school that nobody registered: refused whole, and nothing appears
        LasClient verzonnen = new LasClient(port, "70DX", "77", leverancier);
        geweigerdMet366(verzonnen.ophalenFout(0), "70DX/77");
        LasClient tweede = new LasClient(port, "70DX", "2", leverancier);
        geweigerdMet366(tweede.aanleverenFout(inschrijven(zonderPgn("2016-02-02"), wec("2026-08-01"))), "70DX/2");
        assertThat(operator().get("/aanleverpunten/70DX/77").status()).isEqualTo(404);
        assertThat(operator().get("/aanleverpunten/70DX/2").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from aanleverpunt where brin = '70DX'", Integer.class)).isEqualTo(1);

        // the registered one works, and its certificate counts as tested
        LasClient eerste = new LasClient(port, "70DX", "1", leverancier);
        assertThat(eerste.ophalen(0).getTerugkoppeling()).isEmpty();
        assertThat(operator().get("/aanleverpunten/70DX/1").json().get("certificaatGetestOp").isNull()).isFalse();
    }

    @Test
    void eenIngetrokkenOfOngeregistreerdCertificaatKrijgt366() {
        Pki.Identiteit onbekend = Pki.client("las 70BZ-1 niet geregistreerd");
        geweigerdMet366(new LasClient(port, "70BZ", "1", onbekend).ophalenFout(0), "70BZ/1");

        Pki.Identiteit ingetrokken = Pki.client("las 70BZ-2");
        // as the README registers one: the PEM file as the body
        var registratie = operator().postPem("/certificaten?brin=70BZ&aanleverpuntnummer=2", Pki.pem(ingetrokken));
        assertThat(registratie.status()).isEqualTo(200);
        LasClient las = new LasClient(port, "70BZ", "2", ingetrokken);
        assertThat(las.ophalen(0).getTerugkoppeling()).isEmpty();
        String vingerafdruk = registratie.json().get("vingerafdruk").asText();
        assertThat(vingerafdruk).isEqualTo(Certificaten.vingerafdruk(ingetrokken.certificaat()));
        assertThat(operator().delete("/certificaten/" + vingerafdruk).status()).isEqualTo(204);
        geweigerdMet366(las.ophalenFout(0), "70BZ/2");
    }

    @Test
    void zonderGeldigCertificaatGeenHandshake() {
        for (Pki.Identiteit zonder : List.of(Pki.zonderCertificaat(), Pki.verlopen("las 71VO-1 verlopen"), Pki.vanVreemdeCa("las 71VO-1 vreemd"))) {
            LasClient las = new LasClient(port, "71VO", "1", zonder);
            assertThatThrownBy(() -> las.ophalen(0)).as(zonder.naam())
                    .hasRootCauseInstanceOf(SSLException.class);
        }
        // nothing reached the listener, so nothing was recorded for this aanleverpunt
        assertThat(jdbc.queryForObject("select count(*) from audit where brin = '71VO'", Integer.class)).isZero();
    }

    @Test
    void deEersteGelukteOphalingTestHetCertificaat() {
        Pki.Identiteit eigen = Pki.client("las 71EB-1");
        registreer(eigen, aanleverpunt("71EB", "1"));
        // a refused fetch tests nothing
        geweigerdMet366(new LasClient(port, "71EB", "1", Hub.STANDAARD_LAS.get()).ophalenFout(0), "71EB/1");
        assertThat(operator().get("/aanleverpunten/71EB/1").status()).isEqualTo(404);

        LasClient las = new LasClient(port, "71EB", "1", eigen);
        las.ophalen(0);
        var aanleverpunt = operator().get("/aanleverpunten/71EB/1").json();
        String getest = aanleverpunt.get("certificaatGetestOp").asText();
        assertThat(getest).isEqualTo(Hub.VANDAAG + "T09:00:00Z");
        assertThat(jdbc.queryForObject("select c.getest_met from certificaattest c join aanleverpunt a on a.id = c.aanleverpunt_id "
                + "where a.brin = '71EB'", String.class))
                .isEqualTo(Certificaten.vingerafdruk(eigen.certificaat()));
        // the first one stays the one recorded
        las.ophalen(0);
        assertThat(operator().get("/aanleverpunten/71EB/1").json().get("certificaatGetestOp").asText()).isEqualTo(getest);
    }

    /**
     * Processing owns an aanleverpunt by locking its row without waiting; a first fetch recording the certificate test
     * used to write that row, and processing, finding it locked, left the aanleverpunt to its next poll (which asked
     * the person register again). The record is now written elsewhere: the row stays free while it is written.
     */
    @Test
    void hetVastleggenVanDeCertificaattestHoudtHetAanleverpuntNietVast() {
        Pki.Identiteit eigen = Pki.client("las 73AR-1");
        registreer(eigen, aanleverpunt("73AR", "1"));
        LasClient las = new LasClient(port, "73AR", "1", eigen);
        long id = aanleverpunten.id("73AR", "1");
        Exchange ophaling = new DefaultExchange(camel);
        Afzender.zet(ophaling, las.header());
        TransactionTemplate transactie = new TransactionTemplate(transacties);
        transactie.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        Boolean vrij = transactie.execute(s -> {
            // the record written and not yet committed, as in a fetch still under way
            toegangscontrole.ophalingGelukt(ophaling);
            // meanwhile processing, on another thread in a transaction of its own, claims the aanleverpunt
            return CompletableFuture.supplyAsync(() -> transactie.execute(t -> wachtrij.neemAanleverpunt(id))).join();
        });
        assertThat(vrij).as("processing could claim the aanleverpunt while its certificate test was being recorded").isTrue();
        assertThat(operator().get("/aanleverpunten/73AR/1").json().get("certificaatGetestOp").asText()).isEqualTo(Hub.VANDAAG + "T09:00:00Z");
    }

    @Test
    void hetRegisterWeigertWatDeLasDeurNietBinnenlaat() {
        assertThat(registreer(Pki.verlopen("verlopen"), aanleverpunt("70CD", "9")).json().get("detail").asText()).contains("verlopen");
        assertThat(registreer(Pki.vanVreemdeCa("vreemd"), aanleverpunt("70CD", "9")).json().get("detail").asText())
                .contains("niet uitgegeven door een CA die de LAS-deur vertrouwt");
        Pki.Identiteit goed = Pki.client("las 70CD-9");
        Map<String, String> beide = new HashMap<>(aanleverpunt("70CD", "9"));
        beide.put("leverancier", "x");
        assertThat(registreer(goed, beide).status()).isEqualTo(400);
        assertThat(registreer(goed, aanleverpunt("70C", "9")).status()).isEqualTo(400);
        assertThat(operator().post("/certificaten", Map.of("certificaat", "geen pem", "leverancier", "x")).status()).isEqualTo(400);
        assertThat(operator().put("/mandaten/70CD/" + "x".repeat(81), "").status()).isEqualTo(400);
        assertThat(operator().get("/certificaten").json().findValuesAsText("onderwerp")).noneMatch(o -> o.contains("70CD-9"));
    }

    private static RegistratieoverzichtVerzoek registratieoverzichtVerzoek(LasClient las) {
        var verzoek = new RegistratieoverzichtVerzoek();
        verzoek.setHeader(las.header());
        verzoek.setPeildatum("2026-10-01");
        return verzoek;
    }
}
