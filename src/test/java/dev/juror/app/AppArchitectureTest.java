package dev.juror.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.juror.testing.MainClasses;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workbench's own layering: view models stay testable without a toolkit; screens do not reach
 * into each other. Every sub-package of {@code app} is a screen except the shared ones below and the
 * shell, so a new screen package is covered without editing this test.
 */
class AppArchitectureTest {

    private static final String APP = "dev.juror.app";

    /** Shared by the screens: background work, UI helpers, the open workspace, the user's settings. */
    static final Set<String> SHARED = Set.of("tasks", "ui", "workspace", "settings");

    /** The window around the screens; with the classes of {@code app} itself it is the composition root. */
    static final String SHELL = "shell";

    private static JavaClasses classes;

    @BeforeAll
    static void importAppClasses() {
        classes = MainClasses.all().that(JavaClass.Predicates.resideInAPackage(APP + ".."));
    }

    /** The first package segment under {@code root} ({@code review} for {@code dev.juror.app.review.x}). */
    static Optional<String> topPackageUnder(String root, JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(root + ".")) {
            return Optional.empty();
        }
        return Optional.of(pkg.substring(root.length() + 1).split("\\.")[0]);
    }

    static boolean isScreen(String root, JavaClass c) {
        return topPackageUnder(root, c).filter(top -> !SHARED.contains(top) && !top.equals(SHELL)).isPresent();
    }

    static DescribedPredicate<JavaClass> inAScreen(String root) {
        return DescribedPredicate.describe("reside in a screen package of " + root, c -> isScreen(root, c));
    }

    static DescribedPredicate<JavaClass> inTheShellOrCompositionRoot(String root) {
        return DescribedPredicate.describe("reside in " + root + "." + SHELL + " or in " + root + " itself",
                c -> c.getPackageName().equals(root) || topPackageUnder(root, c).filter(SHELL::equals).isPresent());
    }

    static DescribedPredicate<JavaClass> inASharedPackage(String root) {
        return DescribedPredicate.describe("reside in a shared package " + SHARED + " of " + root,
                c -> topPackageUnder(root, c).filter(SHARED::contains).isPresent());
    }

    /** Each screen package of {@code root} is a slice; classes elsewhere are not in any slice. */
    static ArchRule screensDoNotDependOnEachOther(String root) {
        SliceAssignment screens = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return isScreen(root, c) ? SliceIdentifier.of(topPackageUnder(root, c).orElseThrow())
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "screen packages of " + root;
            }
        };
        return slices().assignedFrom(screens).should().notDependOnEachOther()
                .because("a type two screens need belongs in a shared package (" + SHARED + "), and only the "
                        + "composition root wires one screen to another");
    }

    static ArchRule screensKnowNeitherTheShellNorTheCompositionRoot(String root) {
        return noClasses().that(inAScreen(root))
                .should().dependOnClassesThat(inTheShellOrCompositionRoot(root))
                .because("the shell and Workbench wire the screens, never the other way round");
    }

    static ArchRule sharedPackagesKnowNoScreen(String root) {
        return noClasses().that(inASharedPackage(root))
                .should().dependOnClassesThat(inAScreen(root))
                .orShould().dependOnClassesThat(inTheShellOrCompositionRoot(root))
                .because("a shared package that knows a screen would couple every screen to it");
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.fxmisc..")
                .because("view models are unit-tested without a toolkit")
                .check(classes);
    }

    /**
     * The workbench reaches the store through the use-case layer ({@code dev.juror.workspace}), never a
     * repository: view models and their helpers alike.
     */
    static ArchRule usesNoRepository(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("what a screen reads and writes is a use case of the workspace layer, shared with the CLI");
    }

    @Test
    void theWorkbenchUsesNoRepository() {
        usesNoRepository(APP).check(classes);
    }

    @Test
    void theRepositoryRuleCatchesAViewModelThatReadsTheStore() {
        String root = "dev.juror.architecture.fixtures.repositories";
        JavaClasses fixtures = new ClassFileImporter().importPackages(root);
        assertThat(usesNoRepository(root).evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("ReadsTheStoreViewModel").contains("FixtureRepository"));
    }

    @Test
    void screensDoNotDependOnEachOther() {
        screensDoNotDependOnEachOther(APP).check(classes);
    }

    @Test
    void screensKnowNeitherTheShellNorTheCompositionRoot() {
        screensKnowNeitherTheShellNorTheCompositionRoot(APP).check(classes);
    }

    @Test
    void sharedPackagesKnowNoScreen() {
        sharedPackagesKnowNoScreen(APP).check(classes);
    }

    @Test
    void theScreenRulesSeeEveryScreen() {
        Set<String> screens = new java.util.TreeSet<>();
        classes.stream().filter(c -> isScreen(APP, c)).forEach(c -> screens.add(topPackageUnder(APP, c).orElseThrow()));
        assertThat(screens).containsExactlyInAnyOrder("align", "calibration", "export", "judge", "regression", "review", "rubric",
                "training");
    }

    /** The rules run against test-only packages that break them, so a rule that stopped biting would show. */
    @Test
    void theScreenRulesCatchViolations() {
        String root = "dev.juror.architecture.fixtures.app";
        JavaClasses fixtures = new ClassFileImporter().importPackages(root);
        assertThat(screensDoNotDependOnEachOther(root).evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("AlphaView").contains("BetaChoice"));
        assertThat(screensKnowNeitherTheShellNorTheCompositionRoot(root).evaluate(fixtures).getFailureReport()
                .getDetails()).anySatisfy(line -> assertThat(line).contains("AlphaView").contains("FixtureShell"));
        assertThat(sharedPackagesKnowNoScreen(root).evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("SharedHelper").contains("BetaChoice"));
    }

    @Test
    void nothingPrintsToTheStandardStreams() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the workbench logs through SLF4J")
                .check(classes);
    }
}
