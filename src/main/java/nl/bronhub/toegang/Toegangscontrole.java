package nl.bronhub.toegang;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ConcurrentHashMap;
import nl.bronhub.contract.Afzender;
import nl.bronhub.aanlevering.Aanleverpunten;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.signaal.SignaalFout;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.message.Message;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * May this certificate act for the aanleverpunt the request names? The TLS handshake has already
 * proved the LAS holds a valid certificate of a trusted CA; this step checks the certificate register
 * (the certificate's own aanleverpunt, or its vendor's mandates). A request that names another
 * aanleverpunt is refused whole with signal 366, before anything is stored or acknowledged.
 */
@Component
public class Toegangscontrole implements SignaalBron {

    private static final String VINGERAFDRUK = "bron.toegang.vingerafdruk";

    private final CertificaatRegister register;
    private final SignaalCatalogus catalogus;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;
    private final Aanleverpunten aanleverpunten;
    /** Aanleverpunt and certificate pairs whose first fetch is recorded. */
    private final Set<String> getest = ConcurrentHashMap.newKeySet();

    public Toegangscontrole(CertificaatRegister register, SignaalCatalogus catalogus, NamedParameterJdbcTemplate jdbc, Clock klok,
                            Aanleverpunten aanleverpunten) {
        this.aanleverpunten = aanleverpunten;
        this.register = register;
        this.catalogus = catalogus;
        this.jdbc = jdbc;
        this.klok = klok;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("366");
    }

    public void controleer(Exchange exchange) {
        String vingerafdruk = vingerafdruk(exchange);
        String brin = Afzender.brin(exchange);
        String nummer = Afzender.aanleverpuntnummer(exchange);
        if (vingerafdruk == null || brin == null || nummer == null || !register.magHandelenVoor(vingerafdruk, brin, nummer)) {
            throw new SignaalFout(catalogus.signaal("366", brin + "/" + nummer));
        }
    }

    /**
     * After a successful fetch: the aanleverpunt's first one is the plan's 'certificate tested' (step 9,
     * often before the school sends anything, so the aanleverpunt may be new here).
     */
    public void ophalingGelukt(Exchange exchange) {
        long id = aanleverpunten.id(Afzender.brin(exchange), Afzender.aanleverpuntnummer(exchange));
        String certificaat = vingerafdruk(exchange);
        // every fetch passes here; once recorded (by this instance or, per the conditions below, another) it stays
        if (!getest.add(id + "|" + certificaat)) {
            return;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("nu", Timestamp.from(klok.instant())).addValue("certificaat", certificaat)
                .addValue("id", id).addValue("brin", Afzender.brin(exchange)).addValue("nummer", Afzender.aanleverpuntnummer(exchange));
        // its own table, not the aanleverpunt's row: processing locks that row to own the aanleverpunt (V16)
        jdbc.update("insert into certificaattest (aanleverpunt_id, getest_op, getest_met) values (:id, :nu, :certificaat) "
                + "on conflict do nothing", p);
        // and the first use of each certificate the portal issued, for its page (V32)
        if (certificaat != null) {
            jdbc.update("update certificaatuitgifte set getest_op = :nu where brin = :brin and aanleverpuntnummer = :nummer "
                    + "and vingerafdruk = :certificaat and getest_op is null", p);
        }
    }

    /** The fingerprint of the client certificate the request came with, or null. */
    public static String vingerafdruk(Exchange exchange) {
        String bekend = exchange.getProperty(VINGERAFDRUK, String.class);
        if (bekend == null) {
            bekend = vingerafdruk(exchange.getIn().getHeader(CxfConstants.CAMEL_CXF_MESSAGE, Message.class));
            exchange.setProperty(VINGERAFDRUK, bekend);
        }
        return bekend;
    }

    public static String vingerafdruk(Message message) {
        TLSSessionInfo tls = message == null ? null : message.get(TLSSessionInfo.class);
        return tls == null ? null : eerste(tls.getPeerCertificates());
    }

    public static String vingerafdruk(HttpServletRequest request) {
        return eerste((Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate"));
    }

    private static String eerste(Certificate[] keten) {
        return keten != null && keten.length > 0 && keten[0] instanceof X509Certificate c ? Certificaten.vingerafdruk(c) : null;
    }
}
