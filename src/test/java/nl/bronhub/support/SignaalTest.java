package nl.bronhub.support;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ernst;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Signaal;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests of signals raised after intake: deliver one bericht, wait for its terugkoppeling, check it. */
public abstract class SignaalTest extends HubTest {

    protected Terugkoppeling verwerk(String brin, Bericht bericht) {
        LasClient client = las(brin, "1");
        assertThat(client.aanleveren(bericht).getBerichtResultaat().get(0).getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
        return terugkoppelingVan(client, bericht.getIdentificatie());
    }

    /**
     * A pupil the register knows under an onderwijsnummer, as a LAS has one: given by the hub on an
     * aanmelden (757). Berichten for this pupil then need no identification and carry no signals.
     */
    protected Persoon bekendeLeerling(String geboortedatum) {
        return bekendeLeerling("79ZZ", geboortedatum);
    }

    /** A pupil without a BSN that this school aanmeldde: their personal data are the school's to change. */
    protected Persoon bekendeLeerling(String brin, String geboortedatum) {
        Persoon leerling = Berichten.zonderPgn(geboortedatum);
        Terugkoppeling t = verwerk(brin, Berichten.aanmelden(leerling));
        leerling.setOnderwijsnummer(t.getLeerling().getOnderwijsnummer());
        return leerling;
    }

    /** Afkeur: the signal with its text, and nothing of the enrolment registered at this school. */
    protected void afgekeurdMet(Terugkoppeling t, String code, String omschrijving, String brin) {
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
        signaal(t, code, Ernst.AFKEUR, omschrijving);
        assertThat(t.getInschrijving()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = ?", Integer.class, brin)).isZero();
    }

    /** Attentie: the signal with its text, and the bericht registered. */
    protected static void geregistreerdMet(Terugkoppeling t, String code, String omschrijving) {
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        signaal(t, code, Ernst.ATTENTIE, omschrijving);
    }

    protected static void geregistreerdZonderSignalen(Terugkoppeling t) {
        assertThat(t.getSignaal()).extracting(Signaal::getCode).isEmpty();
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
    }

    protected static Signaal signaal(Terugkoppeling t, String code, Ernst ernst, String omschrijving) {
        assertThat(t.getSignaal()).extracting(Signaal::getCode).as("signals").contains(code);
        Signaal s = t.getSignaal().stream().filter(x -> x.getCode().equals(code)).findFirst().orElseThrow();
        assertThat(s.getErnst()).isEqualTo(ernst);
        assertThat(s.getOmschrijving()).isEqualTo(omschrijving);
        return s;
    }
}
