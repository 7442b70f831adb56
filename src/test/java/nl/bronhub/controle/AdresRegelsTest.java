package nl.bronhub.controle;

import java.util.List;
import java.util.Optional;

import nl.bronhub.model.GbaAntwoord;
import nl.bronhub.model.GbaPersoon;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.verwerking.Verwerking;
import org.junit.jupiter.api.Test;

import static nl.bronhub.controle.ModelBerichten.CATALOGUS;
import static nl.bronhub.controle.ModelBerichten.WEC;
import static nl.bronhub.controle.ModelBerichten.adresGeheim;
import static nl.bronhub.controle.ModelBerichten.d;
import static nl.bronhub.controle.ModelBerichten.inBelgie;
import static nl.bronhub.controle.ModelBerichten.metAdres;
import static nl.bronhub.controle.ModelBerichten.sanne;
import static nl.bronhub.controle.ModelBerichten.signalen;
import static nl.bronhub.controle.ModelBerichten.teksten;
import static nl.bronhub.controle.ModelBerichten.verwerking;
import static org.assertj.core.api.Assertions.assertThat;

/** The address rules 773-779 (handbook 7.1.3, 7.2.4) on an aanmelden, and the secret address that silences them. */
class AdresRegelsTest {

    private final AdresRegels regels = new AdresRegels(CATALOGUS);

    private List<String> controleer(Leerling leerling) {
        return controleer(leerling, GbaAntwoord.NIETS);
    }

    private List<String> controleer(Leerling leerling, GbaAntwoord gba) {
        Verwerking v = verwerking(WEC, Mutatiesoort.AANMELDEN, leerling, null);
        v.setGba(gba);
        regels.controleer(v);
        return signalen(v);
    }

    @Test
    void eenBinnenlandsAdresEnEenBuitenlandsAdresZijnInOrde() {
        assertThat(controleer(sanne())).isEmpty();
        assertThat(controleer(inBelgie())).isEmpty();
    }

    @Test
    void eenBinnenlandsAdresNaastEenLandGeeft773() {
        assertThat(controleer(metAdres(null, null, "3511AB", null, "5010", "Grote Markt 1", null, null)))
                .containsExactly("773 binnenlands adres");
        assertThat(controleer(metAdres("Teststraat", null, null, null, "5010", "Grote Markt 1", null, null)))
                .containsExactly("773 binnenlands adres");
    }

    @Test
    void zonderLandIsEenPostcodeEnHuisnummerVerplichtAnders774() {
        assertThat(controleer(metAdres("Teststraat", "1", null, "Utrecht", null, null, null, null)))
                .containsExactly("774 binnenlands adres");
        assertThat(controleer(metAdres("Teststraat", null, "3511AB", "Utrecht", null, null, null, null)))
                .containsExactly("774 binnenlands adres");
        assertThat(controleer(metAdres(null, "1", "3511AB", null, null, null, null, null))).as("postcode and huisnummer suffice")
                .isEmpty();
    }

    @Test
    void eenBuitenlandsAdresZonderAnderLandGeeft775() {
        assertThat(controleer(metAdres("Teststraat", "1", "3511AB", "Utrecht", null, "Grote Markt 1", null, null)))
                .containsExactly("775 buitenlands adres");
        // Nederland's own landcode is no foreign country: the address is domestic, and foreign lines are 775
        assertThat(controleer(metAdres("Teststraat", "1", "3511AB", "Utrecht", "6030", "Grote Markt 1", null, null)))
                .containsExactly("775 buitenlands adres");
        assertThat(controleer(metAdres("Teststraat", "1", "3511AB", "Utrecht", "6030", null, null, null))).isEmpty();
    }

    @Test
    void eenPostbusGeeft776() {
        assertThat(controleer(metAdres("Postbus 12", "1", "3511AB", "Utrecht", null, null, null, null)))
                .containsExactly("776 straatnaam");
        assertThat(controleer(metAdres("POSTBUS 12", "1", "3511AB", "Utrecht", null, null, null, null)))
                .containsExactly("776 straatnaam");
        assertThat(controleer(metAdres("Poststraat", "1", "3511AB", "Utrecht", null, null, null, null))).isEmpty();
    }

    @Test
    void eenLandZonderBuitenlandsAdresGeeft777() {
        assertThat(controleer(metAdres(null, null, null, null, "5010", null, null, null))).containsExactly("777 buitenlands adres");
        assertThat(controleer(metAdres(null, null, null, null, "5010", "Grote Markt 1", null, null))).isEmpty();
    }

    @Test
    void adresregelTweeZonderAdresregelEenGeeft778() {
        // abroad, line 2 alone is also a foreign address without its first line (777)
        Verwerking v = verwerking(WEC, Mutatiesoort.AANMELDEN, metAdres(null, null, null, null, "5010", null, "2000 Antwerpen", null), null);
        regels.controleer(v);
        assertThat(signalen(v)).containsExactly("777 buitenlands adres", "778 Adresregel buitenland 2");
        assertThat(teksten(v)).contains("778: Het veld Adresregel buitenland 2 mag alleen samen met Adresregel buitenland 1 gevuld zijn.");
        assertThat(controleer(metAdres(null, null, null, null, "5010", "Grote Markt 1", "2000 Antwerpen", null))).isEmpty();
    }

    @Test
    void adresregelDrieZonderDeAndereTweeGeeft779() {
        assertThat(controleer(metAdres(null, null, null, null, "5010", "Grote Markt 1", null, "Belgie")))
                .containsExactly("779 Adresregel buitenland 3");
        assertThat(controleer(metAdres(null, null, null, null, "5010", "Grote Markt 1", "2000 Antwerpen", "Belgie"))).isEmpty();
    }

    @Test
    void eenAdresDatDeSchoolGeheimHoudtKrijgtGeenAdressignalen() {
        Leerling zonderPostcode = metAdres("Postbus 12", "1", null, "Utrecht", null, "Grote Markt 1", null, null);
        assertThat(controleer(zonderPostcode)).containsExactly("774 binnenlands adres", "775 buitenlands adres", "776 straatnaam");
        assertThat(controleer(adresGeheim(zonderPostcode))).isEmpty();
    }

    @Test
    void eenAdresDatDeGbaGeheimHoudtKrijgtGeenAdressignalen() {
        Leerling zonderPostcode = metAdres("Teststraat", "1", null, "Utrecht", null, null, null, null);
        assertThat(controleer(zonderPostcode, gba(true))).isEmpty();
        assertThat(controleer(zonderPostcode, gba(false))).as("a GBA answer that is not secret silences nothing")
                .containsExactly("774 binnenlands adres");
    }

    private static GbaAntwoord gba(boolean geheim) {
        return new GbaAntwoord(Optional.of(new GbaPersoon("999993847", d("2016-03-14"), "V", null, "Jansen", "Sanne",
                "Teststraat", "1", null, "3511AB", "Utrecht", geheim)), List.of());
    }
}
