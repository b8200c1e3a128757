package dev.juror.app.export;

import dev.juror.workspace.evidence.ExportServices;
import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.app.review.ReviewData;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.workspace.WorkspaceSeeder;
import dev.juror.cli.CliRunner;
import dev.juror.cli.ExportLambdaCommand;
import dev.juror.cli.ExportPromptCommand;
import dev.juror.cli.ExportTrainingDataCommand;
import dev.juror.store.Workspace;
import dev.juror.workspace.BudgetSettings;
import dev.juror.workspace.ExportKind;
import dev.juror.workspace.ExportService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same export, asked for with each front end's defaults, through {@code juror export} and
 * through the export screen's view model, writes byte-identical files. The Lambda zip's entry times
 * come from the service's clock, fixed here, so nothing needs to be ignored.
 */
class SameExportFromCliAndWorkbenchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:08Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Path workspaceDir;
    private RubricChoice rubric;

    @BeforeEach
    void seed() throws Exception {
        workspaceDir = dir.resolve("ws");
        try (Workspace ws = SeededWorkspace.open(workspaceDir)) {
            rubric = new ReviewData(ws).rubrics().rubrics().get(0);
        }
    }

    @Test
    void theLambdaPackageIsTheSame() throws Exception {
        cli(new ExportLambdaCommand(ExportServices.withEvidence(CLOCK)), "--rubric", rubricFile(), "--model", model(),
                "--out", dir.resolve("cli").toString(), "--workspace", workspaceDir.toString(), "--unvalidated");
        workbench(ExportKind.LAMBDA_PACKAGE, dir.resolve("workbench"));
        assertSameFiles(dir.resolve("cli"), dir.resolve("workbench"));
    }

    @Test
    void thePromptBundleIsTheSame() throws Exception {
        cli(new ExportPromptCommand(ExportServices.withEvidence(CLOCK)), "--rubric", rubricFile(), "--out",
                dir.resolve("cli").toString(), "--workspace", workspaceDir.toString(), "--unvalidated");
        workbench(ExportKind.PROMPT_BUNDLE, dir.resolve("workbench"));
        assertSameFiles(dir.resolve("cli"), dir.resolve("workbench"));
    }

    @Test
    void theTrainingDataIsTheSame() throws Exception {
        cli(new ExportTrainingDataCommand(ExportServices.withEvidence(CLOCK)), "--out",
                dir.resolve("cli").resolve(ExportViewModel.TRAINING_DATA_FILE).toString(), "--workspace",
                workspaceDir.toString());
        workbench(ExportKind.TRAINING_DATA, dir.resolve("workbench"));
        assertSameFiles(dir.resolve("cli"), dir.resolve("workbench"));
    }

    @Test
    void theBudgetFieldsStartAtTheDefaultsOfTheCommandLine() {
        BudgetViewModel budget = new BudgetViewModel(new InlineBackgroundTasks(), () -> null, ExportServices.withEvidence(CLOCK));
        assertThat(budget.settings()).contains(BudgetSettings.defaults());
    }

    private String rubricFile() {
        return workspaceDir.resolve(WorkspaceSeeder.RUBRICS_FOLDER).resolve(rubric.fileName()).toString();
    }

    private String model() {
        return rubric.rubric().judge().modelId();
    }

    private static void cli(Object command, String... args) {
        StringWriter err = new StringWriter();
        int exit = CliRunner.execute(command, new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertThat(exit).as(err.toString()).isZero();
    }

    /** The wizard as a user walks it, with every default untouched and UNVALIDATED ticked where asked. */
    private void workbench(ExportKind kind, Path out) throws Exception {
        try (Workspace ws = Workspace.open(workspaceDir)) {
            ExportViewModel vm = new ExportViewModel(new InlineBackgroundTasks(), () -> ws, ExportServices.withEvidence(CLOCK));
            vm.load();
            assertThat(vm.rubricProperty().get()).isEqualTo(rubric);
            vm.kindProperty().set(kind);
            vm.outputFolderProperty().set(out.toString());
            vm.next();
            if (kind.gated()) {
                vm.overrideUnvalidatedProperty().set(true);
            }
            vm.next();
            vm.export();
            assertThat(vm.messageIsProblemProperty().get()).as(vm.messageProperty().get()).isFalse();
        }
    }

    private static void assertSameFiles(Path cli, Path workbench) throws IOException {
        List<Path> files = files(cli);
        assertThat(files(workbench)).isEqualTo(files).isNotEmpty();
        for (Path file : files) {
            byte[] a = Files.readAllBytes(cli.resolve(file));
            byte[] b = Files.readAllBytes(workbench.resolve(file));
            if (file.toString().endsWith(".zip")) {
                assertThat(zipEntries(b)).as(file.toString()).isEqualTo(zipEntries(a));
            } else {
                assertThat(new String(b, StandardCharsets.UTF_8)).as(file.toString())
                        .isEqualTo(new String(a, StandardCharsets.UTF_8));
            }
            assertThat(b).as(file.toString()).isEqualTo(a);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** Each entry's name, time and content (as text: a jar's bytes would make an unreadable diff). */
    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                entries.add(e.getName() + " " + e.getTime() + " " + (e.getName().endsWith(".jar")
                        ? content.length + " bytes, hash " + java.util.Arrays.hashCode(content)
                        : new String(content, StandardCharsets.UTF_8)));
            }
        }
        return entries;
    }
}
