package nl.bronhub.portaal;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.gtb.AbVergelijking;
import nl.bronhub.gtb.GtbOverzicht;
import nl.bronhub.planning.Contactcontrole;
import nl.bronhub.planning.Planning;
import nl.bronhub.toegang.CertificaatUitgifte;
import nl.bronhub.voortgang.VoortgangStand;
import nl.bronhub.kwalificatie.Kwalificatie;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.registratie.AanleverpuntGegevens;
import nl.bronhub.registratie.AanleverpuntRegister;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school portal ('Mijn BRON', connection plan steps 11-13): the school's voortgang, its GTB per
 * vestiging and peildatum, the AB comparison (WPO), its contact data and normaantallen, and its reactie.
 * PortaalBeveiliging has already made sure that {brin} is the signed-in school.
 */
@Controller
@RequestMapping("/portaal")
public class PortaalController {

    /**
     * The path variable of a school's pages, held to the BRIN pattern: other names under /portaal (the
     * stylesheet, the sign-in page) are not a school's, and reach what serves them.
     */
    static final String BRIN = "{brin:[0-9]{2}[A-Z0-9]{2}}";

    /** Digits 0-9 only: Integer.valueOf would also take other scripts' digits. */
    private static final Pattern GEHEEL_GETAL = Pattern.compile("[0-9]{1,9}");

    /** The largest normaantal a school may give (the largest schools have a few thousand pupils). */
    static final int MAX_NORM = 99_999;

    /** The form's labels, for the register's validation messages (which name the fields). */
    private static final Map<String, String> LABELS = Map.of("normAbLeerlingen", "Normaantal ambulant begeleide leerlingen",
            "normLeerlingen", "Normaantal leerlingen", "gemachtigdeEmail", "E-mailadres gemachtigde",
            "gemachtigdeNaam", "Naam gemachtigde", "bestuurEmail", "E-mailadres bestuur", "bestuurNaam", "Naam bestuur",
            "contactpersoon", "Contactpersoon");

    private final Kwalificatie kwalificatie;
    private final VoortgangStand voortgang;
    private final GtbOverzicht gtb;
    private final AbVergelijking abVergelijking;
    private final AanleverpuntRegister register;
    private final PortaalAccounts accounts;
    private final WachtwoordKeuze wachtwoordKeuze;
    private final Clock klok;
    private final Contactcontrole contactcontrole;
    private final Planning planning;
    private final CertificaatUitgifte uitgifte;

    public PortaalController(Kwalificatie kwalificatie, VoortgangStand voortgang, GtbOverzicht gtb, AbVergelijking abVergelijking,
                             AanleverpuntRegister register, PortaalAccounts accounts, WachtwoordKeuze wachtwoordKeuze, Clock klok,
                             Contactcontrole contactcontrole, Planning planning,
                             CertificaatUitgifte uitgifte) {
        this.uitgifte = uitgifte;
        this.klok = klok;
        this.contactcontrole = contactcontrole;
        this.planning = planning;
        this.accounts = accounts;
        this.wachtwoordKeuze = wachtwoordKeuze;
        this.kwalificatie = kwalificatie;
        this.voortgang = voortgang;
        this.gtb = gtb;
        this.abVergelijking = abVergelijking;
        this.register = register;
    }

    @GetMapping("/inloggen")
    public String inloggen(Model model, HttpServletRequest verzoek) {
        model.addAttribute("blokkade", duur(accounts.blokkade()));
        model.addAttribute("maxPogingen", accounts.maxPogingen());
        // the address as the lock keys it, for the school to read out to the helpdesk (behind an office's router it
        // does not know it); its own address, shown to itself only
        model.addAttribute("internetadres", PortaalAccounts.adres(verzoek.getRemoteAddr()));
        return "portaal/inloggen";
    }

    @GetMapping
    public String start(Principal school) {
        return "redirect:/portaal/" + school.getName();
    }

    @GetMapping("/" + BRIN)
    public String overzicht(@PathVariable String brin, Model model) {
        school(brin, model);
        List<VoortgangStand.Stand> stand = voortgang.vanSchool(brin);
        model.addAttribute("voortgang", stand);
        model.addAttribute("achter", achter(stand));
        return "portaal/overzicht";
    }

    @GetMapping("/" + BRIN + "/gtb")
    public String gtbLijst(@PathVariable String brin, Model model) {
        school(brin, model);
        Map<String, List<GtbOverzicht.PeildatumRegel>> perVestiging = new LinkedHashMap<>();
        gtb.vestigingen(brin).forEach(v -> perVestiging.put(v, gtb.peildata(brin, v)));
        model.addAttribute("perVestiging", perVestiging);
        model.addAttribute("bijwerken", gtb.bijwerken());
        return "portaal/gtb-lijst";
    }

    @GetMapping("/" + BRIN + "/gtb/{vestiging}/{peildatum}")
    public String gtb(@PathVariable String brin, @PathVariable String vestiging,
                      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate peildatum, Model model) {
        school(brin, model);
        // a date between peildata has no GTB: not a page of zeros
        if (!gtb.vestigingen(brin).contains(vestiging) || !gtb.isPeildatum(brin, peildatum)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        GtbOverzicht.Gtb g = gtb.gtb(brin, vestiging, peildatum);
        model.addAttribute("gtb", g);
        model.addAttribute("telNiet", g.signalen());
        model.addAttribute("telt", g.attentiesignalen());
        model.addAttribute("later", g.laterMeegeteld());
        model.addAttribute("namen", gtb.namen(brin, vestiging, peildatum));
        return "portaal/gtb";
    }

    @GetMapping("/" + BRIN + "/ab")
    public String ab(@PathVariable String brin, Model model) {
        school(brin, model);
        // only a WPO school has an AB comparison (its menu shows it only then)
        if (!Boolean.TRUE.equals(model.getAttribute("wpo"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("heeftOpgave", abVergelijking.heeftOpgave(brin));
        model.addAttribute("regels", abVergelijking.vergelijk(brin));
        return "portaal/ab";
    }

    @GetMapping("/" + BRIN + "/gegevens")
    public String gegevens(@PathVariable String brin, Model model) {
        school(brin, model);
        model.addAttribute("aanleverpunten", register.vanSchool(brin));
        return "portaal/gegevens";
    }

    /** The certificate of each aanleverpunt: obtained by the school's CSR, once per wachtwoordbrief (connection plan step 9). */
    @GetMapping("/" + BRIN + "/certificaat")
    public String certificaat(@PathVariable String brin, Model model) {
        school(brin, model);
        model.addAttribute("certificaten", register.vanSchool(brin).stream().map(a -> uitgifte.stand(brin, a.aanleverpuntnummer())).toList());
        model.addAttribute("zone", klok.getZone());
        return "portaal/certificaat";
    }

    @PostMapping("/" + BRIN + "/certificaat/{nummer}")
    public String vraagCertificaatAan(@PathVariable String brin, @PathVariable String nummer, @RequestParam(required = false) String csr,
                                      Model model) {
        register.zoek(brin, nummer).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            model.addAttribute("uitgegeven", uitgifte.geefUit(brin, nummer, csr));
            model.addAttribute("uitgegevenVoor", nummer);
        } catch (OngeldigeInvoer fout) {
            model.addAttribute("fout", fout.getMessage());
            model.addAttribute("foutBij", nummer);
        }
        return certificaat(brin, model);
    }

    /** The aanleverpunt's latest certificate as a file (a certificate is public; its key stayed with the school). */
    @GetMapping(value = "/" + BRIN + "/certificaat/{nummer}/certificaat.pem")
    public ResponseEntity<String> certificaatBestand(@PathVariable String brin, @PathVariable String nummer) {
        String pem = uitgifte.laatstePem(brin, nummer).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header("Content-Disposition", "attachment; filename=\"" + brin + "-" + nummer + ".pem\"").body(pem);
    }

    /**
     * The address a form posts to, opened as a page (reloaded after a refused save, a bookmark of it): the form's own page,
     * where it was a 405 page without the menu.
     */
    @GetMapping("/" + BRIN + "/gegevens/{nummer}")
    public String naarGegevens(@PathVariable String brin, @PathVariable String nummer) {
        return "redirect:/portaal/" + brin + "/gegevens";
    }

    /** As naarGegevens, for the certificate forms. */
    @GetMapping("/" + BRIN + "/certificaat/{nummer}")
    public String naarCertificaat(@PathVariable String brin, @PathVariable String nummer) {
        return "redirect:/portaal/" + brin + "/certificaat";
    }

    /** The school confirms its contact data as they are (connection plan step 2 or 7). */
    @PostMapping("/" + BRIN + "/gegevens/bevestigd")
    public String bevestig(@PathVariable String brin, RedirectAttributes doorgeven) {
        if (contactcontrole.bevestig(brin)) {
            doorgeven.addFlashAttribute("melding", "Dank u: uw contactgegevens zijn bevestigd.");
        }
        return "redirect:/portaal/" + brin + "/gegevens";
    }

    @PostMapping("/" + BRIN + "/gegevens/{nummer}")
    public String wijzigGegevens(@PathVariable String brin, @PathVariable String nummer, @RequestParam Map<String, String> invoer,
                                 Model model, RedirectAttributes doorgeven) {
        if (register.zoek(brin, nummer).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (contactcontrole.stand(brin).map(Contactcontrole.Stand::bevroren).orElse(false)) {
            // the week before the start: the wachtwoordbrief goes to the data as they are (connection plan step 7)
            model.addAttribute("fout", "In de week voor de start van uw fase aansluiting wijzigt u uw gegevens niet: de wachtwoordbrief "
                    + "gaat naar de gegevens die nu bekend zijn. Klopt er iets niet, neem dan contact op met de helpdesk.");
            return gegevens(brin, model);
        }
        try {
            // read and written under the aanleverpunt's lock: an operator's change at the same time keeps its fields
            register.wijzig(brin, nummer, nu -> {
                // the form shows the data of its moment: if they changed since (the helpdesk, another window), saving it
                // would put the old values back unseen. A form without the mark is not the portal's form: refused as
                // well (a hostile look left it out and overwrote what it had not seen)
                String versie = invoer.get("versie");
                if (versie == null || !versie.equals(nu.versie())) {
                    throw new IntussenGewijzigd();
                }
                // the mails of the phase go to these two addresses: once given, a school corrects them but does not empty
                // them (every voortgangsmail, reminder and the end-of-phase message would go nowhere, and nobody be told)
                blijftGevuld("gemachtigdeEmail", nu.gemachtigdeEmail(), tekst(invoer, "gemachtigdeEmail"));
                blijftGevuld("bestuurEmail", nu.bestuurEmail(), tekst(invoer, "bestuurEmail"));
                return nu.doorSchool(tekst(invoer, "contactpersoon"), tekst(invoer, "gemachtigdeNaam"),
                        tekst(invoer, "gemachtigdeEmail"), tekst(invoer, "bestuurNaam"), tekst(invoer, "bestuurEmail"),
                        norm(invoer, "normLeerlingen", "Normaantal leerlingen", nu.normLeerlingen(), 1),
                        norm(invoer, "normAbLeerlingen", "Normaantal ambulant begeleide leerlingen", nu.normAbLeerlingen(), 0));
            }).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IntussenGewijzigd intussen) {
            // the form again with the data as they are now, not as they were sent
            model.addAttribute("fout", "De gegevens van aanleverpunt " + nummer + " zijn intussen gewijzigd (door de helpdesk of in een "
                    + "ander venster). Hieronder staan ze zoals ze nu zijn: breng uw wijziging opnieuw aan en sla op.");
            return gegevens(brin, model);
        } catch (OngeldigeInvoer fout) {
            String tekst = fout.getMessage();
            for (Map.Entry<String, String> label : LABELS.entrySet()) {
                tekst = tekst.replace(label.getKey(), label.getValue());
            }
            model.addAttribute("fout", tekst);
            model.addAttribute("foutBij", nummer);
            model.addAttribute("invoer", invoer);
            return gegevens(brin, model);
        }
        // corrected data are checked data: the open step of the contact check is done
        contactcontrole.bevestig(brin);
        doorgeven.addFlashAttribute("melding", "De gegevens van aanleverpunt " + nummer + " zijn opgeslagen.");
        return "redirect:/portaal/" + brin + "/gegevens";
    }

    @GetMapping("/" + BRIN + "/reactie")
    public String reactie(@PathVariable String brin, Model model) {
        school(brin, model);
        model.addAttribute("reacties", Kwalificatie.Reactie.values());
        return "portaal/reactie";
    }

    @PostMapping("/" + BRIN + "/reactie")
    public String geefReactie(@PathVariable String brin, @RequestParam(required = false) String reactie,
                              @RequestParam(required = false) String bevestigd, Model model, RedirectAttributes doorgeven) {
        Kwalificatie.Reactie gekozen;
        try {
            gekozen = Kwalificatie.Reactie.valueOf(reactie == null ? "" : reactie);
        } catch (IllegalArgumentException geenKeuze) {
            model.addAttribute("fout", "Kies een van de vier reacties.");
            return reactie(brin, model);
        }
        // akkoord qualifies the school at once and for good: first a page with the scores, then a second click
        if (gekozen == Kwalificatie.Reactie.AKKOORD && !"ja".equals(bevestigd)) {
            return "redirect:/portaal/" + brin + "/reactie/akkoord";
        }
        String melding = switch (kwalificatie.reageer(brin, gekozen)) {
            case GEKWALIFICEERD -> "Uw school is gekwalificeerd. U en uw bestuur ontvangen hierover bericht per e-mail.";
            case OPGESLAGEN -> "Uw reactie is opgeslagen: " + gekozen.tekst + ". U kunt uw gegevens aanvullen en later akkoord geven.";
            case FASE_VOORBIJ -> "De fase aansluiting is afgerond; een reactie is niet meer mogelijk.";
            case NIET_BEGONNEN -> "De fase aansluiting van uw school is nog niet begonnen; uw reactie geeft u in de fase.";
            case GEEN_FASE -> "Uw school is niet in de fase aansluiting.";
        };
        doorgeven.addFlashAttribute("melding", melding);
        return "redirect:/portaal/" + brin + "/reactie";
    }

    /**
     * The confirmation before akkoord: the scores and the latest GTB counts, and in plain words what
     * akkoord means, above all when the scores are not as expected.
     */
    @GetMapping("/" + BRIN + "/reactie/akkoord")
    public String bevestigAkkoord(@PathVariable String brin, Model model) {
        school(brin, model);
        List<VoortgangStand.Stand> stand = voortgang.vanSchool(brin);
        model.addAttribute("voortgang", stand);
        // also before week 3, when no score is judged yet: fewer pupils than the normaantal is what akkoord would fix
        boolean beoordeeld = achter(stand);
        model.addAttribute("achter", beoordeeld || onderNorm(stand));
        model.addAttribute("beoordeeld", beoordeeld);
        model.addAttribute("laatsteGtb", gtb.laatste(brin));
        return "portaal/akkoord";
    }

    @GetMapping("/" + BRIN + "/wachtwoord")
    public String wachtwoord(@PathVariable String brin, Model model) {
        school(brin, model);
        return wachtwoordKeuze.formulier(model);
    }

    @PostMapping("/" + BRIN + "/wachtwoord")
    public String kiesWachtwoord(@PathVariable String brin, @RequestParam(required = false) String huidig,
                                 @RequestParam(required = false) String nieuw, @RequestParam(required = false) String herhaling,
                                 HttpServletRequest verzoek, Model model, RedirectAttributes doorgeven) {
        return wachtwoordKeuze.kies(brin, huidig, nieuw, herhaling, verzoek, model, doorgeven, () -> wachtwoord(brin, model));
    }

    private void school(String brin, Model model) {
        Kwalificatie.Stand stand = kwalificatie.stand(brin).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("school", stand);
        model.addAttribute("wpo", stand.soort() == Instelling.Soort.WPO);
        // before a planned phase: its week and window (the first vooraankondiging, online) and the contact check
        model.addAttribute("startweek", BestuurController.startweek(planning, brin));
        contactcontrole.stand(brin).ifPresent(c -> model.addAttribute("controle", c));
    }

    /** Whether a score of the school is not as expected (a score without a normaantal is not judged). */
    static boolean achter(List<VoortgangStand.Stand> stand) {
        return stand.stream().flatMap(v -> Stream.of(v.leerlingen(), v.ab()))
                .anyMatch(s -> Boolean.FALSE.equals(s.volgensVerwachting()));
    }

    /** Whether fewer pupils (or AB pupils) are in BRON than a normaantal the school gave: the end mail's warning too. */
    static boolean onderNorm(List<VoortgangStand.Stand> stand) {
        return stand.stream().flatMap(v -> Stream.of(v.leerlingen(), v.ab()))
                .anyMatch(s -> s.norm() != null && s.norm() > 0 && s.aantal() < s.norm());
    }

    static String duur(Duration d) {
        if (d.toSeconds() < 60) {
            return d.toSeconds() == 1 ? "1 seconde" : d.toSeconds() + " seconden";
        }
        long minuten = (d.toSeconds() + 59) / 60;
        return minuten == 1 ? "1 minuut" : minuten + " minuten";
    }

    /**
     * A text field as the school meant it: without surrounding spaces, empty as none. A control character
     * inside (a tab, a line break, NUL) belongs in no name or address; it would end up in mails and in the
     * database (PostgreSQL takes no NUL at all), so it is refused.
     */
    private static void blijftGevuld(String veld, String was, String wordt) {
        if (was != null && wordt == null) {
            throw new OngeldigeInvoer(veld, veld + " mag niet leeg zijn: de berichten over de fase aansluiting gaan naar dit adres. "
                    + "Vul het juiste adres in.");
        }
    }

    private static String tekst(Map<String, String> invoer, String veld) {
        String getypt = invoer.get(veld) == null ? "" : invoer.get(veld);
        String waarde = getypt.trim();
        if (waarde.codePoints().anyMatch(Character::isISOControl)) {
            throw new OngeldigeInvoer(veld + " bevat een teken dat er niet in hoort (zoals een tab of een regeleinde)");
        }
        // spaces alone are not a way to empty a field: they emptied a name unasked (a hostile school's finding)
        if (waarde.isEmpty() && !getypt.isEmpty()) {
            throw new OngeldigeInvoer(veld + " bevat alleen spaties: vul het in, of maak het helemaal leeg");
        }
        return waarde.isEmpty() ? null : waarde;
    }

    /**
     * A normaantal as the school gives it: digits only. Once given it stays given (an empty field would leave the score
     * unjudged, and the school behind would not be told so), and the pupils' one is at least 1 (a 0 does the same).
     */
    private static Integer norm(Map<String, String> invoer, String veld, String naam, Integer eerder, int minstens) {
        String waarde = tekst(invoer, veld);
        if (waarde == null) {
            if (eerder != null) {
                throw new OngeldigeInvoer(naam + " is al opgegeven en kan niet worden leeggemaakt; vul het juiste aantal in");
            }
            return null;
        }
        if (!GEHEEL_GETAL.matcher(waarde).matches()) {
            throw new OngeldigeInvoer(naam + " moet een geheel getal zijn, alleen cijfers (hoogstens " + MAX_NORM + ")");
        }
        int getal = Integer.parseInt(waarde);
        if (getal < minstens) {
            throw new OngeldigeInvoer(naam + " moet minstens " + minstens + " zijn");
        }
        // no school has that many pupils: a typo (a digit too many) would make every score look far behind
        if (getal > MAX_NORM) {
            throw new OngeldigeInvoer(naam + " moet hoogstens " + MAX_NORM + " zijn");
        }
        return getal;
    }

    /** A save of a form whose data changed since it was shown (its mark is not the stored data's): nothing is written. */
    private static final class IntussenGewijzigd extends RuntimeException {
        IntussenGewijzigd() {
            super(null, null, false, false);
        }
    }
}
