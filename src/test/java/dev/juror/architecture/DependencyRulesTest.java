package dev.juror.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.juror.testing.MainClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md, enforced on the compiled main classes. Plain JUnit tests
 * (not the ArchUnit engine) so Surefire counts and reports each rule.
 */
class DependencyRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = MainClasses.all();
    }

    private static final String[] ENGINES = {
        "dev.juror.rubric..", "dev.juror.dataset..", "dev.juror.judge..", "dev.juror.reward..",
        "dev.juror.calibration..", "dev.juror.store..", "dev.juror.export..", "dev.juror.batch.."
    };

    private static final ArchRule enginesKnowNoUi = noClasses().that().resideInAnyPackage(ENGINES)
            .should().dependOnClassesThat().resideInAnyPackage("dev.juror.app..", "dev.juror.cli..",
                    "javafx..", "org.fxmisc..")
            .because("engines are plain Java, testable without a screen (DESIGN.md)");

    private static final ArchRule lambdaPartsHaveNoDatabase = noClasses()
            .that().resideInAnyPackage("dev.juror.reward..", "dev.juror.judge..", "dev.juror.rubric..",
                    "dev.juror.dataset..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.juror.store..", "org.h2..",
                    "org.flywaydb..", "java.sql..")
            .because("the reward Lambda is built from these packages and has no database");

    private static final ArchRule lambdaUsesOnlyItsEngines = noClasses().that().resideInAPackage("dev.juror.lambda..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.juror.store..", "dev.juror.calibration..",
                    "dev.juror.export..", "dev.juror.cli..", "dev.juror.app..", "javafx..", "org.fxmisc..",
                    "org.h2..", "picocli..", "dev.juror.batch..", "software.amazon.awssdk.services.s3..",
                    "software.amazon.awssdk.services.bedrock..")
            .because("lambda -> reward, judge, rubric, dataset only");

    private static final ArchRule cliNeverTouchesTheUi = noClasses().that().resideInAPackage("dev.juror.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.juror.app..", "javafx..", "org.fxmisc..")
            .because("cli -> engines; the command line must run without the JavaFX toolkit");

    /** The use-case layer between store and the front ends: only cli and app (and Main) may call it. */
    private static final ArchRule onlyFrontEndsUseTheWorkspaceLayer = noClasses()
            .that().resideOutsideOfPackages("dev.juror.workspace..", "dev.juror.cli..", "dev.juror.app..", "dev.juror")
            .should().dependOnClassesThat().resideInAPackage("dev.juror.workspace..")
            .because("workspace holds the use cases over store and the engines; cli and app call it, the engines, "
                    + "store and the Lambda never do");

    private static final ArchRule workspaceLayerKnowsNoFrontEnd = noClasses().that().resideInAPackage("dev.juror.workspace..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.juror.app..", "dev.juror.cli..", "javafx..",
                    "org.fxmisc..", "picocli..")
            .because("the command line and the workbench share the use cases, so they know neither");
    /** Every package is its own slice, sub-packages included: {@code judge} and {@code judge.output} are two. */
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.juror.(**)").should().beFreeOfCycles()
            .because("a cycle makes two packages one unit that can only be understood, tested and changed together");

    @Test
    void noCyclesBetweenAnyPackages() {
        noCyclesBetweenPackages.check(classes);
    }

    @Test
    void theCycleRuleCatchesACycleBetweenSubPackages() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("dev.juror.architecture.fixtures.cycle");
        assertThat(noCyclesBetweenPackages.evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("fixtures.cycle.one").contains("fixtures.cycle.two"));
    }

    @Test
    void enginesKnowNoUi() {
        enginesKnowNoUi.allowEmptyShould(true).check(classes);
    }

    @Test
    void lambdaPartsHaveNoDatabase() {
        lambdaPartsHaveNoDatabase.allowEmptyShould(true).check(classes);
    }

    @Test
    void lambdaUsesOnlyItsEngines() {
        lambdaUsesOnlyItsEngines.allowEmptyShould(true).check(classes);
    }

    @Test
    void cliNeverTouchesTheUi() {
        cliNeverTouchesTheUi.allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyFrontEndsUseTheWorkspaceLayer() {
        onlyFrontEndsUseTheWorkspaceLayer.check(classes);
    }

    @Test
    void workspaceLayerKnowsNoFrontEnd() {
        workspaceLayerKnowsNoFrontEnd.check(classes);
    }

    /** A class outside cli and app that calls the export use case, as an engine or store class might. */
    static final class EngineCallingAUseCase {
        Object export(dev.juror.workspace.ExportService service) {
            return service;
        }
    }

    @Test
    void theWorkspaceLayerRuleCatchesAnEngineThatCallsIt() {
        JavaClasses offender = new ClassFileImporter().importClasses(EngineCallingAUseCase.class,
                dev.juror.workspace.ExportService.class);
        assertThatThrownBy(() -> onlyFrontEndsUseTheWorkspaceLayer.check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("EngineCallingAUseCase");
    }
}
