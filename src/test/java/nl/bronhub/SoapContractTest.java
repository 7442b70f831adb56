package nl.bronhub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import nl.bronhub.contract.v1.TerugkoppelingAntwoord;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract as served: the WSDL, and DUO's WS-Addressing convention. */
class SoapContractTest extends HubTest {

    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String MESSAGE_ID = "urn:uuid:6b1d2a52-0000-4000-8000-00000000beef";

    @Test
    void deWsdlWordtGeserveerdMetDeDrieOperaties() throws Exception {
        HttpClient http = las("60AA", "1").http();
        String wsdl = http.send(HttpRequest.newBuilder(URI.create(las("60AA", "1").endpoint() + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(wsdl).contains("targetNamespace=\"urn:nl:bron-hub:uitwisseling:v1\"")
                .contains("<wsdl:operation name=\"aanleveren\">")
                .contains("<wsdl:operation name=\"ophalenTerugkoppelingen\">")
                .contains("<wsdl:operation name=\"opvragenRegistratieoverzicht\">")
                .contains("style=\"document\"");
        String xsd = http.send(HttpRequest.newBuilder(URI.create(las("60AA", "1").endpoint() + "?xsd=bron-uitwisseling-v1.xsd")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(xsd).contains("name=\"aanleverenVerzoek\"");
    }

    @Test
    void eenWsAddressingMessageIdWordtBeantwoordMetRelatesTo() {
        LasClient las = las("60AB", "1");
        LasClient.Http http = las.post(metAddressing(las, "ophalenTerugkoppelingen"));

        assertThat(http.status()).isEqualTo(200);
        assertThat(http.body()).contains("<RelatesTo xmlns=\"" + WSA + "\">" + MESSAGE_ID + "</RelatesTo>");
        assertThat(LasClient.lees(http)).isInstanceOf(TerugkoppelingAntwoord.class);
    }

    @Test
    void eenActionDieNietBijDeBodyPastGeeft360() {
        LasClient las = las("60AC", "1");
        LasClient.Fout fout = (LasClient.Fout) LasClient.lees(las.post(metAddressing(las, "aanleveren")));

        assertThat(fout.signalen()).singleElement().satisfies(s -> assertThat(s.getCode()).isEqualTo("360"));
    }

    private static String metAddressing(LasClient las, String actionOperatie) {
        String envelop = LasClient.envelop(las.ophaalVerzoek(0, null));
        return envelop.replace("<soapenv:Body>", "<soapenv:Header xmlns:wsa=\"" + WSA + "\">"
                + "<wsa:MessageID soapenv:mustUnderstand=\"1\">" + MESSAGE_ID + "</wsa:MessageID>"
                + "<wsa:Action>urn:nl:bron-hub:uitwisseling:v1:" + actionOperatie + "</wsa:Action>"
                + "<wsa:To>" + las.endpoint() + "</wsa:To></soapenv:Header><soapenv:Body>");
    }
}
