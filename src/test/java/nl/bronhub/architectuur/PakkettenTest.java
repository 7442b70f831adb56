package nl.bronhub.architectuur;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages as the pipeline has them, kept so: one package per stage (named as its route), the doors
 * (operator, portaal, afnemers) on top, shared ones (signaal, referentie, contract, mail) at the bottom; no
 * cycle between any two. Read from the
 * compiled main classes, not the sources.
 */
class PakkettenTest {

    private static final JavaClasses HUB = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.bronhub");

    @Test
    void geenKringenTussenDePakketten() {
        slices().matching("nl.bronhub.(*)..").should().beFreeOfCycles().check(HUB);
    }

    @Test
    void geenStapHangtAfVanEenDeur() {
        noClasses().that().resideInAPackage("nl.bronhub..").and().resideOutsideOfPackages("nl.bronhub", "nl.bronhub.operator..",
                        "nl.bronhub.portaal..", "nl.bronhub.afnemers..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.bronhub.operator..", "nl.bronhub.portaal..", "nl.bronhub.afnemers..")
                .because("the operator API, the portal and the afnemers' API read and call the stages, never the other way round")
                .check(HUB);
    }

    @Test
    void deGedeeldeBasisHangtVanGeenStapAf() {
        noClasses().that().resideInAnyPackage("nl.bronhub.signaal..", "nl.bronhub.referentie..", "nl.bronhub.contract..", "nl.bronhub.mail..")
                .should().dependOnClassesThat(resideInAPackage("nl.bronhub..")
                        .and(not(resideInAnyPackage("nl.bronhub", "nl.bronhub.signaal..", "nl.bronhub.referentie..", "nl.bronhub.contract..",
                                "nl.bronhub.mail.."))))
                .because("the signal catalogue, the reference register, the contract and the gemachtigde's mail queue are read by every "
                        + "stage and read none")
                .check(HUB);
    }
}
