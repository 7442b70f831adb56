package nl.bronhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route tests notice an operator's edit: on a copy of routes/ a step is taken out (as RoutesAanpassenTest does
 * with a whole hub) or two steps swap places, and the journal no longer shows what the tests of the real files expect.
 */
class OperatorWijzigingRouteTest extends RouteTestBasis {

    @TempDir
    Path kopie;

    @BeforeEach
    void kopieer() throws Exception {
        try (Stream<Path> bestanden = Files.list(Path.of("routes"))) {
            for (Path bestand : bestanden.toList()) {
                Files.copy(bestand, kopie.resolve(bestand.getFileName()));
            }
        }
        routesMap = kopie;
        for (String bean : List.of("adresRegels", "datumRegels", "leeftijdRegels", "instellingRegels", "groepRegels",
                "indicatieRegels", "ambulanteBegeleidingRegels", "mutatieRegels", "auditSpoor", "aanleveringLezer",
                "toegangscontrole", "formaatControle", "berichtOpslag", "aanleverAntwoord")) {
            dubbel(bean, new Stap());
        }
        dubbel("soapFouten", new SoapRouteTest.SoapFouten());
        context.getRegistry().bind("verzoektransactie", new Transactie());
    }

    @Test
    void aRuleTakenOutIsNoticed() throws Exception {
        String stap = """
                        - bean:
                            ref: leeftijdRegels
                            method: controleerAlle
                """;
        bewerk("40-inhoudelijke-controle.camel.yaml", stap, "");
        laad("40-inhoudelijke-controle.camel.yaml");
        context.start();

        template.sendBody("direct:inhoudelijke-controle", "reeks");

        List<String> regels = VerwerkingRouteTest.REEKS.stream().filter(s -> s.endsWith(".controleerAlle")
                && !s.startsWith("gbaControle")).toList();
        assertThat(journaal).isNotEqualTo(regels).doesNotContain("leeftijdRegels.controleerAlle").hasSize(regels.size() - 1);
    }

    @Test
    void twoStepsSwappedAreNoticed() throws Exception {
        String toegang = """
                        - bean:
                            ref: toegangscontrole
                            method: controleer
                """;
        String formaat = """
                        - bean:
                            ref: formaatControle
                            method: controleer
                """;
        bewerk("20-formaatcontrole.camel.yaml", toegang + "        # fields", "        # fields");
        bewerk("20-formaatcontrole.camel.yaml", formaat, formaat + toegang);
        laad("20-formaatcontrole.camel.yaml");
        context.start();

        template.sendBody("direct:aanleveren", "verzoek");

        // the audit step is route 10's; without it, the order SoapRouteTest expects of aanleveren
        List<String> verwacht = SoapRouteTest.AANLEVEREN.subList(0, SoapRouteTest.AANLEVEREN.size() - 1);
        assertThat(journaal).isNotEqualTo(verwacht).containsExactlyInAnyOrderElementsOf(verwacht);
    }

    /** The operator's edit: the text must be there, so that the test cannot pass on a file it did not change. */
    private void bewerk(String bestand, String was, String wordt) throws Exception {
        Path pad = kopie.resolve(bestand);
        String tekst = Files.readString(pad);
        assertThat(tekst).contains(was);
        Files.writeString(pad, tekst.replace(was, wordt));
    }
}
