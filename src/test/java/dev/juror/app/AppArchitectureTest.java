package dev.juror.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workbench's own layering: view models stay testable without a toolkit; screens do not reach into each other. */
class AppArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importAppClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.juror.app");
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.fxmisc..")
                .because("view models are unit-tested without a toolkit")
                .check(classes);
    }

    @Test
    void screensKnowNeitherTheShellNorTheCompositionRoot() {
        noClasses().that().resideInAPackage("dev.juror.app.review..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.juror.app.shell..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.juror.app.Workbench")
                .check(classes);
    }

    @Test
    void nothingPrintsToTheStandardStreams() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the workbench logs through SLF4J")
                .check(classes);
    }
}
