package nl.bronhub.signaal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.bronhub.ConfigLezer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The signal catalogue from config/: code, severity and Dutch text with {placeholders}.
 * Operators change texts there; a rule raising a code the file lacks stops the hub at start-up.
 */
@Component
public class SignaalCatalogus implements SmartInitializingSingleton {

    public static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static final Pattern PLAATSHOUDER = Pattern.compile("\\{(\\w+)}");

    record Definitie(String ernst, String tekst) {
    }

    record Bestand(Map<String, Definitie> signalen) {
    }

    private final Map<String, Definitie> definities;
    private final ApplicationContext context;

    public SignaalCatalogus(SignaalEigenschappen eigenschappen, ConfigLezer config, ApplicationContext context) {
        this.definities = Map.copyOf(config.lees(eigenschappen.bestand(), Bestand.class, "Signal catalogue").signalen());
        definities.forEach((code, d) -> Ernst.van(d.ernst()));
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Set<String> ontbrekend = new TreeSet<>();
        context.getBeansOfType(SignaalBron.class).values()
                .forEach(bron -> bron.signaalcodes().stream().filter(c -> !definities.containsKey(c)).forEach(ontbrekend::add));
        if (!ontbrekend.isEmpty()) {
            throw new IllegalStateException("Signal catalogue lacks codes raised by the hub's rules: " + ontbrekend);
        }
    }

    public Signaal signaal(String code) {
        return signaal(code, null, Map.of());
    }

    public Signaal signaal(String code, String gegeven) {
        return signaal(code, gegeven, gegeven == null ? Map.of() : Map.of("gegeven", gegeven));
    }

    /** A signal with its text filled in; every placeholder of the text must be given. */
    public Signaal signaal(String code, String gegeven, Map<String, String> waarden) {
        Definitie d = definities.get(code);
        if (d == null) {
            throw new IllegalArgumentException("Unknown signal code " + code);
        }
        // one pass: a filled-in value may itself contain braces (XSD messages quote {namespace}element)
        Matcher m = PLAATSHOUDER.matcher(d.tekst());
        StringBuilder tekst = new StringBuilder();
        while (m.find()) {
            String waarde = waarden.get(m.group(1));
            if (waarde == null) {
                throw new IllegalArgumentException("Signal " + code + " needs a value for {" + m.group(1) + "}");
            }
            m.appendReplacement(tekst, Matcher.quoteReplacement(waarde));
        }
        m.appendTail(tekst);
        return new Signaal(code, Ernst.van(d.ernst()), tekst.toString(), gegeven);
    }

    public Set<String> codes() {
        return definities.keySet();
    }

    public static String datum(LocalDate datum) {
        return datum == null ? "" : DATUM.format(datum);
    }
}
