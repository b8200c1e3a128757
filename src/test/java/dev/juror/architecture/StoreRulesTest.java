package dev.juror.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.juror.testing.MainClasses;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code store} keeps repositories only, created in one place; the use cases live in
 * {@code workspace} and are what the front ends call (DESIGN.md). Each rule takes the root package
 * so it also runs against test-only classes that break it ({@code fixtures.layers}).
 */
class StoreRulesTest {

    private static final String ROOT = "dev.juror";
    private static final String FIXTURES = "dev.juror.architecture.fixtures.layers";

    /** The classes of {@code store} allowed to build a repository: the one place that creates them all. */
    static final Set<String> BUILDS_REPOSITORIES = Set.of("Repositories");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = MainClasses.all();
    }

    static boolean isRepository(JavaClass c) {
        return c.getSimpleName().endsWith("Repository");
    }

    /** A call of another class's repository constructor (a repository may chain its own constructors). */
    static final DescribedPredicate<JavaConstructorCall> buildsARepository = DescribedPredicate.describe(
            "builds a *Repository", call -> isRepository(call.getTargetOwner())
                    && !call.getTargetOwner().equals(call.getOriginOwner()));

    /**
     * A store class that composes repositories for a use case: built from {@code Repositories} (the
     * loaders of judge plans and judge runs) or a transaction a use case drives (an import).
     */
    static DescribedPredicate<JavaClass> composesRepositories(String root) {
        return DescribedPredicate.describe("are store helpers the workspace layer composes (built from Repositories, "
                + "or transactions)", c -> c.getPackageName().startsWith(root + ".store")
                && (c.getSimpleName().endsWith("Transaction") || c.getConstructors().stream()
                .anyMatch(k -> k.getRawParameterTypes().stream().anyMatch(t -> t.getSimpleName().equals("Repositories")))));
    }

    static ArchRule storeKnowsNoLayerAbove(String root) {
        return noClasses().that().resideInAPackage(root + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".workspace..", root + ".app..", root + ".cli..")
                .because("store keeps repositories, their rows, the Workspace and its exceptions; what uses them for a "
                        + "workflow is a use case of workspace");
    }

    /**
     * Inside {@code store} only {@link #BUILDS_REPOSITORIES} builds a repository: a repository that needs
     * another, or a loader that reads several, is given them.
     */
    static ArchRule repositoriesAreBuiltInOnePlace(String root) {
        return noClasses().that().resideInAPackage(root + ".store..")
                .and(DescribedPredicate.describe("are not " + BUILDS_REPOSITORIES,
                        (JavaClass c) -> !BUILDS_REPOSITORIES.contains(c.getSimpleName())))
                .should().callConstructorWhere(buildsARepository)
                .because("repositories are created in one place (store.Repositories) and never build each other");
    }

    static ArchRule frontEndsCallTheUseCases(String root) {
        return noClasses().that().resideInAnyPackage(root + ".cli..", root + ".app..")
                .should().dependOnClassesThat(composesRepositories(root))
                .because("a workflow the command line and the workbench offer is a service of workspace (import, "
                        + "judge runs, calibration, regression, label packs); the front ends call it, not its parts");
    }

    @Test
    void storeKnowsNoLayerAbove() {
        storeKnowsNoLayerAbove(ROOT).check(classes);
    }

    @Test
    void repositoriesAreBuiltInOnePlace() {
        repositoriesAreBuiltInOnePlace(ROOT).check(classes);
    }

    @Test
    void frontEndsCallTheUseCases() {
        frontEndsCallTheUseCases(ROOT).check(classes);
    }

    /** The helpers rule {@link #frontEndsCallTheUseCases} protects exist, so it is not vacuous. */
    @Test
    void theFrontEndRuleSeesTheStoreHelpers() {
        List<String> helpers = classes.stream().filter(composesRepositories(ROOT)::test).map(JavaClass::getSimpleName)
                .toList();
        assertThat(helpers).contains("JudgePlanLoader", "JudgeRunLoader", "ImportTransaction");
    }

    @Test
    void theRulesCatchViolations() {
        JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);
        assertThat(storeKnowsNoLayerAbove(FIXTURES).evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("FixtureRunLoader").contains("FixtureService"));
        List<String> builds = repositoriesAreBuiltInOnePlace(FIXTURES).evaluate(fixtures).getFailureReport().getDetails();
        assertThat(builds).anySatisfy(line -> assertThat(line).contains("FixtureLabelRepository")
                .contains("FixtureSampleRepository.<init>"));
        assertThat(builds).as("the allow-listed Repositories and a repository's own constructor chain")
                .noneSatisfy(line -> assertThat(line).containsAnyOf("Repositories.<init>", "(FixtureSampleRepository.java"));
        assertThat(frontEndsCallTheUseCases(FIXTURES).evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("FixtureCommand").contains("FixtureRunLoader"))
                .noneSatisfy(line -> assertThat(line).contains("FixtureCommand").contains("Repositories.samples"));
    }
}
