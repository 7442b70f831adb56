package nl.bronhub.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

import nl.bronhub.contract.v1.Indicatiestelling;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.intake.Waardelijsten;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.reference.Instelling;
import nl.bronhub.reference.Instellingen;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.processing.Verwerking.datum;
import static nl.bronhub.processing.Verwerking.gevuld;
import static nl.bronhub.signal.SignaalCatalogus.datum;

/**
 * The indicatiestelling (handbook 8.5): not in the future (326), not after the uitschrijving (325),
 * a REC BRIN and CVI-nummer except for cluster 1 and VGK institutions (740), and the soort onderwijs
 * fitting the indication (345).
 */
@Component
public class IndicatieRegels implements InhoudRegel {

    private final Instellingen instellingen;
    private final SignaalCatalogus catalogus;
    private final Clock klok;

    public IndicatieRegels(Instellingen instellingen, SignaalCatalogus catalogus, Clock klok) {
        this.instellingen = instellingen;
        this.catalogus = catalogus;
        this.klok = klok;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("325", "326", "345", "740");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.getBericht().getInschrijving();
        if (i == null || i.getIndicatiestelling().isEmpty()) {
            return;
        }
        boolean vgk = instellingen.zoek(v.getBrin()).map(s -> s.isEen(Instelling.Soort.VGK)).orElse(false);
        LocalDate vandaag = LocalDate.now(klok);
        LocalDate uitschrijving = datum(i.getDatumUitschrijving());
        for (Indicatiestelling ind : i.getIndicatiestelling()) {
            LocalDate d = datum(ind.getDatumIndicatiestelling());
            if (d.isAfter(vandaag)) {
                v.voegToe(catalogus.signaal("326", "datum indicatiestelling", Map.of("waarde", datum(d))));
            }
            if (uitschrijving != null && d.isAfter(uitschrijving)) {
                v.voegToe(catalogus.signaal("325", "datum indicatiestelling", Map.of("waarde", datum(d))));
            }
            if (!vgk && !Waardelijsten.ZONDER_REC.contains(ind.getOnderwijssoortIndicatie().trim())) {
                if (!gevuld(ind.getBrinRec())) {
                    v.voegToe(catalogus.signaal("740", "BRIN-nummer REC indicatiestelling"));
                }
                if (!gevuld(ind.getCviNummer())) {
                    v.voegToe(catalogus.signaal("740", "CVI-nummer"));
                }
            }
        }
        Indicatiestelling laatste = i.getIndicatiestelling().stream()
                .max(Comparator.comparing(x -> datum(x.getDatumIndicatiestelling()))).orElseThrow();
        i.getSoortOnderwijs().stream().max(Comparator.comparing(g -> datum(g.getIngangsdatum())))
                .map(g -> g.getWaarde().trim())
                .filter(soort -> !"00".equals(soort))
                .filter(soort -> !Waardelijsten.PASSEND_ONDERWIJS.getOrDefault(laatste.getOnderwijssoortIndicatie().trim(), Set.of())
                        .contains(soort))
                .ifPresent(soort -> v.voegToe(catalogus.signaal("345", "soort onderwijs", Map.of(
                        "soortOnderwijs", Waardelijsten.soortOnderwijs(soort),
                        "onderwijssoortIndicatie", Waardelijsten.onderwijssoortIndicatie(laatste.getOnderwijssoortIndicatie().trim())))));
    }
}
