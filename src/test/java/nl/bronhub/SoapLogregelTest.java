package nl.bronhub;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nl.bronhub.audit.AuditSpoor;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/** Ordinary traffic is visible in the log: one INFO line per SOAP request's outcome, without personal data. */
@ExtendWith(OutputCaptureExtension.class)
class SoapLogregelTest extends HubTest {

    /**
     * The request's document id is the LAS's own text: the log shows a keyed hash of it, the same for the same id. One
     * with a line break and personal data in it is refused (359), and none of it reaches the log either.
     */
    @Test
    void hetDocumentnummerVanEenVerzoekVervalstGeenLogregel(CapturedOutput uitvoer) {
        LasClient las = las("75AC", "1");
        var vals = las.ophaalVerzoek(0, null);
        vals.getHeader().setIdentificatiecodeBedrijfsdocument("vals\nERROR 999993847 Vreemdenaam 3511AB\r\tx");
        assertThat(las.verstuur(vals)).isInstanceOfSatisfying(LasClient.Fout.class,
                f -> assertThat(f.faultstring()).startsWith("359: "));
        String document = "las-" + Berichten.uniekeLetters();
        for (int keer = 0; keer < 2; keer++) {
            var verzoek = las.ophaalVerzoek(0, null);
            verzoek.getHeader().setIdentificatiecodeBedrijfsdocument(document);
            las.verstuur(verzoek);
        }

        List<String> regels = uitvoer.getOut().lines().filter(l -> l.contains("soap ophalenTerugkoppelingen brin=75AC")).toList();
        assertThat(regels).hasSizeGreaterThanOrEqualTo(2);
        List<String> vormen = regels.stream().map(l -> l.replaceAll(".*verzoek=(\\S+) .*", "$1")).distinct().toList();
        assertThat(vormen).hasSize(1).allMatch(v -> v.matches("d[a-p]{12}"));
        assertThat(uitvoer.getOut()).doesNotContain(document).doesNotContain("999993847").doesNotContain("Vreemdenaam")
                .doesNotContain("3511AB").doesNotContainPattern("(?m)^ERROR 9");
    }

    @Test
    void elkVerzoekEenRegelMetAantallenEnDuur() {
        ListAppender<ILoggingEvent> regels = new ListAppender<>();
        regels.start();
        Logger log = (Logger) LoggerFactory.getLogger(AuditSpoor.class);
        log.addAppender(regels);
        try {
            LasClient las = las("75AC", "1");
            Bericht goed = inschrijven(zonderPgn("2016-02-02"), wec("2026-08-01"));
            Bericht zonderInschrijving = Berichten.bericht("inschrijven", zonderPgn("2016-02-03"), null);
            las.aanleveren(goed, zonderInschrijving);
            HubTest.terugkoppelingVan(las, goed.getIdentificatie());
            las.post("<geenEnvelop/>");

            List<String> lijnen = regels.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO)
                    .map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lijnen).filteredOn(l -> l.startsWith("soap aanleveren brin=75AC")).singleElement().satisfies(l -> assertThat(l)
                    .matches("soap aanleveren brin=75AC aanleverpunt=1 berichten=2 ontvangen=1 afgekeurd=1 uitkomst=beantwoord ms=\\d+"));
            // the LAS polled until its terugkoppeling came: the last poll returned it
            assertThat(lijnen).filteredOn(l -> l.startsWith("soap ophalenTerugkoppelingen brin=75AC")).isNotEmpty()
                    .allMatch(l -> l.matches("soap ophalenTerugkoppelingen brin=75AC aanleverpunt=1 terugkoppelingen=\\d+ uitkomst=beantwoord ms=\\d+"))
                    .anyMatch(l -> l.contains(" terugkoppelingen=1 "));
            assertThat(lijnen).contains("soap onbekend brin=- aanleverpunt=- uitkomst=360");
            String alles = String.join("\n", lijnen);
            assertThat(alles).doesNotContain(goed.getIdentificatie()).doesNotContain(goed.getLeerling().getAchternaam())
                    .doesNotContain(zonderInschrijving.getLeerling().getAchternaam());
        } finally {
            log.detachAppender(regels);
        }
    }
}
