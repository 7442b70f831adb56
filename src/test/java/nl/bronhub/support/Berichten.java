package nl.bronhub.support;

import java.util.UUID;

import nl.bronhub.contract.v1.AmbulanteBegeleiding;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.GroepVoorkomen;
import nl.bronhub.contract.v1.Indicatiestelling;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;

/** Test data in the contract's shape: pupils and WEC enrolments as a LAS would send them. */
public final class Berichten {

    private Berichten() {
    }

    /** Sanne Jansen, a person in the GBA stub (src/test/resources/gba/personen.yaml, a copy of config/gba/personen.yaml) (public test BSN). */
    public static Persoon sanne() {
        return leerling("999993847", "2016-03-14", "V", "Jansen", "3511AB");
    }

    public static Persoon leerling(String bsn, String geboortedatum, String geslacht, String achternaam, String postcode) {
        Persoon p = new Persoon();
        p.setBurgerservicenummer(bsn);
        p.setGeboortedatum(geboortedatum);
        p.setGeslacht(geslacht);
        p.setAchternaam(achternaam);
        p.setStraatnaam("Teststraat");
        p.setHuisnummer("1");
        p.setPostcode(postcode);
        p.setWoonplaats("Utrecht");
        return p;
    }

    /**
     * A pupil without a persoonsgebonden nummer: the hub assigns an onderwijsnummer (757). The surname
     * is new each time, so the hub cannot take it for a pupil of another test (756).
     */
    public static Persoon zonderPgn(String geboortedatum) {
        return leerling(null, geboortedatum, "M", "Zonder-Nummer-" + uniekeLetters(), "1234AB");
    }

    /** Ten random letters (a to p): unique enough for a name, and never a run of digits. */
    public static String uniekeLetters() {
        StringBuilder s = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            s.append((char) ('a' + Character.digit(c, 16)));
        }
        return s.toString();
    }

    /** A regular WEC enrolment with every group starting on datumInschrijving and one indication. */
    public static Inschrijving wec(String datumInschrijving) {
        Inschrijving i = new Inschrijving();
        i.setDatumInschrijving(datumInschrijving);
        i.setAanduidingNnca("1");
        i.getVestiging().add(groep(datumInschrijving, "01"));
        i.getLeerjaar().add(groep(datumInschrijving, "3"));
        i.getSoortVerblijf().add(groep(datumInschrijving, "0"));
        i.getSchoolsoort().add(groep(datumInschrijving, "1"));
        i.getSoortOnderwijs().add(groep(datumInschrijving, "33"));
        i.getIndicatieBekostiging().add(groep(datumInschrijving, "J"));
        i.getIndicatiestelling().add(indicatie(datumInschrijving, "33", "1234567"));
        return i;
    }

    /** A WPO enrolment: vestiging 01 and leerjaar 1 only. */
    public static Inschrijving wpo(String datumInschrijving) {
        Inschrijving i = new Inschrijving();
        i.setDatumInschrijving(datumInschrijving);
        i.getVestiging().add(groep(datumInschrijving, "01"));
        i.getLeerjaar().add(groep(datumInschrijving, "1"));
        return i;
    }

    /** An indicatiestelling of REC 12RC. */
    public static Indicatiestelling indicatie(String datum, String onderwijssoort, String cviNummer) {
        Indicatiestelling ind = new Indicatiestelling();
        ind.setDatumIndicatiestelling(datum);
        ind.setOnderwijssoortIndicatie(onderwijssoort);
        ind.setBrinRec("12RC");
        ind.setCviNummer(cviNummer);
        return ind;
    }

    /**
     * Ambulante begeleiding from {@code datum} of a pupil at {@code school}, by the given vestiging: every
     * group 0 (soort onderwijs 00) from that date, an indication for 33 of 15 June 2026.
     */
    public static Inschrijving ambulant(String datum, String school, String vestiging) {
        Inschrijving i = new Inschrijving();
        i.setDatumInschrijving(datum);
        i.setAanduidingNnca("0");
        i.getVestiging().add(groep(datum, vestiging));
        i.getLeerjaar().add(groep(datum, "0"));
        i.getSoortVerblijf().add(groep(datum, "0"));
        i.getSchoolsoort().add(groep(datum, "0"));
        i.getSoortOnderwijs().add(groep(datum, "00"));
        i.getIndicatieBekostiging().add(groep(datum, "J"));
        i.getIndicatiestelling().add(indicatie("2026-06-15", "33", "7654321"));
        AmbulanteBegeleiding ab = new AmbulanteBegeleiding();
        ab.setIngangsdatum(datum);
        ab.setBrinSchool(school);
        i.getAmbulanteBegeleiding().add(ab);
        return i;
    }

    public static GroepVoorkomen groep(String ingangsdatum, String waarde) {
        GroepVoorkomen g = new GroepVoorkomen();
        g.setIngangsdatum(ingangsdatum);
        g.setWaarde(waarde);
        return g;
    }

    public static Bericht inschrijven(Persoon leerling, Inschrijving inschrijving) {
        return bericht("inschrijven", leerling, inschrijving);
    }

    public static Bericht aanmelden(Persoon leerling) {
        return bericht("aanmelden", leerling, null);
    }

    public static Bericht bericht(String mutatiesoort, Persoon leerling, Inschrijving inschrijving) {
        Bericht b = new Bericht();
        b.setIdentificatie(nieuweIdentificatie());
        b.setMutatiesoort(mutatiesoort);
        b.setLeerling(leerling);
        b.setInschrijving(inschrijving);
        return b;
    }

    /** Unique, and letters only: a UUID's digit runs can pass the elfproef and trip LogPrivacyTest by chance. */
    public static String nieuweIdentificatie() {
        return "b-" + uniekeLetters() + uniekeLetters();
    }
}
