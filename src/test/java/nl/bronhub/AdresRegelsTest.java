package nl.bronhub;

import nl.bronhub.contract.v1.Ernst;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/** The address rules 773-779, on aanmelden (personal data only). */
class AdresRegelsTest extends SignaalTest {

    private static final String BRIN = "70BI";

    private Terugkoppeling aanmelden(Persoon p) {
        return verwerk(BRIN, Berichten.aanmelden(p));
    }

    private static Persoon inBelgie() {
        Persoon p = zonderPgn("2016-02-02");
        p.setPostcode(null);
        p.setStraatnaam(null);
        p.setHuisnummer(null);
        p.setWoonplaats(null);
        p.setLandcode("5010");
        p.setAdresregelBuitenland1("Grote Markt 1");
        p.setAdresregelBuitenland2("2000 Antwerpen");
        return p;
    }

    private void afgekeurd(Persoon p, String code, String omschrijving) {
        Terugkoppeling t = aanmelden(p);
        signaal(t, code, Ernst.AFKEUR, omschrijving);
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
        assertThat(t.getLeerling()).as("nothing registered").isNull();
    }

    @Test
    void eenLeerlingInHetBuitenlandWordtGeregistreerd() {
        Terugkoppeling t = aanmelden(inBelgie());
        geregistreerdMet(t, "757", "BRON heeft aan de persoon een onderwijsnummer toegekend.");
        assertThat(t.getSignaal()).hasSize(1);
        assertThat(t.getLeerling().getLandcode()).isEqualTo("5010");
        assertThat(t.getLeerling().getAdresregelBuitenland2()).isEqualTo("2000 Antwerpen");
    }

    @Test
    void binnenlandsAdresBijEenLandGeeft773() {
        Persoon p = inBelgie();
        p.setPostcode("1234AB");
        afgekeurd(p, "773", "Het Binnenlands adres mag niet gevuld zijn als het Land gevuld is.");
    }

    @Test
    void geenLandEnGeenBinnenlandsAdresGeeft774() {
        Persoon p = zonderPgn("2016-02-02");
        p.setPostcode(null);
        afgekeurd(p, "774", "Het Binnenlands adres is verplicht als het Land ontbreekt.");
    }

    @Test
    void eenBuitenlandsAdresZonderLandGeeft775() {
        Persoon p = zonderPgn("2016-02-02");
        p.setAdresregelBuitenland1("Grote Markt 1");
        afgekeurd(p, "775", "Het Buitenlands adres mag alleen gevuld zijn als het Land ongelijk is aan Nederland.");
    }

    @Test
    void eenPostbusGeeft776() {
        Persoon p = zonderPgn("2016-02-02");
        p.setStraatnaam("Postbus");
        p.setHuisnummer("123");
        afgekeurd(p, "776", "Een postbus mag niet als adres worden gebruikt.");
    }

    @Test
    void eenLandZonderBuitenlandsAdresGeeft777() {
        Persoon p = inBelgie();
        p.setAdresregelBuitenland1(null);
        p.setAdresregelBuitenland2(null);
        afgekeurd(p, "777", "Het Buitenlands adres is verplicht als het Land gevuld is en ongelijk aan Nederland.");
    }

    @Test
    void adresregel2ZonderRegel1Geeft778() {
        Persoon p = inBelgie();
        p.setAdresregelBuitenland1(null);
        afgekeurd(p, "778", "Het veld Adresregel buitenland 2 mag alleen samen met Adresregel buitenland 1 gevuld zijn.");
    }

    @Test
    void adresregel3ZonderRegel2Geeft779() {
        Persoon p = inBelgie();
        p.setAdresregelBuitenland2(null);
        p.setAdresregelBuitenland3("België");
        afgekeurd(p, "779", "Het veld Adresregel buitenland 3 mag alleen samen met de andere adresregels buitenland gevuld zijn.");
    }

    @Test
    void eenGeheimAdresGeeftGeenAdressignalen() {
        Persoon p = zonderPgn("2016-02-02");
        p.setPostcode(null);
        p.setHuisnummer(null);
        p.setAdresGeheim(true);
        assertThat(aanmelden(p).getSignaal()).extracting(s -> s.getCode()).containsExactly("757");
    }
}
