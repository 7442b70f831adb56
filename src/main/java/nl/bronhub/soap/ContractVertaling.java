package nl.bronhub.soap;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.bronhub.contract.v1.GroepVoorkomen;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.aanlevering.FormaatControle;
import nl.bronhub.model.AmbulanteBegeleiding;
import nl.bronhub.model.Bericht;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.model.Voorkomen;

import static nl.bronhub.model.Leerling.tekst;

/**
 * Between the contract's wire classes (texts, dates as strings) and the typed model the processing works
 * on. Into the model only after the format check, so every date parses and every code is one the contract
 * admits; back into the contract for terugkoppelingen and overviews.
 */
public final class ContractVertaling {

    private ContractVertaling() {
    }

    public static Bericht naarModel(nl.bronhub.contract.v1.Bericht b) {
        return new Bericht(b.getIdentificatie(), Mutatiesoort.van(b.getMutatiesoort()), naarModel(b.getLeerling()),
                b.getInschrijving() == null ? null : naarModel(b.getInschrijving()));
    }

    public static Leerling naarModel(Persoon p) {
        return new Leerling(tekst(p.getBurgerservicenummer()), tekst(p.getOnderwijsnummer()), datum(p.getGeboortedatum()),
                tekst(p.getGeslacht()), tekst(p.getAchternaam()), tekst(p.getVoorvoegsel()), tekst(p.getVoornamen()),
                tekst(p.getStraatnaam()), tekst(p.getHuisnummer()), tekst(p.getHuisnummertoevoeging()), tekst(p.getPostcode()),
                tekst(p.getWoonplaats()), tekst(p.getLandcode()), tekst(p.getAdresregelBuitenland1()),
                tekst(p.getAdresregelBuitenland2()), tekst(p.getAdresregelBuitenland3()), Boolean.TRUE.equals(p.isAdresGeheim()));
    }

    public static Inschrijving naarModel(nl.bronhub.contract.v1.Inschrijving i) {
        Map<Groep, List<Voorkomen>> groepen = new EnumMap<>(Groep.class);
        for (Groep g : Groep.values()) {
            groepen.put(g, opDeDraad(i, g).stream().map(v -> new Voorkomen(datum(v.getIngangsdatum()), tekst(v.getWaarde()))).toList());
        }
        return new Inschrijving(datum(i.getDatumInschrijving()), datum(i.getDatumUitschrijving()),
                tekst(i.getBrinTeruggeplaatsteLeerling()), tekst(i.getAanduidingNnca()), groepen,
                i.getIndicatiestelling().stream().map(x -> new Indicatiestelling(datum(x.getDatumIndicatiestelling()),
                        tekst(x.getOnderwijssoortIndicatie()), tekst(x.getBrinRec()), tekst(x.getCviNummer()))).toList(),
                i.getAmbulanteBegeleiding().stream().map(x -> new AmbulanteBegeleiding(datum(x.getIngangsdatum()),
                        tekst(x.getBrinSchool()))).toList());
    }

    /**
     * A pupil as a school sees them where the register's personal data are not its own to read: what identifies the
     * pupil (number, birth date, sex, achternaam) and, {@code metVoornamen}, their first names; never the address.
     */
    public static Persoon identificatie(Persoon p, boolean metVoornamen) {
        if (p == null) {
            return null;
        }
        Persoon k = new Persoon();
        k.setBurgerservicenummer(p.getBurgerservicenummer());
        k.setOnderwijsnummer(p.getOnderwijsnummer());
        k.setGeboortedatum(p.getGeboortedatum());
        k.setGeslacht(p.getGeslacht());
        k.setAchternaam(p.getAchternaam());
        if (metVoornamen) {
            k.setVoorvoegsel(p.getVoorvoegsel());
            k.setVoornamen(p.getVoornamen());
        }
        return k;
    }

    public static Persoon naarContract(Leerling l) {
        Persoon p = new Persoon();
        p.setBurgerservicenummer(l.bsn());
        p.setOnderwijsnummer(l.onderwijsnummer());
        p.setGeboortedatum(alsTekst(l.geboortedatum()));
        p.setGeslacht(l.geslacht());
        p.setAchternaam(l.achternaam());
        p.setVoorvoegsel(l.voorvoegsel());
        p.setVoornamen(l.voornamen());
        p.setStraatnaam(l.straatnaam());
        p.setHuisnummer(l.huisnummer());
        p.setHuisnummertoevoeging(l.huisnummertoevoeging());
        p.setPostcode(l.postcode());
        p.setWoonplaats(l.woonplaats());
        p.setLandcode(l.landcode());
        p.setAdresregelBuitenland1(l.adresregelBuitenland1());
        p.setAdresregelBuitenland2(l.adresregelBuitenland2());
        p.setAdresregelBuitenland3(l.adresregelBuitenland3());
        p.setAdresGeheim(l.adresGeheim() ? Boolean.TRUE : null);
        return p;
    }

    public static nl.bronhub.contract.v1.Inschrijving naarContract(Inschrijving i) {
        nl.bronhub.contract.v1.Inschrijving x = new nl.bronhub.contract.v1.Inschrijving();
        x.setDatumInschrijving(alsTekst(i.datumInschrijving()));
        x.setDatumUitschrijving(alsTekst(i.datumUitschrijving()));
        x.setBrinTeruggeplaatsteLeerling(i.brinTeruggeplaatsteLeerling());
        x.setAanduidingNnca(i.aanduidingNnca());
        for (Groep g : Groep.values()) {
            i.groep(g).forEach(v -> {
                GroepVoorkomen w = new GroepVoorkomen();
                w.setIngangsdatum(alsTekst(v.ingangsdatum()));
                w.setWaarde(v.waarde());
                opDeDraad(x, g).add(w);
            });
        }
        i.indicatiestellingen().forEach(ind -> {
            nl.bronhub.contract.v1.Indicatiestelling w = new nl.bronhub.contract.v1.Indicatiestelling();
            w.setDatumIndicatiestelling(alsTekst(ind.datum()));
            w.setOnderwijssoortIndicatie(ind.onderwijssoort());
            w.setBrinRec(ind.brinRec());
            w.setCviNummer(ind.cviNummer());
            x.getIndicatiestelling().add(w);
        });
        i.ambulanteBegeleiding().forEach(ab -> {
            nl.bronhub.contract.v1.AmbulanteBegeleiding w = new nl.bronhub.contract.v1.AmbulanteBegeleiding();
            w.setIngangsdatum(alsTekst(ab.ingangsdatum()));
            w.setBrinSchool(ab.brinSchool());
            x.getAmbulanteBegeleiding().add(w);
        });
        return x;
    }

    /** The group's list in the wire class (live: adding to it adds to the inschrijving). */
    private static List<GroepVoorkomen> opDeDraad(nl.bronhub.contract.v1.Inschrijving i, Groep groep) {
        return switch (groep) {
            case VESTIGING -> i.getVestiging();
            case LEERJAAR -> i.getLeerjaar();
            case SOORT_VERBLIJF -> i.getSoortVerblijf();
            case SCHOOLSOORT -> i.getSchoolsoort();
            case SOORT_ONDERWIJS -> i.getSoortOnderwijs();
            case INDICATIE_BEKOSTIGING -> i.getIndicatieBekostiging();
        };
    }

    private static LocalDate datum(String waarde) {
        return waarde == null || waarde.isBlank() ? null : LocalDate.parse(waarde.trim(), FormaatControle.DATUM);
    }

    private static String alsTekst(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
