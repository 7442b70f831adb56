package nl.bronhub;

import nl.bronhub.support.PersoonsgegevensInLog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No BSN, onderwijsnummer, name or address in any log line, at any level, of any hub the whole
 * suite started (PersoonsgegevensInLog sees them all). Runs after the tests that talk to a hub.
 */
@Order(Integer.MAX_VALUE - 1)
class LogPrivacyTest {

    @Test
    void geenPersoonsgegevensInDeLogVanDeHeleSuite() {
        // the scan saw the suite's logging (a run of this class alone sees little, but not nothing)
        assertThat(PersoonsgegevensInLog.REGELS.get()).isPositive();
        assertThat(PersoonsgegevensInLog.VONDSTEN).isEmpty();
    }

    @Test
    void deScanHerkentEenBsnEnEenNaam() {
        int voor = PersoonsgegevensInLog.VONDSTEN.size();
        try {
            LoggerFactory.getLogger("nl.bronhub.proef").debug("leerling {} {}", "999993847", "Jansen");
            // the BSN twice (a test person's, and a number passing the elfproef), the name once
            assertThat(PersoonsgegevensInLog.VONDSTEN.subList(voor, PersoonsgegevensInLog.VONDSTEN.size()))
                    .hasSize(3).anyMatch(v -> v.contains("nine-digit"));
        } finally {
            PersoonsgegevensInLog.VONDSTEN.subList(voor, PersoonsgegevensInLog.VONDSTEN.size()).clear();
        }
    }

    @Test
    void deScanZietNegenCijfersInEenVingerafdrukNietAlsBsn() {
        int voor = PersoonsgegevensInLog.VONDSTEN.size();
        try {
            // 123456782 passes the elfproef; inside a fingerprint's hex start (as CertificaatRegister logs it) it is none
            LoggerFactory.getLogger("nl.bronhub.proef").info("Certificate a123456782bcdef0 revoked");
            assertThat(PersoonsgegevensInLog.VONDSTEN.subList(voor, PersoonsgegevensInLog.VONDSTEN.size())).isEmpty();
            LoggerFactory.getLogger("nl.bronhub.proef").info("leerling a123456782 en bsn=123456782.");
            assertThat(PersoonsgegevensInLog.VONDSTEN.subList(voor, PersoonsgegevensInLog.VONDSTEN.size())).hasSize(2);
        } finally {
            PersoonsgegevensInLog.VONDSTEN.subList(voor, PersoonsgegevensInLog.VONDSTEN.size()).clear();
        }
    }

    @Test
    void deScanZietEenKorteVoornaamNietInEenKlassenaam() {
        int voor = PersoonsgegevensInLog.VONDSTEN.size();
        try {
            // "Sem" is a test person's first name, and part of a class name in a stack trace: only the name is a find
            LoggerFactory.getLogger("nl.bronhub.proef").warn("waiting at java.util.concurrent.Semaphore.acquire");
            assertThat(PersoonsgegevensInLog.VONDSTEN.subList(voor, PersoonsgegevensInLog.VONDSTEN.size())).isEmpty();
            LoggerFactory.getLogger("nl.bronhub.proef").warn("leerling Sem, en Zonder-Nummer-abcdef");
            assertThat(PersoonsgegevensInLog.VONDSTEN.subList(voor, PersoonsgegevensInLog.VONDSTEN.size())).hasSize(2);
        } finally {
            PersoonsgegevensInLog.VONDSTEN.subList(voor, PersoonsgegevensInLog.VONDSTEN.size()).clear();
        }
    }
}
