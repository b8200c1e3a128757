package dev.juror.app;

import dev.juror.app.calibration.ReportSaver;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.store.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Test helper: the whole workbench on a temporary workspace, for the full-app TestFX tests. Each
 * start gets its own folder under the test's {@code @TempDir}, a settings file with a labeller,
 * and a workspace copied from one seeded once per test JVM (seeding imports the shipped samples;
 * copying the result is much faster, and gives the same data). {@link Builder#firstStart()} leaves
 * the folder empty instead, so the workbench seeds it itself as on a user's first start.
 *
 * <pre>{@code
 * fixture = WorkbenchFixture.under(folder).prepare(ws -> ...).start(stage);
 * ...
 * @AfterEach void close() { fixture.close(); }
 * }</pre>
 */
public final class WorkbenchFixture {

    /** Work on the workspace before the workbench opens it (labels, judge runs, ...). */
    @FunctionalInterface
    public interface Preparation {
        void prepare(Workspace workspace) throws Exception;
    }

    /** The seeded workspace every start copies; made on first use, deleted when the JVM exits. */
    private static Path seeded;

    private final Workbench workbench;
    private final Path runDir;
    private final Path workspaceDir;
    private final ScriptedDialogs dialogs;
    private final BackgroundTasks tasks;

    private WorkbenchFixture(Workbench workbench, Path runDir, Path workspaceDir, ScriptedDialogs dialogs,
                             BackgroundTasks tasks) {
        this.workbench = workbench;
        this.runDir = runDir;
        this.workspaceDir = workspaceDir;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    /** A workbench in a new folder under {@code folder} (the test class's {@code @TempDir}). */
    public static Builder under(Path folder) {
        return new Builder(folder);
    }

    public Workbench workbench() {
        return workbench;
    }

    /** This start's own folder: the workspace, the settings file and anything else the test writes. */
    public Path runDir() {
        return runDir;
    }

    public Path workspaceDir() {
        return workspaceDir;
    }

    public ScriptedDialogs dialogs() {
        return dialogs;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** Closes the workbench on the FX thread and waits until it has. */
    public void close() {
        WaitForAsyncUtils.asyncFx(workbench::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the test wants different from the usual start. */
    public static final class Builder {

        private final Path folder;
        private String labeller = "Ann";
        private BackgroundTasks tasks;
        private ScriptedDialogs dialogs = new ScriptedDialogs();
        private ReportSaver reportSaver;
        private boolean firstStart;
        private Path copyOf;
        private Preparation preparation;
        private Consumer<Workbench> beforeStart = workbench -> { };

        private Builder(Path folder) {
            this.folder = folder;
        }

        /** Background tasks other than the inline default (real threads, say). */
        public Builder tasks(BackgroundTasks backgroundTasks) {
            this.tasks = backgroundTasks;
            return this;
        }

        public Builder dialogs(ScriptedDialogs scripted) {
            this.dialogs = scripted;
            return this;
        }

        public Builder labeller(String name) {
            this.labeller = name;
            return this;
        }

        /** Where the calibration dashboard's HTML report goes, instead of a file chooser. */
        public Builder reportSaver(ReportSaver saver) {
            this.reportSaver = saver;
            return this;
        }

        /** An empty folder: the workbench seeds it itself, as on a user's first start. */
        public Builder firstStart() {
            this.firstStart = true;
            return this;
        }

        /** A copy of a workspace the test prepared (closed) instead of the seeded one. */
        public Builder copyOf(Path prepared) {
            this.copyOf = prepared;
            return this;
        }

        /** Runs on the copied workspace before the workbench opens it. */
        public Builder prepare(Preparation step) {
            this.preparation = step;
            return this;
        }

        /** Runs on the workbench after it is built, before its window starts. */
        public Builder beforeStart(Consumer<Workbench> step) {
            this.beforeStart = step;
            return this;
        }

        /** Builds the workspace and settings, then starts the workbench in {@code stage}. */
        public WorkbenchFixture start(Stage stage) throws Exception {
            Path run = Files.createTempDirectory(folder, "run");
            Path workspace = run.resolve("ws");
            if (!firstStart) {
                copy(copyOf != null ? copyOf : seeded(), workspace);
                if (preparation != null) {
                    try (Workspace opened = Workspace.open(workspace)) {
                        preparation.prepare(opened);
                    }
                }
            }
            BackgroundTasks chosenTasks = tasks != null ? tasks : new InlineBackgroundTasks();
            AppOptions options = new AppOptions(Optional.of(workspace), TestSettings.withLabeller(run, labeller));
            Workbench workbench = reportSaver == null ? new Workbench(options, chosenTasks, dialogs)
                    : new Workbench(options, chosenTasks, dialogs, reportSaver);
            beforeStart.accept(workbench);
            workbench.start(stage);
            stage.toFront();
            return new WorkbenchFixture(workbench, run, workspace, dialogs, chosenTasks);
        }
    }

    private static synchronized Path seeded() throws Exception {
        if (seeded == null) {
            Path dir = Files.createTempDirectory("juror-seeded-workspace");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            SeededWorkspace.open(dir.resolve("ws")).close();
            seeded = dir.resolve("ws");
        }
        return seeded;
    }

    /** Copies a closed workspace folder (database, rubrics, samples, suites). */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
