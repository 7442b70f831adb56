package nl.bronhub.controle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
        // a wijzigen or uitschrijving may leave out the indications the register holds: they are never removed, so the
        // rules judge the enrolment as it will stand, those kept included (a hostile LAS registered a soort onderwijs that
        // no kept indication fits, and an uitschrijving before a kept indication, by leaving them out)
        // (the register is asked for a wijzigen or uitschrijven only: an inschrijven brings its own indications, and the
        // register is not asked for every new pupil)
        boolean wijzigt = v.is(Mutatiesoort.WIJZIGEN) || v.is(Mutatiesoort.UITSCHRIJVEN);
        List<Indicatiestelling> gehouden = wijzigt ? gehouden(geregistreerd(v, i), i) : List.of();
        if (i.indicatiestellingen().isEmpty() && gehouden.isEmpty()) {
            // handbook 7.3.1, 7.3.2, 8.5: only a crisis-, observatie- or residential place is taken without one (for a
            // wijzigen or uitschrijven the register was asked above, and keeps none)
            if (!v.is(Mutatiesoort.VERWIJDEREN) && Vorm.vraagtIndicatie(i) && (wijzigt || !heeftIndicatie(geregistreerd(v, i)))) {
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
        for (Indicatiestelling ind : gehouden) {
            if (uitschrijving != null && ind.datum().isAfter(uitschrijving)) {
                v.voegToe(catalogus.signaal("325", "datum indicatiestelling", Map.of("waarde", datum(ind.datum()))));
            }
        }
        // every period in which a soort onderwijs and an indication are both in force, not only the latest of each
        Set<String> gemeld = new HashSet<>();
        List<Indicatiestelling> alle = new ArrayList<>(i.indicatiestellingen());
        alle.addAll(gehouden);
        List<Vorm.Periode<Indicatiestelling>> indicaties = Vorm.perioden(alle, Indicatiestelling::datum);
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

    /** The enrolment as the register holds it, or null (no number, or not registered). */
    private Inschrijving geregistreerd(Verwerking v, Inschrijving i) {
        return register.inschrijving(v.registerNummers(), v.getBrin(), i.datumInschrijving());
    }

    private static boolean heeftIndicatie(Inschrijving geregistreerd) {
        return geregistreerd != null && !geregistreerd.indicatiestellingen().isEmpty();
    }

    /**
     * The registered indications of this enrolment that the bericht does not repeat (the register keeps them; one with the
     * same date and onderwijssoort is the same indication).
     */
    private static List<Indicatiestelling> gehouden(Inschrijving geregistreerd, Inschrijving i) {
        if (geregistreerd == null) {
            return List.of();
        }
        return geregistreerd.indicatiestellingen().stream()
                .filter(r -> i.indicatiestellingen().stream()
                        .noneMatch(x -> x.datum().equals(r.datum()) && x.onderwijssoort().equals(r.onderwijssoort())))
                .toList();
    }
}
