package nl.bronhub.controle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.aanlevering.Waardelijsten;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.model.Voorkomen;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.registratie.RegisterLezer;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.signaal.SignaalCatalogus.datum;

/**
 * The indicatiestelling (handbook 8.5): not in the future (326), not after the uitschrijving (325),
 * a REC BRIN and CVI-nummer except for cluster 1 and VGK institutions (740), and the soort onderwijs
 * fitting the indication in force in every period (345). Without any indicatiestelling only a crisis-,
 * observatie- or residential place is registered (740).
 */
@Component
public class IndicatieRegels implements InhoudRegel {

    private final Instellingen instellingen;
    private final RegisterLezer register;
    private final SignaalCatalogus catalogus;
    private final Clock klok;

    public IndicatieRegels(Instellingen instellingen, RegisterLezer register, SignaalCatalogus catalogus, Clock klok) {
        this.instellingen = instellingen;
        this.register = register;
        this.catalogus = catalogus;
        this.klok = klok;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("325", "326", "345", "740");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.inschrijving();
        if (i == null) {
            return;
        }
        if (i.indicatiestellingen().isEmpty()) {
            // handbook 7.3.1, 7.3.2, 8.5: only a crisis-, observatie- or residential place is taken without one
            // a wijzigen may leave out the indications the register holds: they are never removed
            if (!v.is(Mutatiesoort.VERWIJDEREN) && Vorm.vraagtIndicatie(i) && !geregistreerdMetIndicatie(v, i)) {
                v.voegToe(catalogus.signaal("740", "datum indicatiestelling", Map.of("gegeven", "Datum indicatiestelling")));
            }
            return;
        }
        boolean vgk = instellingen.zoek(v.getBrin()).map(s -> s.isEen(Instelling.Soort.VGK)).orElse(false);
        LocalDate vandaag = LocalDate.now(klok);
        LocalDate uitschrijving = i.datumUitschrijving();
        for (Indicatiestelling ind : i.indicatiestellingen()) {
            LocalDate d = ind.datum();
            if (d.isAfter(vandaag)) {
                v.voegToe(catalogus.signaal("326", "datum indicatiestelling", Map.of("waarde", datum(d))));
            }
            if (uitschrijving != null && d.isAfter(uitschrijving)) {
                v.voegToe(catalogus.signaal("325", "datum indicatiestelling", Map.of("waarde", datum(d))));
            }
            if (!vgk && !Waardelijsten.ZONDER_REC.contains(ind.onderwijssoort())) {
                if (ind.brinRec() == null) {
                    v.voegToe(catalogus.signaal("740", "BRIN-nummer REC indicatiestelling"));
                }
                if (ind.cviNummer() == null) {
                    v.voegToe(catalogus.signaal("740", "CVI-nummer"));
                }
            }
        }
        // every period in which a soort onderwijs and an indication are both in force, not only the latest of each
        Set<String> gemeld = new HashSet<>();
        List<Vorm.Periode<Indicatiestelling>> indicaties = Vorm.perioden(i.indicatiestellingen(), Indicatiestelling::datum);
        for (Vorm.Periode<Voorkomen> soortPeriode : Vorm.perioden(i.groep(Groep.SOORT_ONDERWIJS))) {
            String soort = soortPeriode.waarde().waarde();
            if ("00".equals(soort)) {
                continue;
            }
            for (Vorm.Periode<Indicatiestelling> indicatie : indicaties) {
                String indicatiesoort = indicatie.waarde().onderwijssoort();
                if (soortPeriode.overlaptMet(indicatie)
                        && !Waardelijsten.PASSEND_ONDERWIJS.getOrDefault(indicatiesoort, Set.of()).contains(soort)
                        && gemeld.add(soort + "/" + indicatiesoort)) {
                    v.voegToe(catalogus.signaal("345", "soort onderwijs", Map.of(
                            "soortOnderwijs", Waardelijsten.soortOnderwijs(soort),
                            "onderwijssoortIndicatie", Waardelijsten.onderwijssoortIndicatie(indicatiesoort))));
                }
            }
        }
    }

    private boolean geregistreerdMetIndicatie(Verwerking v, Inschrijving i) {
        Inschrijving geregistreerd = v.getPgn() == null ? null : register.inschrijving(v.getPgn(), v.getBrin(), i.datumInschrijving());
        return geregistreerd != null && !geregistreerd.indicatiestellingen().isEmpty();
    }
}
