package nl.bronhub;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.support.Browser;
import nl.bronhub.support.Csr;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.Mailserver;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import nl.bronhub.toegang.CertificaatUitgifte;
import nl.bronhub.toegang.Certificaten;
import org.assertj.core.api.Assertions;
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
 * The school portal in a real headless Chromium: a school signs in with its BRIN-nummer and the
 * password of its wachtwoordbrief, reads its voortgang and GTB, changes its normaantallen, gives
 * akkoord and is gekwalificeerd (the mail reaches the gemachtigde and the bestuur), and cannot open
 * another school's pages. The clock stands at 2 November 2026, week 8 of a phase that began 7 September.
 */
class PortaalTest {

    private static final Duration BLOKKADE = Duration.ofSeconds(8);
    private static final String HELPDESK = "Servicedesk Onderwijsgegevens";
    private static final String TELEFOON = "telefoonnummer van de servicedesk";
    private static final String HELPDESK_EMAIL = "vragen@servicedesk.example";
    private static final String PORTAAL_URL = "https://mijn.bron.example/portaal";
    private static final String AFZENDER = "Servicedesk BRON <servicedesk@bron.example>";

    @TempDir
    Path data;

    private Mailserver smtp;
    private Hub hub;
    private Browser browser;

    @BeforeEach
    void start() {
        smtp = new Mailserver();
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data, smtp);
        // short enough to wait out in a test, long enough that the next sign-in surely falls inside it
        eigenschappen.put("bron.portaal.max-mislukte-pogingen", "3");
        eigenschappen.put("bron.portaal.blokkade", "PT" + BLOKKADE.toSeconds() + "S");
        // a helpdesk of the test's own: every page must show what is configured, not a default
        eigenschappen.put("bron.helpdesk.naam", HELPDESK);
        eigenschappen.put("bron.helpdesk.telefoon", TELEFOON);
        eigenschappen.put("bron.helpdesk.email", HELPDESK_EMAIL);
        eigenschappen.put("bron.portaal.url", PORTAAL_URL);
        eigenschappen.put("bron.mail.afzender", AFZENDER);
        eigenschappen.put("bron.certificaat.herinneren", "true");
        hub = Hub.start(eigenschappen);
        browser = new Browser(hub.portaalPoort(), data.resolve("chromium"));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        hub.close();
        smtp.close();
    }

    @Test
    void eenSchoolLeestHaarGtbWijzigtNormaantallenEnGeeftAkkoord() {
        school("70CG", "cg");
        school("70CH", "ch");
        String wachtwoord = hub.operator().post("/scholen/70CG/portaalwachtwoord").json().get("wachtwoord").asText();
        LasClient las = hub.las("70CG", "1");
        lever(las, inschrijven(zonderPgn("2016-01-01"), wec("2026-08-17")));
        lever(las, inschrijven(zonderPgn("2012-02-02"), wec("2026-08-17")));
        Inschrijving crisis = wec("2026-08-17");
        crisis.getIndicatiestelling().clear();
        crisis.getSoortVerblijf().get(0).setWaarde("1");
        Persoon crisisLeerling = zonderPgn("2014-03-03");
        crisisLeerling.setVoornamen("Kim");
        String crisisPgn = lever(las, inschrijven(crisisLeerling, crisis));
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.operator().get("/scholen/70CG/gtb/01/2026-10-01").json()
                .get("signalen").size() == 1);

        // signing in: a wrong password is refused, the right one opens the school's own pages
        browser.open("/portaal/70CG");
        assertThat(browser.pad("/portaal/inloggen")).isEqualTo("/portaal/inloggen");
        gezien("inloggen");
        browser.vulIn("#brin", "70CG").vulIn("#wachtwoord", "niet-het-wachtwoord").klik("#inloggen");
        assertThat(browser.element("#fout").getText()).isEqualTo("BRIN-nummer (of bestuursnummer) of wachtwoord onjuist.");
        gezien("inloggen-fout");
        assertThat(browser.stijl("#fout", "color")).isEqualTo("rgb(170, 0, 0)");
        browser.vulIn("#brin", "70CG").vulIn("#wachtwoord", wachtwoord).klik("#inloggen");
        assertThat(browser.pad("/portaal/70CG")).isEqualTo("/portaal/70CG");
        gezien("voortgang");
        assertThat(browser.element("#status").getText()).isEqualTo("In de fase aansluiting");
        assertThat(browser.element("#resterend").getText()).isEqualTo("2");
        // the last day of the phase, as the mails say it: ten weeks from 7 September end with 15 November
        assertThat(browser.element("#fase").getText()).isEqualTo("7 september 2026 tot en met 15 november 2026");
        assertThat(browser.element("#advies").getText()).startsWith("Uw voortgang blijft achter bij de verwachting.");
        // a WEC school is asked about its GTB only (no AB comparison), in one sentence
        assertThat(browser.element("#oproep").getText()).isEqualTo("Controleer de GTB en geef uw reactie.");
        // every column named, the counts' own column too
        assertThat(browser.element("#voortgang thead").getText())
                .isEqualTo("Aanleverpunt Weken voorbij Telling Geregistreerd Normaantal Score Voortgang");
        assertThat(browser.element("#voortgang").getText())
                .contains("1 8 Aantal leerlingen 3 10 30% niet volgens verwachting")
                .contains("1 8 Aantal ambulant begeleide leerlingen 0 2 0% niet volgens verwachting");

        // the GTB of 1 October: two funded pupils, the crisis place with signal 5
        browser.klik("#menu-gtb");
        gezien("gtb-lijst");
        assertThat(browser.element("#peildata-01 thead").getText()).isEqualTo("Peildatum Bekostigd Ambulant begeleid Status");
        browser.klikLink("1-10-2026");
        assertThat(browser.pad("/portaal/70CG/gtb/01/2026-10-01")).isEqualTo("/portaal/70CG/gtb/01/2026-10-01");
        gezien("gtb");
        assertThat(browser.element("#totaal").getText()).isEqualTo("2");
        assertThat(browser.element("#bekostigd").getText()).contains("33 onderwijs aan zeer moeilijk lerende kinderen 0 1 1 2");
        // the school's own pupil by name and number; the tables with nobody in them say so
        assertThat(browser.element("#signalen").getText()).contains("Kim " + crisisLeerling.getAchternaam() + " " + crisisPgn
                + " 17-8-2026 5 De leerling is bij u ingeschreven op een crisis-/observatieplaats en telt bij uw school niet mee voor "
                + "de bekostiging.");
        assertThat(browser.element("#attentiesignalen tbody").getText()).isEqualTo("geen");
        assertThat(browser.element("#later tbody").getText()).isEqualTo("geen");
        assertThat(browser.stijl("#later tr.geen td", "font-style")).isEqualTo("italic");
        browser.toon("#signalen");
        gezien("gtb-signalen");

        // a WEC school has no AB comparison: not in its menu, and not at its address either
        assertThat(browser.heeft("#menu-ab")).isFalse();
        browser.open("/portaal/70CG/ab");
        assertThat(browser.element("h1").getText()).isEqualTo("Pagina niet gevonden");
        // nor a GTB on a day that is no peildatum (it showed a total of 0)
        browser.open("/portaal/70CG/gtb/01/2026-10-02");
        assertThat(browser.element("h1").getText()).isEqualTo("Pagina niet gevonden");
        browser.open("/portaal/70CG");

        // normaantallen: anything but digits is refused with the reason, and so are 0 and an empty field, which would leave
        // the score unjudged (a school behind would not be told); a correct one is kept
        browser.klik("#menu-gegevens").vulIn("#gegevens-1 input[name=normLeerlingen]", "-5").klik("#gegevens-1 button");
        assertThat(browser.element("#fout").getText()).isEqualTo("Normaantal leerlingen moet een geheel getal zijn, alleen cijfers (hoogstens 99999)");
        gezien("gegevens-fout");
        browser.vulIn("#gegevens-1 input[name=normLeerlingen]", "0").klik("#gegevens-1 button");
        assertThat(browser.element("#fout").getText()).isEqualTo("Normaantal leerlingen moet minstens 1 zijn");
        browser.vulIn("#gegevens-1 input[name=normLeerlingen]", "").klik("#gegevens-1 button");
        assertThat(browser.element("#fout").getText())
                .isEqualTo("Normaantal leerlingen is al opgegeven en kan niet worden leeggemaakt; vul het juiste aantal in");
        assertThat(browser.stijl("#fout", "color")).isEqualTo("rgb(170, 0, 0)");
        assertThat(hub.operator().get("/aanleverpunten/70CG/1").json().get("gegevens").get("normLeerlingen").asInt()).isEqualTo(10);
        browser.vulIn("#gegevens-1 input[name=normLeerlingen]", "6").klik("#gegevens-1 button");
        assertThat(browser.element("#melding").getText()).isEqualTo("De gegevens van aanleverpunt 1 zijn opgeslagen.");
        gezien("gegevens");
        assertThat(hub.operator().get("/aanleverpunten/70CG/1").json().get("gegevens").get("normLeerlingen").asInt()).isEqualTo(6);
        browser.klik("#menu-voortgang");
        assertThat(browser.element("#voortgang").getText()).contains("Aantal leerlingen 3 6 50% niet volgens verwachting");

        // a reactie that is not akkoord is kept, and the phase goes on
        browser.klik("#menu-reactie").klik("#verstuur-reactie");
        assertThat(browser.element("#fout").getText()).isEqualTo("Kies een van de vier reacties.");
        gezien("reactie-fout");
        browser.klik("#reactie-KWALITEIT_AKKOORD_AANTAL_NIET").klik("#verstuur-reactie");
        assertThat(browser.element("#melding").getText()).startsWith("Uw reactie is opgeslagen: Kwaliteit akkoord, aantal niet akkoord.");
        assertThat(hub.operator().get("/scholen/70CG").json().get("kwalificatie").get("status").asText()).isEqualTo("IN_FASE");

        // akkoord first shows the scores and the latest GTB, and says what akkoord means: 50% in week 8 is behind
        browser.klik("#reactie-AKKOORD").klik("#verstuur-reactie");
        assertThat(browser.pad("/portaal/70CG/reactie/akkoord")).isEqualTo("/portaal/70CG/reactie/akkoord");
        assertThat(browser.element("#betekenis").getText()).contains("Uw school is dan direct gekwalificeerd")
                .contains("Dit kunt u niet terugdraaien.");
        assertThat(browser.element("#achter").getText()).startsWith("Uw voortgang is niet volgens verwachting.")
                .contains("bekostigd naar de leerlingen die nu in BRON staan, niet naar het normaantal");
        assertThat(browser.stijl("#achter", "background-color")).isEqualTo("rgb(255, 244, 229)");
        assertThat(browser.element("#voortgang").getText()).contains("Aantal leerlingen 3 6 50% niet volgens verwachting");
        assertThat(browser.stijl("#voortgang td.achter", "color")).isEqualTo("rgb(170, 0, 0)");
        assertThat(browser.element("#laatste-gtb").getText()).contains("70CG01 1-10-2026 2 0");
        gezien("akkoord-bevestigen");
        assertThat(hub.operator().get("/scholen/70CG").json().get("kwalificatie").get("status").asText()).isEqualTo("IN_FASE");
        // going back changes nothing
        browser.klik("#terug");
        assertThat(browser.pad("/portaal/70CG/reactie")).isEqualTo("/portaal/70CG/reactie");
        assertThat(hub.operator().get("/scholen/70CG").json().get("kwalificatie").get("status").asText()).isEqualTo("IN_FASE");
        assertThat(browser.element("#huidige-reactie").getText()).endsWith("Kwaliteit akkoord, aantal niet akkoord");

        // akkoord confirmed: gekwalificeerd, and the end-of-phase message to the gemachtigde and the bestuur
        browser.klik("#reactie-AKKOORD").klik("#verstuur-reactie").klik("#bevestig-akkoord");
        assertThat(browser.tekst("#melding", "Uw school is gekwalificeerd"))
                .isEqualTo("Uw school is gekwalificeerd. U en uw bestuur ontvangen hierover bericht per e-mail.");
        assertThat(browser.element("#afgerond").getText()).contains("afgerond");
        gezien("reactie-akkoord");
        assertThat(hub.operator().get("/scholen/70CG").json().get("kwalificatie").get("status").asText()).isEqualTo("GEKWALIFICEERD");
        for (String domein : new String[] {"cg-school.example", "cg-bestuur.example"}) {
            Mailserver.Mail mail = await().atMost(Duration.ofSeconds(20)).until(() -> smtp.voorDomein(domein).stream()
                    .filter(m -> m.onderwerp().startsWith("Afronding")).findFirst(), Optional::isPresent).get();
            assertThat(mail.onderwerp()).isEqualTo("Afronding fase aansluiting BRON – 70CG (70CG): gekwalificeerd");
            assertThat(mail.tekst()).startsWith("Geachte G. Gemachtigde en het bestuur (Stichting cg),")
                    .contains("Uw school is gekwalificeerd: u heeft akkoord gegeven op de inhoud van de GTB")
                    .contains("Stand bij de afronding: 3 leerlingen en 0 ambulant begeleide leerlingen geregistreerd.");
        }
        browser.klik("#menu-voortgang");
        assertThat(browser.element("#status").getText()).isEqualTo("Gekwalificeerd");
        // a phase that ended has no weeks left, no expectation to meet, and asks for no reactie
        assertThat(browser.element("#resterend").getText()).isEqualTo("-");
        assertThat(browser.element("#voortgang").getText()).contains("fase afgerond").doesNotContain("volgens verwachting");
        assertThat(browser.element("#oproep").getText()).doesNotContain("reactie").isEqualTo("Uw GTB blijft hier te zien.");
        gezien("voortgang-gekwalificeerd");

        // another school's pages stay closed, whatever the address says
        for (String pad : new String[] {"/portaal/70CH", "/portaal/70CH/gtb", "/portaal/70CH/gtb/01/2026-10-01", "/portaal/70CH/gegevens"}) {
            browser.open(pad);
            assertThat(browser.tekst()).as(pad).contains("Geen toegang").doesNotContain("70CH");
        }
        gezien("geen-toegang");
        // still signed in, and the page says so: the bar with the school's BRIN, the way back to its own pages
        assertThat(browser.element("#account").getText()).isEqualTo("Ingelogd als 70CG");
        browser.klik("#naar-school");
        assertThat(browser.element("#status").getText()).isEqualTo("Gekwalificeerd");

        // an address of the school's own that leads nowhere: a Dutch page, in the portal's style
        browser.open("/portaal/70CG/gtb/99/2026-10-01");
        assertThat(browser.element("h1").getText()).isEqualTo("Pagina niet gevonden");
        gezien("niet-gevonden");

        // signed out, nothing of the school opens
        browser.open("/portaal/70CG").klik("#uitloggen");
        assertThat(browser.pad("/portaal/inloggen")).isEqualTo("/portaal/inloggen");
        gezien("uitgelogd");
        browser.open("/portaal/70CG/gtb");
        assertThat(browser.pad("/portaal/inloggen")).isEqualTo("/portaal/inloggen");

        // a form left open until its session ended is refused with the portal's page, and changes nothing
        logIn("70CG", wachtwoord);
        browser.klik("#menu-gegevens").vulIn("#gegevens-1 input[name=normLeerlingen]", "7").vergeetSessie().klik("#gegevens-1 button");
        assertThat(browser.element("h1").getText()).isEqualTo("Formulier verlopen");
        gezien("formulier-verlopen");
        assertThat(hub.operator().get("/aanleverpunten/70CG/1").json().get("gegevens").get("normLeerlingen").asInt()).isEqualTo(6);
    }

    /**
     * The case of issue 18: a school with none of its pupils in BRON. Its GTB says 'geen' where a table is
     * empty, and akkoord asks for confirmation, saying plainly that the school will be funded for the
     * pupils in BRON, before it qualifies. The bestuur has an address but no name: the mail leaves the name out.
     */
    @Test
    void eenSchoolZonderLeerlingenZietGeenEnKrijgtBijAkkoordEerstDeScores() {
        Map<String, Object> gegevens = OperatorClient.aanleverpunt("directie@leeg-school.example", "2026-09-07", 230, 0);
        gegevens.put("bestuurEmail", "secretariaat@leeg-bestuur.example");
        assertThat(hub.operator().put("/aanleverpunten/74AA/1", gegevens).status()).isEqualTo(200);
        String wachtwoord = hub.operator().post("/scholen/74AA/portaalwachtwoord").json().get("wachtwoord").asText();
        logIn("74AA", wachtwoord);
        assertThat(browser.pad("/portaal/74AA")).isEqualTo("/portaal/74AA");
        assertThat(browser.element("#voortgang").getText()).contains("1 8 Aantal leerlingen 0 230 0% niet volgens verwachting");
        gezien("voortgang-achter");

        browser.open("/portaal/74AA/gtb/01/2026-10-01");
        assertThat(browser.element("#totaal").getText()).isEqualTo("0");
        assertThat(browser.element("#bekostigd tbody").getText()).isEqualTo("geen\nTotaal 0");
        assertThat(browser.element("#ab tbody").getText()).isEqualTo("geen\nTotaal 0 0");
        for (String tabel : new String[] {"#signalen", "#attentiesignalen", "#later"}) {
            assertThat(browser.element(tabel + " tbody").getText()).as(tabel).isEqualTo("geen");
        }
        gezien("gtb-leeg");

        browser.klik("#menu-reactie").klik("#reactie-AKKOORD").klik("#verstuur-reactie");
        assertThat(browser.pad("/portaal/74AA/reactie/akkoord")).isEqualTo("/portaal/74AA/reactie/akkoord");
        assertThat(browser.element("#achter").getText()).startsWith("Uw voortgang is niet volgens verwachting.");
        assertThat(browser.element("#voortgang").getText()).contains("Aantal leerlingen 0 230 0% niet volgens verwachting");
        assertThat(browser.element("#laatste-gtb").getText()).contains("74AA01 1-10-2026 0 0");
        gezien("akkoord-achter");
        assertThat(hub.operator().get("/scholen/74AA").json().get("kwalificatie").get("status").asText()).isEqualTo("IN_FASE");
        browser.klik("#bevestig-akkoord");
        assertThat(browser.tekst("#melding", "Uw school is gekwalificeerd")).startsWith("Uw school is gekwalificeerd.");
        assertThat(hub.operator().get("/scholen/74AA").json().get("kwalificatie").get("status").asText()).isEqualTo("GEKWALIFICEERD");

        for (String adres : new String[] {"directie@leeg-school.example", "secretariaat@leeg-bestuur.example"}) {
            Mailserver.Mail mail = await().atMost(Duration.ofSeconds(20)).until(() -> smtp.voorDomein(adres.substring(adres.indexOf('@') + 1))
                    .stream().filter(m -> m.onderwerp().startsWith("Afronding")).findFirst(), Optional::isPresent).get();
            assertThat(mail.van()).isEqualTo(AFZENDER);
            assertThat(mail.tekst()).startsWith("Geachte G. Gemachtigde en het bestuur,\n")
                    .contains("Let op: bij uw akkoord stonden er minder leerlingen in BRON dan het normaantal")
                    .contains("Stand bij de afronding: 0 leerlingen en 0 ambulant begeleide leerlingen geregistreerd.")
                    .contains("Mijn BRON: " + PORTAAL_URL)
                    .contains("Vragen? " + HELPDESK + ", telefoon " + TELEFOON + ", e-mail " + HELPDESK_EMAIL)
                    .doesNotContain("(bestuur)").doesNotContain("()");
            assertThat(mail.html()).contains("en het bestuur,</p>").contains("href=\"" + PORTAAL_URL + "\"")
                    .contains("href=\"mailto:" + HELPDESK_EMAIL + "\"");
        }
    }

    /**
     * A pupil delivered after the GTBs were vastgesteld (signal 21): on the portal not among the pupils that
     * count, but under the mutations that count from a later peildatum, by name and number.
     */
    @Test
    void eenTeLateMutatieStaatOpDeGtbBijDeLatereMutaties() {
        LasClient las = hub.las("74AB", "1");
        lever(las, inschrijven(zonderPgn("2016-01-01"), wec("2024-08-19")));
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.operator().get("/scholen/74AB/gtb/01/2026-10-01").json()
                .get("totaal").asInt() == 1);
        // a phase that ended on 16 March: the GTBs whose term has passed are vastgesteld
        assertThat(hub.operator().put("/aanleverpunten/74AB/1", OperatorClient.schoolMetBestuur("laat", "2026-01-05")).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.operator().get("/scholen/74AB/gtb").json().get("01")
                .findValues("vastgesteld").stream().filter(JsonNode::asBoolean).count() >= 5);
        Persoon laat = zonderPgn("2015-02-02");
        laat.setVoornamen("Noor");
        String laatPgn = lever(las, inschrijven(laat, wec("2024-09-02")));
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.operator().get("/scholen/74AB/gtb/01/2026-10-01").json()
                .get("laterMeegeteld").size() == 1);

        String wachtwoord = hub.operator().post("/scholen/74AB/portaalwachtwoord").json().get("wachtwoord").asText();
        logIn("74AB", wachtwoord);
        browser.open("/portaal/74AB/gtb/01/2026-10-01");
        assertThat(browser.element("#totaal").getText()).isEqualTo("1");
        assertThat(browser.element("#later").getText()).contains("Noor " + laat.getAchternaam() + " " + laatPgn + " 1-10-2026 21 "
                + "De mutatie is te laat en wordt pas meegeteld op de volgende peildatum die voldoet aan de termijn.");
        assertThat(browser.element("#attentiesignalen tbody").getText()).isEqualTo("geen");
        assertThat(browser.element("#signalen tbody").getText()).isEqualTo("geen");
        browser.toon("#later");
        gezien("gtb-later");
    }

    @Test
    void eenWpoSchoolVergelijktDeAmbulantBegeleideLeerlingenMetHaarOpgave() {
        school("71WA", "wa");
        LasClient wec = hub.las("70CG", "1");
        String begeleid = lever(wec, inschrijven(zonderPgn("2017-03-03"), GtbTest.ambulant("71WA", "01")));
        assertThat(hub.operator().put("/scholen/71WA/ab-opgave", List.of(
                Map.of("pgn", "999990482", "brinWec", "70CG", "ingangsdatum", "2026-08-17"))).status()).isEqualTo(200);
        String wachtwoord = hub.operator().post("/scholen/71WA/portaalwachtwoord").json().get("wachtwoord").asText();

        browser.open("/portaal/inloggen").vulIn("#brin", "71WA").vulIn("#wachtwoord", wachtwoord).klik("#inloggen");
        browser.klik("#menu-ab");
        assertThat(browser.pad("/portaal/71WA/ab")).isEqualTo("/portaal/71WA/ab");
        assertThat(browser.element("#vergelijking").getText())
                .contains(begeleid + " 70CG 1-10-2026 - alleen in BRON")
                .contains("999990482 70CG - 17-8-2026 alleen in uw opgave, niet in BRON");
        gezien("ab");
    }

    /**
     * A school planned for week 52 of 2026 (start Monday 21 December) sees its week in the portal, confirms its contact
     * data in step 2 (open until the second vooraankondiging, 23 November), and in the week before its start can no
     * longer change them (connection plan steps 1, 2 and 7).
     */
    @Test
    void eenGeplandeSchoolZietHaarStartweekEnBevestigtHaarContactgegevens() {
        assertThat(hub.operator().put("/aanleverpunten/70CM/1", OperatorClient.schoolMetBestuur("cm", null)).status()).isEqualTo(200);
        assertThat(hub.operator().put("/planning", Map.of("scholen", List.of(Map.of("brin", "70CM", "startweek", "2026-W52"))))
                .status()).isEqualTo(200);
        String wachtwoord = hub.operator().post("/scholen/70CM/portaalwachtwoord").json().get("wachtwoord").asText();
        logIn("70CM", wachtwoord);
        assertThat(browser.element("#planning").getText()).contains("gepland in week 52 van 2026")
                .contains("tussen 7 december en 10 januari 2027").contains("Controleer voor die tijd uw contactgegevens (stap 2");
        assertThat(browser.stijl("#planning", "background-color")).as("the notice's own colour").isEqualTo("rgb(255, 244, 229)");
        gezien("gepland");
        assertThat(hub.operator().get("/planning/contactcontrole").json()).extracting(c -> c.get("brin").asText() + " " + c.get("stap").asInt())
                .containsExactly("70CM 2");

        browser.klikLink("contactgegevens");
        assertThat(browser.element("#contactcontrole").getText()).startsWith("Stap 2: controleer uw contactgegevens")
                .contains("begint op 21 december 2026");
        gezien("contactcontrole");
        browser.klik("#bevestig");
        assertThat(browser.element("#melding").getText()).isEqualTo("Dank u: uw contactgegevens zijn bevestigd.");
        assertThat(browser.element("#bevestigd").getText()).isEqualTo("U heeft uw contactgegevens bevestigd op 2 november 2026 (stap 2).");
        assertThat(browser.heeft("#contactcontrole")).isFalse();
        gezien("contactgegevens-bevestigd");
        assertThat(hub.operator().get("/planning/contactcontrole").json()).isEmpty();
        assertThat(hub.operator().get("/planning?week=2026-W52").json().at("/scholen/0/contactBevestigd/2").asText()).isEqualTo("2026-11-02");

        // step 7 opens with the second vooraankondiging; correcting the data confirms it too
        hub.klok().zet(Instant.parse("2026-11-30T09:00:00Z"));
        browser.open("/portaal/70CM/gegevens");
        assertThat(browser.element("#contactcontrole").getText()).startsWith("Stap 7: controleer uw contactgegevens");
        browser.vulIn("#gegevens-1 input[name=contactpersoon]", "N. Nieuw").klik("#gegevens-1 button");
        assertThat(browser.element("#bevestigd").getText()).isEqualTo("U heeft uw contactgegevens bevestigd op 30 november 2026 (stap 7).");

        // the week before the start: the data stay as the wachtwoordbrief will find them
        hub.klok().zet(Instant.parse("2026-12-15T09:00:00Z"));
        browser.open("/portaal/70CM/gegevens");
        assertThat(browser.element("#bevroren").getText()).startsWith("In de week voor de start van uw fase aansluiting (21 december 2026)");
        assertThat(browser.heeft("#gegevens-1 button")).as("no button to save").isFalse();
        assertThat(browser.element("#gegevens-1 input[name=contactpersoon]").getDomProperty("readOnly")).isEqualTo("true");
        gezien("contactgegevens-bevroren");
        // sent anyway: refused, nothing changed
        browser.verstuurToch("#gegevens-1", "input[name=contactpersoon]", "L. Laat");
        assertThat(browser.element("#fout").getText()).startsWith("In de week voor de start van uw fase aansluiting wijzigt u uw gegevens niet");
        assertThat(hub.operator().get("/aanleverpunten/70CM/1").json().at("/gegevens/contactpersoon").asText()).isEqualTo("N. Nieuw");
    }

    /**
     * Step 9: the school's LAS makes a key pair and a CSR; the school pastes the CSR in the portal and gets its
     * certificate, signed by the hub's CA and registered for the aanleverpunt; the LAS fetches with it (tested). Once
     * per wachtwoordbrief and within two weeks of it; a CSR for another aanleverpunt, a weak key or no CSR at all is
     * refused; in its last 90 days the certificate is renewed with a new CSR, and the old one keeps working.
     */
    @Test
    void eenSchoolHaaltMetEenCsrHaarCertificaatOpEenmaalPerBrief() throws Exception {
        school("70CN", "cn");
        assertThat(hub.operator().put("/aanleverpunten/70CN/2", OperatorClient.schoolMetBestuur("cn", "2026-09-07")).status()).isEqualTo(200);
        // an aanleverpunt whose phase has not begun gets its certificate in the phase's first two weeks, not before
        assertThat(hub.operator().put("/aanleverpunten/70CN/3", OperatorClient.schoolMetBestuur("cn", "2026-11-16")).status()).isEqualTo(200);
        String wachtwoord = hub.operator().post("/scholen/70CN/portaalwachtwoord").json().get("wachtwoord").asText();
        KeyPair sleutels = Csr.sleutels(2048);
        logIn("70CN", wachtwoord);
        browser.klik("#menu-certificaat");
        assertThat(browser.element("#certificaat-1 .opgehaald").getText()).isEqualTo("nog niet");
        assertThat(browser.heeft("#aanvraag-3")).isFalse();
        assertThat(browser.element("#certificaat-3 .noot").getText()).startsWith("De fase aansluiting BRON van dit aanleverpunt is nog niet begonnen");

        // refused, each with its reason, and nothing issued
        browser.vulIn("#aanvraag-1 textarea", "dit is geen certificaatverzoek").klik("#aanvraag-1 button");
        assertThat(browser.element("#fout").getText()).isEqualTo("Dit is niet één certificaatverzoek (CSR) in PEM.");
        browser.vulIn("#aanvraag-1 textarea", Csr.verzoek(sleutels, "CN=70CN-2")).klik("#aanvraag-1 button");
        assertThat(browser.element("#fout").getText()).isEqualTo("Het certificaatverzoek is niet voor aanleverpunt 70CN-1: het onderwerp moet CN=70CN-1 zijn.");
        browser.vulIn("#aanvraag-1 textarea", Csr.verzoek(Csr.sleutels(1024), "CN=70CN-1")).klik("#aanvraag-1 button");
        assertThat(browser.element("#fout").getText()).startsWith("De sleutel is te zwak");
        assertThat(hub.operator().get("/certificaten").json()).noneMatch(c -> "70CN".equals(c.at("/houder/brin").asText()));

        browser.vulIn("#aanvraag-1 textarea", Csr.verzoek(sleutels, "CN=70CN-1")).klik("#aanvraag-1 button");
        String pem = browser.element("#pem").getText();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        gezien("certificaat-uitgegeven");
        X509Certificate certificaat = Certificaten.leesCertificaat(pem);
        assertThat(certificaat.getSubjectX500Principal().getName()).isEqualTo("CN=70CN-1");
        assertThat(certificaat.getIssuerX500Principal()).isEqualTo(Pki.ca().certificaat().getSubjectX500Principal());
        assertThat(certificaat.getNotAfter().toInstant()).isBetween(Instant.parse("2031-11-01T00:00:00Z"),
                Instant.parse("2031-11-03T00:00:00Z"));
        // the private key never left the LAS: the certificate holds its public key
        assertThat(certificaat.getPublicKey()).isEqualTo(sleutels.getPublic());

        // the LAS tests it by fetching; the portal and the operator see it tested
        LasClient las = new LasClient(hub.port(), "70CN", "1", Pki.metSleutel("las 70CN-1", certificaat, sleutels.getPrivate()));
        las.ophalen(0);
        browser.open("/portaal/70CN/certificaat");
        assertThat(browser.element("#certificaat-1 .getest").getText()).isEqualTo("2 november 2026");
        assertThat(browser.element("#certificaat-1 .opgehaald").getText()).isEqualTo("2 november 2026");
        // once per letter: the form is gone, and a request sent anyway is refused
        assertThat(browser.heeft("#aanvraag-1")).isFalse();
        assertThat(browser.element("#certificaat-1 .noot").getText()).startsWith("Met deze wachtwoordbrief is het certificaat van dit aanleverpunt al opgehaald");
        Assertions.assertThatThrownBy(() -> hub.bean(CertificaatUitgifte.class)
                .geefUit("70CN", "1", Csr.verzoek(Csr.sleutels(2048), "CN=70CN-1"))).hasMessageStartingWith("Met deze wachtwoordbrief");
        gezien("certificaat-opgehaald");

        // the helpdesk's watch: after a week 70CN/2 has not obtained its certificate; after two, not tested either
        hub.klok().zet(Instant.parse("2026-11-10T09:00:00Z"));
        assertThat(hub.operator().get("/certificaten/uitgifte").json()).extracting(b -> b.get("aanleverpuntnummer").asText() + " "
                + b.get("nietOpgehaaldNaEenWeek").asBoolean() + " " + b.get("nietGetestNaTweeWeken").asBoolean())
                .containsExactly("1 false false", "2 true false");
        Mailserver.Mail herinnering = await().atMost(Duration.ofSeconds(20)).until(() -> smtp.voorDomein("cn-school.example").stream()
                .filter(m -> m.onderwerp().startsWith("Uw beveiligingscertificaat")).toList(), l -> !l.isEmpty()).get(0);
        assertThat(herinnering.onderwerp()).isEqualTo("Uw beveiligingscertificaat – 70CN (70CN), aanleverpunt 2: nog niet opgehaald");
        assertThat(herinnering.tekst()).contains("aanleverpunt 2").contains("Vraag de helpdesk om een nieuwe wachtwoordbrief");
        hub.klok().zet(Instant.parse("2026-11-17T09:00:00Z"));
        assertThat(hub.operator().get("/certificaten/uitgifte").json()).extracting(b -> b.get("aanleverpuntnummer").asText() + " "
                + b.get("nietOpgehaaldNaEenWeek").asBoolean() + " " + b.get("nietGetestNaTweeWeken").asBoolean())
                .containsExactly("1 false false", "2 true true", "3 false false");
        // and the two weeks are over: 70CN/2 needs a new letter
        browser.open("/portaal/70CN/certificaat");
        assertThat(browser.heeft("#aanvraag-2")).isFalse();
        assertThat(browser.element("#certificaat-2 .noot").getText()).startsWith("Uw wachtwoordbrief is ouder dan 14 dagen");
        // 70CN/3's phase began on 16 November, after the letter: its two weeks count from then (a hostile school found
        // they counted from the letter, which left two days of them), and end with them
        assertThat(browser.heeft("#aanvraag-3")).isTrue();
        hub.klok().zet(Instant.parse("2026-11-29T22:30:00Z"));
        browser.open("/portaal/70CN/certificaat");
        assertThat(browser.heeft("#aanvraag-3")).isTrue();
        hub.klok().zet(Instant.parse("2026-11-30T09:00:00Z"));
        browser.open("/portaal/70CN/certificaat");
        assertThat(browser.heeft("#aanvraag-3")).isFalse();
        assertThat(browser.element("#certificaat-3 .noot").getText())
                .startsWith("De eerste 14 dagen van de fase aansluiting BRON van dit aanleverpunt zijn voorbij");

        // renewal: in its last 90 days, with a new CSR and without a letter; both certificates work meanwhile
        hub.klok().zet(certificaat.getNotAfter().toInstant().minus(Duration.ofDays(60)));
        browser.open("/portaal/70CN/certificaat");
        KeyPair nieuw = Csr.sleutels(2048);
        browser.vulIn("#aanvraag-1 textarea", Csr.verzoek(nieuw, "CN=70CN-1")).klik("#aanvraag-1 button");
        X509Certificate vernieuwd = Certificaten.leesCertificaat(browser.element("#pem").getText());
        assertThat(vernieuwd.getPublicKey()).isEqualTo(nieuw.getPublic());
        assertThat(hub.operator().get("/certificaten").json()).filteredOn(c -> "70CN".equals(c.at("/houder/brin").asText()))
                .extracting(c -> c.get("vingerafdruk").asText()).containsExactlyInAnyOrder(
                        Certificaten.vingerafdruk(certificaat), Certificaten.vingerafdruk(vernieuwd));
        browser.open("/portaal/70CN/certificaat");
        assertThat(browser.heeft("#aanvraag-1")).as("one renewal per certificate").isFalse();

        // one the operator registered for 70CN/1 (the LAS sent its own), and a vendor's acting for 70CN by mandate
        String operatorCertificaat = hub.operator().postPem("/certificaten?brin=70CN&aanleverpuntnummer=1",
                Pki.pem(Pki.client("las 70CN-1 van de operator"))).json().get("vingerafdruk").asText();
        String leverancierCertificaat = hub.operator().postPem("/certificaten?leverancier=cn-las",
                Pki.pem(Pki.client("leverancier cn-las"))).json().get("vingerafdruk").asText();
        assertThat(hub.operator().put("/mandaten/70CN/cn-las", "").status()).isEqualTo(200);

        // a new letter (the key was lost, say): the certificate under it replaces the aanleverpunt's before it, issued here
        // or registered by the operator (a hostile school found the operator's went on working), which stop at once; the
        // vendor's is not the aanleverpunt's and stays
        String brief = hub.operator().post("/scholen/70CN/portaalwachtwoord").json().get("wachtwoord").asText();
        logIn("70CN", brief);
        browser.open("/portaal/70CN/certificaat");
        // warned before it happens (a hostile school's LAS was cut off by one click, unwarned)
        assertThat(browser.element("#vervangt-1").getText()).startsWith("Let op: dit aanleverpunt heeft nu een certificaat.")
                .contains("werkt het huidige direct niet meer");
        assertThat(browser.heeft("#vervangt-2")).as("70CN/2 has none to replace").isFalse();
        gezien("certificaat-vervangt");
        browser.vulIn("#aanvraag-1 textarea", Csr.verzoek(Csr.sleutels(2048), "CN=70CN-1")).klik("#aanvraag-1 button");
        String vervangend = Certificaten.vingerafdruk(Certificaten.leesCertificaat(
                browser.element("#pem").getText()));
        assertThat(hub.operator().get("/certificaten").json()).filteredOn(c -> "70CN".equals(c.at("/houder/brin").asText()))
                .extracting(c -> c.get("vingerafdruk").asText()).containsExactly(vervangend);
        assertThat(hub.operator().get("/certificaten").json()).extracting(c -> c.get("vingerafdruk").asText())
                .doesNotContain(operatorCertificaat).contains(leverancierCertificaat);
        // (the mandate ends again: with it 70CN needs no certificate of its own, and the watch below would not remind it)
        assertThat(hub.operator().delete("/mandaten/70CN/cn-las").status()).isEqualTo(204);
        // "getest" is the new certificate's own test (the first one's, 2 November, above), not the one it replaced: a
        // hostile school saw the old date. (This certificate cannot be tried at the LAS door here: the hub's clock is
        // years ahead, and TLS checks its validity by the machine's.)
        browser.open("/portaal/70CN/certificaat");
        assertThat(browser.element("#certificaat-1 .getest").getText()).isEqualTo("nog niet");

        // the new letter starts the watch again: a week on, 70CN/2 (still without a certificate) is reminded once more
        hub.klok().zet(hub.klok().instant().plus(Duration.ofDays(8)));
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.voorDomein("cn-school.example").stream()
                .filter(m -> m.onderwerp().endsWith("aanleverpunt 2: nog niet opgehaald")).count() == 2);
    }

    /**
     * A bestuur signs in with its own wachtwoordbrief and follows its schools in one view: a school in its phase with
     * two pupils (behind), a school planned for January; not the school of another board. It reads a school's page,
     * changes nothing of it, and opens no other board's school, nor a school's own pages.
     */
    @Test
    void eenBestuurVolgtAlZijnScholenEnAlleenDie() {
        Map<String, Object> bezig = OperatorClient.schoolMetBestuur("ba", "2026-09-07");
        bezig.put("bestuurNummer", "41001");
        assertThat(hub.operator().put("/aanleverpunten/70BA/1", bezig).status()).isEqualTo(200);
        Map<String, Object> gepland = OperatorClient.schoolMetBestuur("bb", null);
        gepland.put("bestuurNummer", "41001");
        assertThat(hub.operator().put("/aanleverpunten/70BB/1", gepland).status()).isEqualTo(200);
        assertThat(hub.operator().put("/planning", Map.of("scholen", List.of(Map.of("brin", "70BB", "startweek", "2027-W02"))))
                .status()).isEqualTo(200);
        Map<String, Object> ander = OperatorClient.schoolMetBestuur("bc", "2026-09-07");
        ander.put("bestuurNummer", "41002");
        assertThat(hub.operator().put("/aanleverpunten/70BC/1", ander).status()).isEqualTo(200);
        // the number is five digits, set by the operator
        Map<String, Object> fout = OperatorClient.schoolMetBestuur("bd", "2026-09-07");
        fout.put("bestuurNummer", "4100");
        OperatorClient.Antwoord geweigerd = hub.operator().put("/aanleverpunten/70BD/1", fout);
        assertThat(geweigerd.status()).isEqualTo(400);
        assertThat(geweigerd.json().toString()).contains("bestuurNummer moet vijf cijfers zijn");
        assertThat(hub.operator().get("/aanleverpunten/70BD/1").status()).isEqualTo(404);

        LasClient las = hub.las("70BA", "1");
        lever(las, inschrijven(zonderPgn("2016-01-01"), wec("2026-08-17")));
        lever(las, inschrijven(zonderPgn("2015-05-05"), wec("2026-08-17")));
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.operator().get("/scholen/70BA/gtb/01/2026-10-01").json()
                .get("totaal").asInt() == 2);

        // the board's own letter; none for a number no aanleverpunt names
        assertThat(hub.operator().post("/besturen/49999/portaalwachtwoord").status()).isEqualTo(404);
        String brief = hub.operator().post("/besturen/41001/portaalwachtwoord").json().get("wachtwoord").asText();
        var bestuur = hub.operator().get("/besturen/41001").json();
        assertThat(bestuur.get("naam").asText()).isEqualTo("Stichting ba");
        assertThat(bestuur.get("scholen")).extracting(JsonNode::asText).containsExactly("70BA", "70BB");
        assertThat(bestuur.get("portaalaccount").get("zelfGekozenOp").isNull()).isTrue();

        logIn("41001", brief);
        assertThat(browser.pad("/portaal/41001")).isEqualTo("/portaal/41001");
        assertThat(browser.element(".balk").getText()).contains("Stichting ba (bestuur 41001)");
        assertThat(browser.element("#samenvatting").getText())
                .isEqualTo("2 scholen: 1 nog niet in de fase, 1 in de fase aansluiting, 0 gekwalificeerd, "
                        + "0 aangesloten maar niet gekwalificeerd; 1 met een voortgang die achterblijft.");
        assertThat(browser.element("#scholen tbody").getText()).doesNotContain("70BC");
        // phase, week 8, 2 of 10 pupils and 0 of 2 ambulant (behind), no reaction yet, the GTB of 1 October
        // (a score per aanleverpunt, each on a line of its own)
        assertThat(browser.element("#school-70BA").getText().replace('\n', ' '))
                .isEqualTo("70BA (70BA) 7-9-2026 t/m 15-11-2026 8 20% 0% nog geen reactie 2 0");
        // both scores behind (week 8: the week-6 expectation), each in the warning colour
        for (String cel : new String[] {"#school-70BA td:nth-child(4) div", "#school-70BA td:nth-child(5) div"}) {
            assertThat(browser.stijl(cel, "color")).as(cel + ": behind, in the warning colour")
                    .isNotEqualTo(browser.stijl("#school-70BA td:nth-child(3)", "color"));
        }
        assertThat(browser.element("#school-70BB").getText().replace('\n', ' ')).isEqualTo("70BB (70BB) gepland in week 2 van 2027 - - - - 0 0");
        assertThat(browser.element("#achter").getText()).startsWith("Bij 1 van uw scholen blijft de voortgang achter bij de verwachting.");
        gezien("bestuur");

        browser.klikLink("70BA (70BA)");
        assertThat(browser.pad("/portaal/41001/scholen/70BA")).isEqualTo("/portaal/41001/scholen/70BA");
        assertThat(browser.element("#fase").getText()).isEqualTo("7 september 2026 tot en met 15 november 2026");
        assertThat(browser.element("#voortgang").getText()).contains("1 8 Aantal leerlingen 2 10 20% niet volgens verwachting");
        assertThat(browser.element("#gtb tbody").getText()).isEqualTo("70BA01 1-10-2026 2 0 voorlopig\n70BA02 1-10-2026 0 0 voorlopig\n"
                + "70BA03 1-10-2026 0 0 voorlopig\nTotaal 2 0");
        // counts only: no pupil's number on the board's pages, and no form but signing out
        assertThat(browser.tekst()).doesNotContainPattern("[0-9]{9}");
        assertThat(browser.heeft("form:not(.uitloggen)")).isFalse();
        gezien("bestuur-school");

        // a board name of one long word (a school types it) wraps in the bar: the sign-out button stays on the screen
        String naam = hub.operator().get("/aanleverpunten/70BA/1").json().at("/gegevens/bestuurNaam").asText();
        assertThat(hub.operator().patch("/aanleverpunten/70BA/1", java.util.Map.of("bestuurNaam", "Stichting" + "K".repeat(190))).status())
                .isEqualTo(200);
        browser.open("/portaal/41001");
        var knop = browser.element("#uitloggen").getRect();
        assertThat(knop.getX() + knop.getWidth()).as("the sign-out button within the 1280 pixels of the window").isLessThanOrEqualTo(1280);
        gezien("bestuur-lange-naam");
        assertThat(hub.operator().patch("/aanleverpunten/70BA/1", java.util.Map.of("bestuurNaam", naam)).status()).isEqualTo(200);
        browser.open("/portaal/41001/scholen/70BA");

        // another board's school, a school that is no board's, a school's own pages, another board: refused alike
        for (String pad : new String[] {"/portaal/41001/scholen/70BC", "/portaal/41001/scholen/79ZZ", "/portaal/70BA",
                "/portaal/70BA/gegevens", "/portaal/41002", "/portaal/41002/scholen/70BC"}) {
            browser.open(pad);
            assertThat(browser.element("h1").getText()).as(pad).isEqualTo("Geen toegang");
        }
        gezien("bestuur-geen-toegang");
        assertThat(browser.element("#account").getText()).isEqualTo("Ingelogd als 41001");
        assertThat(browser.stijl(".balk", "background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        // nor can the board send a school's form, even with its own session's token
        browser.open("/portaal/41001/wachtwoord");
        browser.verstuurNaar("#wachtwoord-formulier", "/portaal/70BA/gegevens/1");
        assertThat(browser.element("h1").getText()).isEqualTo("Geen toegang");
        assertThat(hub.operator().get("/aanleverpunten/70BA/1").json().at("/gegevens/contactpersoon").asText()).isEqualTo("C. Contact");

        // its own password, as a school chooses one
        browser.open("/portaal/41001/wachtwoord");
        kies(brief, "bestuur 41001 van ons", "bestuur 41001 van ons");
        assertThat(browser.element("#fout").getText()).isEqualTo("Het nieuwe wachtwoord mag het bestuursnummer niet bevatten.");
        kies(brief, "onze eigen zin voor het bestuur", "onze eigen zin voor het bestuur");
        assertThat(browser.element("#melding").getText()).isEqualTo("Uw nieuwe wachtwoord is opgeslagen. Gebruik het voortaan om in te loggen.");
        gezien("bestuur-wachtwoord");
        assertThat(hub.operator().get("/besturen/41001").json().get("portaalaccount").get("zelfGekozenOp").isNull()).isFalse();
        browser.klik("#uitloggen");
        // wrong passwords lock a board's account as they lock a school's
        for (int i = 0; i < 3; i++) {
            logIn("41001", "raden-" + i);
        }
        assertThat(browser.element("#geblokkeerd").getText()).startsWith("Er is te vaak een onjuist wachtwoord gegeven.");
        assertThat(hub.operator().get("/besturen/41001").json().get("portaalaccount").get("geblokkeerdTot").isNull()).isFalse();

        // the school itself cannot open its board's view, and saving its data keeps it with its board
        String schoolBrief = hub.operator().post("/scholen/70BA/portaalwachtwoord").json().get("wachtwoord").asText();
        logIn("70BA", schoolBrief);
        browser.open("/portaal/41001");
        assertThat(browser.element("h1").getText()).isEqualTo("Geen toegang");
        browser.open("/portaal/70BA/gegevens").vulIn("#gegevens-1 [name=bestuurNaam]", "Stichting ba en omstreken")
                .klik("#gegevens-1 button[type=submit]");
        assertThat(browser.element("#melding").getText()).isEqualTo("De gegevens van aanleverpunt 1 zijn opgeslagen.");
        var gegevens = hub.operator().get("/aanleverpunten/70BA/1").json().get("gegevens");
        assertThat(gegevens.get("bestuurNaam").asText()).isEqualTo("Stichting ba en omstreken");
        assertThat(gegevens.get("bestuurNummer").asText()).isEqualTo("41001");
        // akkoord: the school's phase is over, and with it any expectation of its scores
        browser.open("/portaal/70BA/reactie").klik("#reactie-AKKOORD").klik("#verstuur-reactie").klik("#bevestig-akkoord");
        assertThat(browser.tekst("#melding", "Uw school is gekwalificeerd")).startsWith("Uw school is gekwalificeerd.");
        browser.klik("#uitloggen");

        // the board no longer sees it marked as behind: not counted, not red, "fase afgerond" on its page
        logIn("41001", hub.operator().post("/besturen/41001/portaalwachtwoord").json().get("wachtwoord").asText());
        assertThat(browser.element("#samenvatting").getText())
                .isEqualTo("2 scholen: 1 nog niet in de fase, 0 in de fase aansluiting, 1 gekwalificeerd, "
                        + "0 aangesloten maar niet gekwalificeerd; 0 met een voortgang die achterblijft.");
        assertThat(browser.heeft("#achter")).isFalse();
        for (String cel : new String[] {"#school-70BA td:nth-child(4) div", "#school-70BA td:nth-child(5) div"}) {
            assertThat(browser.stijl(cel, "color")).as(cel + ": no longer in the warning colour")
                    .isEqualTo(browser.stijl("#school-70BA td:nth-child(3)", "color"));
        }
        gezien("bestuur-school-gekwalificeerd");
        browser.klikLink("70BA (70BA)");
        assertThat(browser.element("#voortgang").getText()).contains("Aantal leerlingen 2 10 20% fase afgerond")
                .doesNotContain("niet volgens verwachting");
        browser.klik("#uitloggen");

        // a board no aanleverpunt names any more is no account at all: not listed, no letter, no sign-in, no lock to show
        for (String brin : new String[] {"70BA", "70BB"}) {
            assertThat(hub.operator().patch("/aanleverpunten/" + brin + "/1", Map.of("bestuurNummer", "41002")).status()).isEqualTo(200);
        }
        assertThat(hub.operator().get("/besturen/41001").status()).isEqualTo(404);
        assertThat(hub.operator().post("/besturen/41001/portaalwachtwoord").status()).isEqualTo(404);
        logIn("41001", "onze eigen zin voor het bestuur");
        assertThat(browser.pad()).isEqualTo("/portaal/inloggen");
        assertThat(browser.heeft("#geblokkeerd")).isFalse();
        assertThat(browser.element("#fout").getText()).isEqualTo("BRIN-nummer (of bestuursnummer) of wachtwoord onjuist.");
    }

    @Test
    void eenEigenWachtwoordOfEenNieuweBriefBeeindigtDeAndereSessies() {
        school("70CK", "ck");
        String brief = hub.operator().post("/scholen/70CK/portaalwachtwoord").json().get("wachtwoord").asText();
        String eigen = "onze eigen zin voor BRON";
        // someone else signed in with the letter: a new password ends that session
        try (Browser ander = new Browser(hub.portaalPoort(), data.resolve("chromium-ander"))) {
            logIn(ander, "70CK", brief);
            assertThat(ander.pad("/portaal/70CK")).isEqualTo("/portaal/70CK");
            kiesEigenWachtwoord(brief, eigen);
            ander.open("/portaal/70CK/gtb");
            assertThat(ander.pad("/portaal/inloggen")).isEqualTo("/portaal/inloggen");
            assertThat(ander.element("#verlopen").getText()).startsWith("U bent uitgelogd: uw wachtwoord is gewijzigd.");
            gezien(ander, "verlopen");

            // and so does a new letter from the operator
            logIn(ander, "70CK", eigen);
            assertThat(ander.pad("/portaal/70CK")).isEqualTo("/portaal/70CK");
            hub.operator().post("/scholen/70CK/portaalwachtwoord");
            ander.open("/portaal/70CK");
            assertThat(ander.pad("/portaal/inloggen")).isEqualTo("/portaal/inloggen");
        }
    }

    /** Akkoord in the first weeks, before any score is judged, with none of the normaantal in BRON: the page warns. */
    @Test
    void eenAkkoordZonderLeerlingenInBronKrijgtEenWaarschuwing() {
        assertThat(hub.operator().put("/aanleverpunten/70CL/1", OperatorClient.schoolMetBestuur("cl", "2026-10-26")).status()).isEqualTo(200);
        logIn("70CL", hub.operator().post("/scholen/70CL/portaalwachtwoord").json().get("wachtwoord").asText());
        browser.open("/portaal/70CL/reactie").klik("#reactie-AKKOORD").klik("#verstuur-reactie");
        assertThat(browser.pad("/portaal/70CL/reactie/akkoord")).isEqualTo("/portaal/70CL/reactie/akkoord");
        assertThat(browser.element("#voortgang").getText()).contains("Aantal leerlingen 0 10 0% n.v.t.");
        assertThat(browser.element("#achter").getText()).startsWith("Er staan minder leerlingen in BRON dan uw normaantal.")
                .contains("staan (nog) niet alle leerlingen van uw school in BRON");
        assertThat(browser.stijl("#achter", "background-color")).isEqualTo("rgb(255, 244, 229)");
        gezien("akkoord-zonder-leerlingen");
        assertThat(hub.operator().get("/scholen/70CL").json().get("kwalificatie").get("status").asText()).isEqualTo("IN_FASE");
    }

    private void kiesEigenWachtwoord(String brief, String eigen) {
        logIn("70CK", brief);
        assertThat(browser.pad("/portaal/70CK")).isEqualTo("/portaal/70CK");

        // the school's own password: the current one must be right, the new one long enough and twice the same
        browser.klik("#menu-wachtwoord");
        assertThat(browser.element("main p").getText())
                .startsWith("Kies een eigen wachtwoord van minstens 12 tekens, waarvan minstens 5 verschillende, zonder het BRIN-nummer.");
        kies("niet-de-brief", eigen, eigen);
        assertThat(browser.element("#fout").getText())
                .isEqualTo("Uw huidige wachtwoord is onjuist. Let op: na 3 keer achter elkaar een onjuist wachtwoord wordt het account 8 seconden geblokkeerd.");
        kies(brief, "kort", "kort");
        assertThat(browser.element("#fout").getText()).isEqualTo("Het nieuwe wachtwoord moet minstens 12 tekens lang zijn.");
        kies(brief, eigen, eigen + ".");
        assertThat(browser.element("#fout").getText()).isEqualTo("De herhaling is niet gelijk aan het nieuwe wachtwoord.");
        gezien("wachtwoord-fout");
        kies(brief, "school 70ck te Ergens", "school 70ck te Ergens");
        assertThat(browser.element("#fout").getText()).isEqualTo("Het nieuwe wachtwoord mag het BRIN-nummer niet bevatten.");
        // an invisible character (pasted from a document) could not be typed at the sign-in: the school would be locked out
        kies(brief, "geheim\u200Bwachtwoord", "geheim\u200Bwachtwoord");
        assertThat(browser.element("#fout").getText()).startsWith("Het nieuwe wachtwoord bevat een teken dat niet te typen is");
        kies(brief, eigen, eigen);
        assertThat(browser.element("#melding").getText()).isEqualTo("Uw nieuwe wachtwoord is opgeslagen. Gebruik het voortaan om in te loggen.");
        gezien("wachtwoord");
        assertThat(hub.operator().get("/scholen/70CK").json().get("portaal").get("zelfGekozenOp").isNull()).isFalse();
        // the session that chose it goes on
        browser.klik("#menu-voortgang");
        assertThat(browser.pad("/portaal/70CK")).isEqualTo("/portaal/70CK");
        browser.klik("#uitloggen");
        logIn("70CK", brief);
        assertThat(browser.element("#fout").getText()).isEqualTo("BRIN-nummer (of bestuursnummer) of wachtwoord onjuist.");
        logIn("70CK", eigen);
        assertThat(browser.pad("/portaal/70CK")).isEqualTo("/portaal/70CK");
        browser.klik("#uitloggen");
    }

    @Test
    void teVeelFouteWachtwoordenBlokkerenHetAccount() {
        school("70CK", "ck");
        String brief = hub.operator().post("/scholen/70CK/portaalwachtwoord").json().get("wachtwoord").asText();

        // three wrong passwords in a row lock the account: then even the right one is refused
        for (int i = 1; i <= 2; i++) {
            logIn("70CK", "raden-" + i);
            assertThat(browser.element("#fout").getText()).isEqualTo("BRIN-nummer (of bestuursnummer) of wachtwoord onjuist.");
            // warned before the lock, and told how to get a new letter
            assertThat(browser.element("#waarschuwing").getText())
                    .isEqualTo("Let op: na 3 keer achter elkaar een onjuist wachtwoord wordt het account 8 seconden geblokkeerd.");
            assertThat(browser.element("#nieuwe-brief").getText()).startsWith("Vraag de helpdesk (onderaan deze pagina) om een nieuwe wachtwoordbrief.");
        }
        gezien("waarschuwing");
        logIn("70CK", "raden-3");
        String geblokkeerd = "Er is te vaak een onjuist wachtwoord gegeven. Uw account is geblokkeerd: probeer het na 8 seconden "
                + "opnieuw, of vraag de helpdesk om een nieuwe wachtwoordbrief.";
        assertThat(browser.element("#geblokkeerd").getText()).isEqualTo(geblokkeerd);
        gezien("geblokkeerd");
        // the page a locked address gets (PortaalAdresBlokkadeTest locks one): the address for the helpdesk, and not the
        // new-letter advice, which does not lift that lock
        browser.open("/portaal/inloggen?adresgeblokkeerd");
        assertThat(browser.element("#adresgeblokkeerd").getText()).startsWith("Vanaf uw internetadres is te vaak een onjuist wachtwoord gegeven")
                .contains("vraag de helpdesk de blokkade van uw internetadres (127.0.0.1) op te heffen");
        assertThat(browser.heeft("#nieuwe-brief")).isFalse();
        gezien("adres-geblokkeerd");
        logIn("70CK", brief);
        assertThat(browser.element("#geblokkeerd").getText()).isEqualTo(geblokkeerd);
        assertThat(browser.pad()).isEqualTo("/portaal/inloggen");
        assertThat(hub.operator().get("/scholen/70CK").json().get("portaal").get("geblokkeerdTot").isNull()).isFalse();
        // the wrong passwords that locked it, while the lock holds (the count itself starts again at the lock)
        assertThat(hub.operator().get("/scholen/70CK").json().get("portaal").get("mislukteInloggen").asInt()).isEqualTo(3);

        // a new wachtwoordbrief lets the school in at once
        String nieuweBrief = hub.operator().post("/scholen/70CK/portaalwachtwoord").json().get("wachtwoord").asText();
        logIn("70CK", nieuweBrief);
        assertThat(browser.pad("/portaal/70CK")).isEqualTo("/portaal/70CK");
        browser.klik("#uitloggen");

        // locked again, the lock passes by itself
        for (int i = 0; i < 3; i++) {
            logIn("70CK", "raden-" + i);
        }
        assertThat(browser.element("#geblokkeerd").getText()).isEqualTo(geblokkeerd);
        await().atMost(BLOKKADE.multipliedBy(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            logIn("70CK", nieuweBrief);
            return browser.pad().equals("/portaal/70CK");
        });
        assertThat(hub.operator().get("/scholen/70CK").json().get("portaal").get("mislukteInloggen").asInt()).isZero();
    }

    @Test
    void hetPortaalHeeftEenEigenDeur() throws Exception {
        var las = Pki.client("proef-las leverancier").http();
        // not at the LAS door (a SOAP fault with 360 for any other address) nor at the operator's (404)
        HttpResponse<String> viaLasDeur = las.send(HttpRequest.newBuilder(URI.create("https://localhost:" + hub.port() + "/portaal/inloggen"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaLasDeur.statusCode()).isEqualTo(500);
        assertThat(viaLasDeur.body()).contains("<faultstring>360: ").doesNotContain("Inloggen");
        HttpResponse<String> viaOperatorDeur = las.send(HttpRequest.newBuilder(URI.create("https://localhost:" + hub.operatorPoort()
                + "/portaal/inloggen")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaOperatorDeur.statusCode()).isEqualTo(404);
        HttpResponse<String> operatorApi = Pki.zonderCertificaat().http().send(HttpRequest.newBuilder(URI.create("https://localhost:"
                + hub.portaalPoort() + "/operator/scholen")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(operatorApi.statusCode()).isEqualTo(404);
        browser.open("/portaal/inloggen");
        assertThat(browser.element("h1").getText()).isEqualTo("Inloggen op Mijn BRON");
        // an address Tomcat refuses before the portal sees it (an encoded slash): still the portal's page, styled
        browser.open("/portaal/70BA%2Fgegevens");
        assertThat(browser.element("h1").getText()).isEqualTo("Verzoek niet verwerkt");
        gezien("onleesbaar-adres");
    }

    /**
     * The page as a person sees it: the portal's stylesheet applied (the browser's default font is not
     * Arial, and its default header has no background), nothing blocked by the page's Content-Security-Policy,
     * and a screenshot in target/screenshots to look at.
     */
    private void gezien(String pagina) {
        gezien(browser, pagina);
    }

    private static void gezien(Browser browser, String pagina) {
        assertThat(browser.stijl("body", "font-family")).as(pagina + ": the stylesheet's font").startsWith("Arial");
        assertThat(browser.stijl(".balk", "background-color")).as(pagina + ": the header bar's colour").isEqualTo("rgb(21, 66, 115)");
        assertThat(browser.cspSchendingen()).as(pagina + ": blocked by the Content-Security-Policy").isEmpty();
        // the helpdesk as configured, at the foot of every page, in the footer's own style
        assertThat(browser.element("#helpdesk").getText()).as(pagina + ": the helpdesk").contains(HELPDESK)
                .contains("telefoon " + TELEFOON).contains("e-mail " + HELPDESK_EMAIL).contains("een nieuwe wachtwoordbrief");
        assertThat(browser.element("#helpdesk-email").getDomAttribute("href")).isEqualTo("mailto:" + HELPDESK_EMAIL);
        assertThat(browser.stijl("#helpdesk", "background-color")).as(pagina + ": the footer's colour").isEqualTo("rgb(232, 238, 245)");
        browser.schermafdruk(pagina);
    }

    private void logIn(String brin, String wachtwoord) {
        logIn(browser, brin, wachtwoord);
    }

    private static void logIn(Browser browser, String brin, String wachtwoord) {
        browser.open("/portaal/inloggen").vulIn("#brin", brin).vulIn("#wachtwoord", wachtwoord).klik("#inloggen");
    }

    private void kies(String huidig, String nieuw, String herhaling) {
        browser.vulIn("#huidig", huidig).vulIn("#nieuw", nieuw).vulIn("#herhaling", herhaling).klik("#wijzig-wachtwoord");
    }

    private void school(String brin, String naam) {
        assertThat(hub.operator().put("/aanleverpunten/" + brin + "/1", OperatorClient.schoolMetBestuur(naam, "2026-09-07")).status())
                .isEqualTo(200);
    }

    private static String lever(LasClient las, Bericht b) {
        las.aanleveren(b);
        return HubTest.terugkoppelingVan(las, b.getIdentificatie()).getLeerling().getOnderwijsnummer();
    }
}
