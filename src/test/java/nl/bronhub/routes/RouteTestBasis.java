package nl.bronhub.routes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.TransactedPolicy;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;

/**
 * A route file from routes/ on its own: a bare Camel context (no hub, no TLS, no database) that loads the real file
 * together with the shared error handling (00-foutafhandeling) and the file import template (01-afleverbestanden).
 * The beans the route names are replaced by {@link Dubbel}s under the same names: each call is written to the
 * {@link #journaal} as "bean.method", and a double throws when told to. Each test loads its files itself, may advise
 * them, and then starts the context.
 */
abstract class RouteTestBasis extends CamelTestSupport {

    /** Where the route files are read: the repository's routes/, or a test's edited copy of it. */
    protected Path routesMap = Path.of("routes");

    /** Every step the routes took, in order, as "bean.method". */
    protected final List<String> journaal = new CopyOnWriteArrayList<>();

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        // started by the test, after loading and advising
        configuration.withUseAdviceWith(true);
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withUseOverridePropertiesWithPropertiesComponent(eigenschappen());
    }

    /** The properties the route files read; a timer fires at once and often, so a test need not wait for it. */
    protected Properties eigenschappen() {
        Properties p = new Properties();
        for (String interval : List.of("bron.verwerking.interval-ms", "bron.verwerking.opschonen-interval-ms",
                "bron.opslag.h2.onderhoud-interval-ms", "bron.terugkoppeling.opschonen-interval-ms", "bron.voortgang.interval-ms",
                "bron.gtb.interval-ms", "bron.gba.mutaties.interval-ms", "bron.gtb.ab-opgaven.interval-ms",
                "bron.afleverbestanden.opschonen-interval-ms")) {
            p.setProperty(interval, "50");
        }
        for (String vertraging : List.of("bron.verwerking.start-vertraging-ms", "bron.voortgang.start-vertraging-ms",
                "bron.gtb.start-vertraging-ms")) {
            p.setProperty(vertraging, "0");
        }
        p.setProperty("bron.mail.uri", "mock:mail");
        return p;
    }

    /** Loads 00-foutafhandeling, 01-afleverbestanden and the given files from {@link #routesMap}, as the hub does. */
    protected void laad(String... bestanden) throws Exception {
        List<Resource> bronnen = new ArrayList<>();
        for (String bestand : List.of("00-foutafhandeling.camel.yaml", "01-afleverbestanden.camel.yaml")) {
            bronnen.add(ResourceHelper.resolveMandatoryResource(context, "file:" + routesMap.resolve(bestand)));
        }
        for (String bestand : bestanden) {
            bronnen.add(ResourceHelper.resolveMandatoryResource(context, "file:" + routesMap.resolve(bestand)));
        }
        // 01's clean-up of verwerkt/ and fout/ runs beside every test: it does nothing unless a test binds the real one
        if (context.getRegistry().lookupByName("afleverbestandenOpschoning") == null) {
            context.getRegistry().bind("afleverbestandenOpschoning", new GeenOpschoning());
        }
        // as config/application.yaml: a template parameter may name a property (routes/90, 97)
        context.getPropertiesComponent().setNestedPlaceholder(true);
        PluginHelper.getRoutesLoader(context).loadRoutes(bronnen);
    }

    /** Registers a double under the bean name a route uses. */
    protected <T extends Dubbel> T dubbel(String naam, T dubbel) {
        dubbel.koppel(naam, journaal);
        context.getRegistry().bind(naam, dubbel);
        return dubbel;
    }

    /** The journal's entries of these beans only, in order. */
    protected List<String> stappenVan(String... beans) {
        List<String> namen = List.of(beans);
        return journaal.stream().filter(s -> namen.contains(s.substring(0, s.indexOf('.')))).toList();
    }

    /** The clean-up's stand-in where a test is not about it: not in the journal, touches nothing. */
    public static class GeenOpschoning {
        public int ruimOp() {
            return 0;
        }
    }

    /**
     * A bean's stand-in: its methods call {@link #stap}, which records "bean.method" and throws when the test said so.
     * Subclasses are public with public methods, so that Camel's bean binding finds them as it finds the real ones.
     */
    public abstract static class Dubbel {
        private String naam;
        private List<String> journaal;
        private volatile String faaltBij;

        void koppel(String naam, List<String> journaal) {
            this.naam = naam;
            this.journaal = journaal;
        }

        /** From now on, the method of this name throws. */
        public Dubbel faalBij(String methode) {
            this.faaltBij = methode;
            return this;
        }

        protected void stap(String methode, Exchange exchange) {
            journaal.add(naam + "." + methode);
            if (methode.equals(faaltBij)) {
                throw new IllegalStateException(naam + "." + methode + " faalt (test)");
            }
        }
    }

    /**
     * A transaction policy's stand-in (bound as the route's {@code transacted: ref}): records "transactie.begin", and at
     * the end of what it wraps "transactie.commit", or "transactie.rollback" when that failed.
     */
    public class Transactie implements TransactedPolicy {
        @Override
        public void beforeWrap(Route route, NamedNode definition) {
        }

        @Override
        public Processor wrap(Route route, Processor processor) {
            return new DelegateAsyncProcessor(processor) {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    journaal.add("transactie.begin");
                    return super.process(exchange, sync -> {
                        journaal.add(exchange.getException() == null ? "transactie.commit" : "transactie.rollback");
                        callback.done(sync);
                    });
                }
            };
        }
    }

    /** A double for a bean whose route only calls its methods: one class for the many beans with one or two methods. */
    public static class Stap extends Dubbel {
        public void controleer(Exchange e) { stap("controleer", e); }
        public void controleerAlle(Exchange e) { stap("controleerAlle", e); }
        public void naIdentificatieAlle(Exchange e) { stap("naIdentificatieAlle", e); }
        public void identificeerAlle(Exchange e) { stap("identificeerAlle", e); }
        public void registreerAlle(Exchange e) { stap("registreerAlle", e); }
        public void zoekAlle(Exchange e) { stap("zoekAlle", e); }
        public void plaatsAlle(Exchange e) { stap("plaatsAlle", e); }
        public void lees(Exchange e) { stap("lees", e); }
        public void slaOp(Exchange e) { stap("slaOp", e); }
        public void antwoord(Exchange e) { stap("antwoord", e); }
        public void vastleggen(Exchange e) { stap("vastleggen", e); }
        public void vastleggenInTransactie(Exchange e) { stap("vastleggenInTransactie", e); }
        public void leesVerzoek(Exchange e) { stap("leesVerzoek", e); }
        public void pagina(Exchange e) { stap("pagina", e); }
        public void ophalingGelukt(Exchange e) { stap("ophalingGelukt", e); }
        public void opschonen(Exchange e) { stap("opschonen", e); }
        public void vraag(Exchange e) { stap("vraag", e); }
        public void vraagAlle(Exchange e) { stap("vraagAlle", e); }
        public void koppelingenAlle(Exchange e) { stap("koppelingenAlle", e); }
        public void claim(Exchange e) { stap("claim", e); }
        public void leesVoor(Exchange e) { stap("leesVoor", e); }
        public void verwerkt(Exchange e) { stap("verwerkt", e); }
        public void compacteer(Exchange e) { stap("compacteer", e); }
        public void controleerFases(Exchange e) { stap("controleerFases", e); }
        public void stelVast(Exchange e) { stap("stelVast", e); }
        public void plan(Exchange e) { stap("plan", e); }
        public void herinner(Exchange e) { stap("herinner", e); }
        public void controleerStand(Exchange e) { stap("controleerStand", e); }
        public void verwerk(Exchange e) { stap("verwerk", e); }
        public void controleerNaam(Exchange e) { stap("controleerNaam", e); }
        public void nietAfwachten(Exchange e) { stap("nietAfwachten", e); }
        public void afwachten(Exchange e) { stap("afwachten", e); }
    }
}
