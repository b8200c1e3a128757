package dev.juror.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.juror.testing.MainClasses;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command line reads and writes a workspace only through the use cases of
 * {@code dev.juror.workspace}, as the workbench does: of {@code store} it uses what opens and closes
 * a workspace and how that fails ({@link #OPENING_AND_CLOSING}, each with its reason), and the values
 * the services hand back (the rows: records and enums, which hold no connection and read nothing).
 * A repository, {@code Repositories}, a loader, a helper that works on rows, or what a
 * {@code Workspace} holds (its statistics, its database connection) is a use case the command would
 * be deciding on its own. Each rule takes the root
 * package so it also runs against test-only classes that break it ({@code fixtures.cli}).
 */
class CliRulesTest {

    private static final String ROOT = "dev.juror";
    private static final String FIXTURES = "dev.juror.architecture.fixtures.cli";

    /** The classes of {@code store} a command may use besides its values, and why each is the opening and closing API. */
    static final Map<String, String> OPENING_AND_CLOSING = openingAndClosing();

    private static Map<String, String> openingAndClosing() {
        Map<String, String> allowed = new LinkedHashMap<>();
        allowed.put("Workspace", "a command opens its folder (Workspace.open), names it in its messages, builds the"
                + " workspace services over it and closes it");
        allowed.put("WorkspaceException", "why a folder could not be opened (not writable, locked, damaged); the"
                + " command says so in one sentence and exits 2");
        allowed.put("StoreException", "a database failure a service lets through; import and judge turn the ones they"
                + " expect (the report of skipped lines not written, the database closed under a run by Ctrl-C)"
                + " into their message and exit code");
        return Collections.unmodifiableMap(allowed);
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = MainClasses.all();
    }

    static boolean inStore(JavaClass c, String root) {
        return c.getPackageName().equals(root + ".store") || c.getPackageName().startsWith(root + ".store.");
    }

    /** A row or status a service returns: a record or an enum of {@code store}. */
    static boolean isValue(JavaClass c) {
        return c.isRecord() || c.isEnum();
    }

    static DescribedPredicate<JavaClass> storeBeyondTheOpeningApi(String root) {
        return DescribedPredicate.describe("are classes of store other than " + OPENING_AND_CLOSING.keySet()
                + " and its values (records, enums)", c -> inStore(c, root) && !isValue(c)
                && !OPENING_AND_CLOSING.containsKey(c.getSimpleName()));
    }

    static ArchRule cliReadsThroughTheWorkspaceLayer(String root) {
        String reasons = OPENING_AND_CLOSING.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
        return noClasses().that().resideInAPackage(root + ".cli..")
                .should().dependOnClassesThat(storeBeyondTheOpeningApi(root))
                .because("a command reads and writes a workspace through the services of workspace, the same ones the"
                        + " workbench calls, so a command and a screen showing the same thing agree. Allowed: " + reasons
                        + "; and the rows and statuses the services return");
    }

    /**
     * What a command may call on a {@code Workspace}: opening it (where: the default folder), naming it,
     * closing it. Reading what is inside (its statistics, its database connection) is a service's.
     */
    static final Set<String> WORKSPACE_OPENING_AND_CLOSING = Set.of("open", "defaultDirectory", "directory", "close",
            "isClosed");

    static ArchRule cliOnlyOpensAndClosesTheWorkspace(String root) {
        DescribedPredicate<JavaMethodCall> beyond = DescribedPredicate.describe("calls a method of store's Workspace "
                + "other than " + WORKSPACE_OPENING_AND_CLOSING, call -> inStore(call.getTargetOwner(), root)
                && call.getTargetOwner().getSimpleName().equals("Workspace")
                && !WORKSPACE_OPENING_AND_CLOSING.contains(call.getName()));
        return noClasses().that().resideInAPackage(root + ".cli..").should().callMethodWhere(beyond)
                .because("SQL is the repositories' (store) and reading a workspace a service's (workspace); a command"
                        + " opens, names and closes the folder");
    }

    @Test
    void cliReadsThroughTheWorkspaceLayer() {
        cliReadsThroughTheWorkspaceLayer(ROOT).check(classes);
    }

    @Test
    void cliOnlyOpensAndClosesTheWorkspace() {
        cliOnlyOpensAndClosesTheWorkspace(ROOT).check(classes);
    }

    /** Every name allowed is a class of store, so the list cannot keep a name that no longer means anything. */
    @Test
    void theAllowedClassesExistInStore() {
        List<String> store = classes.stream().filter(c -> inStore(c, ROOT)).map(JavaClass::getSimpleName).toList();
        assertThat(store).containsAll(OPENING_AND_CLOSING.keySet()).contains("Repositories", "PairwiseResults");
        JavaClass workspace = classes.get("dev.juror.store.Workspace");
        assertThat(WORKSPACE_OPENING_AND_CLOSING).allSatisfy(name -> assertThat(workspace.getMethods())
                .anySatisfy(m -> assertThat(m.getName()).isEqualTo(name)));
    }

    @Test
    void theRulesCatchACommandThatReadsTheStore() {
        JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);
        List<String> reads = cliReadsThroughTheWorkspaceLayer(FIXTURES).evaluate(fixtures).getFailureReport().getDetails();
        assertThat(reads)
                .anySatisfy(line -> assertThat(line).contains("ReadsTheStoreCommand").contains("store.Repositories"))
                .anySatisfy(line -> assertThat(line).contains("ReadsTheStoreCommand").contains("store.RunRepository"))
                .anySatisfy(line -> assertThat(line).contains("ReadsTheStoreCommand").contains("store.RunPairs"))
                .as("opening, closing and its failure, a service, its rows and statuses")
                .noneSatisfy(line -> assertThat(line).contains("ListsRunsCommand"));
        assertThat(cliOnlyOpensAndClosesTheWorkspace(FIXTURES).evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("ReadsTheStoreCommand").contains("Workspace.connection()"))
                .noneSatisfy(line -> assertThat(line).contains("ListsRunsCommand"));
    }
}
