package nl.bronhub.audit;

import java.sql.Timestamp;
import java.time.Clock;

import nl.bronhub.aanlevering.Formaten;
import nl.bronhub.contract.Contract;
import nl.bronhub.contract.Afzender;
import nl.bronhub.toegang.Toegangscontrole;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.interceptor.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The audit trail: one row per SOAP request, with the aanleverpunt it names, the certificate it came
 * with, the operation, the counts in its answer and its outcome. It holds no personal data; the counts come from the answer itself,
 * so the row says what the LAS was told.
 */
@Component
public class AuditSpoor {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSpoor.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;

    public AuditSpoor(NamedParameterJdbcTemplate jdbc, Clock klok) {
        this.jdbc = jdbc;
        this.klok = klok;
    }

    /** Set once a request's row is written in the transaction of its own effect (vastleggenInTransactie). */
    static final String VASTGELEGD = "bronAuditVastgelegd";

    /**
     * Inside the transaction that stores a request's effect (the berichten of an aanleveren, the acknowledgement of a
     * fetch), once its answer is built: the row commits with the effect, one commit where there were two. A failure
     * here rolls the effect back too, so nothing is acknowledged that the trail does not show. The listener's
     * {@link #vastleggen} then only logs; when the transaction fails after all, this row goes with it, and route
     * soap-fout writes the fault's.
     */
    public void vastleggenInTransactie(Exchange exchange) {
        Uitkomst u = uitkomst(exchange);
        jdbc.update(INSERT, rij(u.operatie(), Afzender.brin(exchange), Afzender.aanleverpuntnummer(exchange), Afzender.document(exchange),
                Toegangscontrole.vingerafdruk(exchange), u.aantal(), u.afgekeurd(), u.uitkomst()));
        exchange.setProperty(VASTGELEGD, true);
    }

    /** What the answer, or the fault, in the exchange told the LAS. */
    private record Uitkomst(String operatie, int aantal, int afgekeurd, String uitkomst, boolean fout) {
    }

    /** After the operation's route: what its answer, or its fault, told the LAS. */
    public void vastleggen(Exchange exchange) {
        Uitkomst u = uitkomst(exchange);
        String brin = Afzender.brin(exchange);
        String nummer = Afzender.aanleverpuntnummer(exchange);
        if (u.fout() || !Boolean.TRUE.equals(exchange.getProperty(VASTGELEGD, Boolean.class))) {
            schrijf(u.operatie(), brin, nummer, Afzender.document(exchange), Toegangscontrole.vingerafdruk(exchange), u.aantal(),
                    u.afgekeurd(), u.uitkomst());
        }
        log(u.operatie(), brin, nummer, u.aantal(), u.afgekeurd(), u.uitkomst(), exchange.getClock().elapsed());
    }

    private static Uitkomst uitkomst(Exchange exchange) {
        String operatie = exchange.getIn().getHeader(CxfConstants.OPERATION_NAME, String.class);
        Object body = exchange.getIn().getBody();
        int aantal = 0;
        int afgekeurd = 0;
        String uitkomst = "beantwoord";
        if (body instanceof Fault fault) {
            uitkomst = signaalcode(fault);
        } else if (body instanceof CxfPayload<?> payload && !payload.getBodySources().isEmpty()) {
            Element antwoord = Contract.elementen(payload).get(0);
            switch (antwoord.getLocalName()) {
                case "aanleverenAntwoord" -> {
                    aantal = tel(antwoord, "berichtResultaat");
                    NodeList statussen = antwoord.getElementsByTagNameNS(Contract.NS, "status");
                    for (int i = 0; i < statussen.getLength(); i++) {
                        afgekeurd += "afkeur".equals(statussen.item(i).getTextContent()) ? 1 : 0;
                    }
                }
                case "terugkoppelingAntwoord" -> aantal = tel(antwoord, "terugkoppeling");
                case "registratieoverzichtAntwoord" -> aantal = tel(antwoord, "registratie");
                default -> { }
            }
        }
        return new Uitkomst(operatie, aantal, afgekeurd, uitkomst, body instanceof Fault);
    }

    /** A request refused before any route saw it (its envelope, its size, a DOCTYPE). */
    public void geweigerd(String operatie, String signaalcode, String certificaat) {
        schrijf(operatie, null, null, null, certificaat, 0, 0, signaalcode);
        log(operatie, null, null, 0, 0, signaalcode, -1);
    }

    /**
     * An operator's change that concerns an aanleverpunt, in the same trail (a push endpoint registered, removed or
     * refused): the operation, the aanleverpunt named and the outcome, nothing of what was sent.
     */
    public void operatorHandeling(String operatie, String brin, String nummer, String uitkomst) {
        schrijf(operatie, brin, nummer, null, null, 0, 0, uitkomst);
    }

    /**
     * One line per SOAP request, at INFO: operation, aanleverpunt, counts, outcome and duration, so that
     * ordinary traffic can be followed in the log. Never the document's identification or anything of
     * the berichten; the BRIN and number only when they have their form (a refused request's are unchecked).
     */
    private static void log(String operatie, String brin, String nummer, int aantal, int afgekeurd, String uitkomst, long ms) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder regel = new StringBuilder("soap ").append(operatie == null ? "onbekend" : operatie);
        regel.append(" brin=").append(brin != null && Formaten.BRIN.matcher(brin).matches() ? brin : "-");
        regel.append(" aanleverpunt=").append(nummer != null && Formaten.NUMMER.matcher(nummer).matches() ? nummer : "-");
        switch (operatie == null ? "" : operatie) {
            case "aanleveren" -> regel.append(" berichten=").append(aantal).append(" ontvangen=").append(aantal - afgekeurd)
                    .append(" afgekeurd=").append(afgekeurd);
            case "ophalenTerugkoppelingen" -> regel.append(" terugkoppelingen=").append(aantal);
            case "opvragenRegistratieoverzicht" -> regel.append(" registraties=").append(aantal);
            default -> { }
        }
        regel.append(" uitkomst=").append(uitkomst.matches("[a-z0-9]{1,12}") ? uitkomst : "-");
        if (ms >= 0) {
            regel.append(" ms=").append(ms);
        }
        LOG.info(regel.toString());
    }

    private void schrijf(String operatie, String brin, String nummer, String document, String certificaat, int aantal, int afgekeurd,
                         String uitkomst) {
        try {
            jdbc.update(INSERT, rij(operatie, brin, nummer, document, certificaat, aantal, afgekeurd, uitkomst));
        } catch (RuntimeException e) {
            // the answer stands (what was acknowledged is stored); the missing row is reported
            LOG.warn("Audit row for a {} request could not be written ({})", operatie, e.getClass().getName());
        }
    }

    private static final String INSERT = "insert into audit (moment, operatie, brin, aanleverpuntnummer, document, certificaat, aantal, "
            + "aantal_afgekeurd, uitkomst) values (:moment, :operatie, :brin, :nummer, :document, :certificaat, :aantal, :afgekeurd, :uitkomst)";

    private MapSqlParameterSource rij(String operatie, String brin, String nummer, String document, String certificaat, int aantal,
                                      int afgekeurd, String uitkomst) {
        return new MapSqlParameterSource()
                .addValue("moment", Timestamp.from(klok.instant()))
                .addValue("operatie", operatie)
                .addValue("brin", kort(brin, 4))
                .addValue("nummer", kort(nummer, 5))
                .addValue("document", kort(document, 80))
                .addValue("certificaat", certificaat)
                .addValue("aantal", aantal)
                .addValue("afgekeurd", afgekeurd)
                .addValue("uitkomst", uitkomst);
    }

    /** Values from a refused request are unchecked: cut to the column. */
    private static String kort(String waarde, int max) {
        return waarde == null ? null : waarde.length() <= max ? waarde : waarde.substring(0, max);
    }

    private static int tel(Element antwoord, String kind) {
        int n = 0;
        for (var k = antwoord.getFirstChild(); k != null; k = k.getNextSibling()) {
            n += k instanceof Element e && kind.equals(e.getLocalName()) ? 1 : 0;
        }
        return n;
    }

    private static String signaalcode(Fault fault) {
        Element detail = fault.getDetail();
        NodeList codes = detail == null ? null : detail.getElementsByTagNameNS(Contract.NS, "code");
        return codes == null || codes.getLength() == 0 ? "fout" : codes.item(0).getTextContent();
    }
}
