package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.store.StoreException;
import dev.juror.store.Workspace;
import dev.juror.watch.BundleTraining;
import dev.juror.watch.CloudWatchLogEvents;
import dev.juror.watch.LogTimestamps;
import dev.juror.watch.WatchFileKind;
import dev.juror.watch.WatchInputException;
import dev.juror.watch.detect.Baseline;
import dev.juror.watch.detect.BundleBaseline;
import dev.juror.workspace.watch.WatchBaselines;
import dev.juror.workspace.watch.WatchImportOptions;
import dev.juror.workspace.watch.WatchImportSummary;
import dev.juror.workspace.watch.WatchImporter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code juror watch import --run NAME FILE...} (or {@code --log-group G}): reward records and
 * training metrics into a named training run, one transaction per file, and a summary per file.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import reward records (JSONL of juror records, CloudWatch Logs exports, aws logs",
                "filter-log-events JSON, or straight from a log group) and training metrics (SageMaker / Nova Forge",
                "and HyperPod log lines, fine_tuning.jobs.list_events, CSV or JSONL by step) into a training run.",
                "Each file is imported whole or not at all; importing a file again adds nothing.",
                "With --checkpoint C --step S: one file of a checkpoint's rollouts (any shape juror import reads),",
                "tagged with the checkpoint and step, for experts to label blind in the checkpoint's review queue."})
public final class WatchImportCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "NAME", description = "The training run (created by its first import).")
    String run;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files of reward records or training metrics.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "records|metrics", description = "What the files hold (default: told by content).")
    String kind;

    @Option(names = "--calls-per-step", paramLabel = "N",
            description = "Reward calls per training step, to place records without a step by invocation order.")
    Integer callsPerStep;

    @Option(names = "--bundle", paramLabel = "DIR",
            description = {"The exported Lambda bundle the records come from (its handler id; records of another",
                    "bundle are refused): calls per step from its training-overrides.json, and the baseline",
                    "the detectors compare with from its evidence/ (agreement, score distribution)."})
    Path bundle;

    @Option(names = "--log-group", paramLabel = "G", description = "Read reward records from this CloudWatch Logs group.")
    String logGroup;

    @Option(names = "--since", paramLabel = "T", description = "With --log-group: events from this ISO-8601 time on.")
    String since;

    @Option(names = "--region", paramLabel = "R", defaultValue = "us-east-1",
            description = "With --log-group: the AWS Region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "With --log-group: a named AWS profile.")
    String profile;

    @Option(names = "--logs-endpoint", paramLabel = "URL", description = "With --log-group: a CloudWatch Logs endpoint.")
    URI logsEndpoint;

    @Option(names = "--json", description = "Print one JSON object per file (JSON Lines).")
    boolean json;

    @Option(names = "--checkpoint", paramLabel = "C",
            description = "FILE holds rollouts of this checkpoint of the run (needs --step).")
    String checkpoint;

    @Option(names = "--step", paramLabel = "S", description = "With --checkpoint: the training step it was taken at.")
    String step;

    @Option(names = "--queue-labellers", paramLabel = "A,B", split = ",",
            description = "With --checkpoint: create the checkpoint's review queue for these labellers.")
    List<String> queueLabellers = new ArrayList<>();

    @Option(names = "--queue-count", paramLabel = "N", defaultValue = "20",
            description = "With --queue-labellers: rollouts per labeller (default: ${DEFAULT-VALUE}).")
    int queueCount;

    @Option(names = "--queue-overlap", paramLabel = "K", defaultValue = "1",
            description = "With --queue-labellers: labellers per rollout (default: ${DEFAULT-VALUE}).")
    int queueOverlap;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (checkpoint != null || step != null) {
            return checkpointImport();
        }
        if (files.isEmpty() == (logGroup == null)) {
            throw new UserInputException("give FILE... or --log-group G (one of the two)");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UserInputException(f + ": no such file; nothing was imported");
            }
        }
        WatchImportOptions options = new WatchImportOptions(kind(), callsPerStep(), bundleId());
        Optional<Baseline> baseline = baseline();
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace opened = workspace.open()) {
            WatchImporter importer = new WatchImporter(opened);
            if (logGroup != null) {
                print(out, importer.importLogGroup(run, new CloudWatchLogEvents.Source(logGroup, since(), region,
                        Optional.ofNullable(profile), Optional.ofNullable(logsEndpoint)), options));
            }
            for (Path f : files) {
                print(out, importer.importFile(run, f, f.toString(), options));
            }
            if (baseline.isPresent()) {
                new WatchBaselines(opened).save(run, baseline.get());
                printBaseline(out, baseline.get());
            }
        } catch (WatchInputException | UncheckedIOException e) {
            throw new UserInputException(e.getMessage() + "; that file was not imported", e);
        } catch (StoreException e) {
            throw new UserInputException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
        out.flush();
        return CliRunner.OK;
    }

    private int checkpointImport() {
        if (checkpoint == null || step == null) {
            throw new UserInputException(checkpoint == null ? "--step needs --checkpoint C: the checkpoint's name"
                    : "--checkpoint needs --step S: the training step the checkpoint was taken at");
        }
        if (files.size() != 1 || logGroup != null || kind != null) {
            throw new UserInputException("--checkpoint imports one file of rollouts (FILE), without --log-group or --kind");
        }
        if (!Files.isRegularFile(files.getFirst())) {
            throw new UserInputException(files.getFirst() + ": no such file; nothing was imported");
        }
        try (Workspace opened = workspace.open()) {
            return WatchCheckpointImport.call(opened, new WatchCheckpointImport.Request(run, checkpoint, step,
                    files.getFirst(), queueLabellers, queueCount, queueOverlap, json), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        } catch (WatchInputException e) {
            throw WatchCheckpointImport.refused(e);
        } finally {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
        }
    }

    private Optional<WatchFileKind> kind() {
        try {
            return Optional.ofNullable(kind).map(WatchFileKind::ofName);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private OptionalInt callsPerStep() {
        if (callsPerStep != null) {
            if (callsPerStep <= 0) {
                throw new UserInputException("--calls-per-step: must be > 0, got " + callsPerStep);
            }
            return OptionalInt.of(callsPerStep);
        }
        if (bundle != null) {
            try {
                return OptionalInt.of(BundleTraining.callsPerStep(bundle));
            } catch (WatchInputException e) {
                throw new UserInputException("--bundle: " + e.getMessage(), e);
            }
        }
        return OptionalInt.empty();
    }

    private Optional<String> bundleId() {
        if (bundle == null) {
            return Optional.empty();
        }
        try {
            return BundleTraining.handlerId(bundle);
        } catch (WatchInputException e) {
            throw new UserInputException("--bundle: " + e.getMessage(), e);
        }
    }

    /** Read before anything is imported, so broken evidence refuses the command with nothing changed. */
    private Optional<Baseline> baseline() {
        if (bundle == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BundleBaseline.read(bundle));
        } catch (WatchInputException e) {
            throw new UserInputException("--bundle: " + e.getMessage(), e);
        }
    }

    private void printBaseline(PrintWriter out, Baseline b) {
        if (json) {
            return;
        }
        out.println("baseline from " + bundle + ": verdict " + b.verdict().orElse("none") + ", validated agreement for "
                + b.agreement().size() + " dimensions, calibration score distribution for " + b.scores().size()
                + " dimensions");
        b.notes().forEach(n -> out.println("  " + n));
        out.flush();
    }

    private Optional<Instant> since() {
        try {
            return Optional.ofNullable(since).map(LogTimestamps::parse);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new UserInputException("--since: not an ISO-8601 time: " + since, e);
        }
    }

    private void print(PrintWriter out, WatchImportSummary s) {
        if (json) {
            out.println(ReportJson.compact(WatchSummaryJson.of(s)));
            out.flush();
            return;
        }
        out.println(s.source() + ": " + s.read() + (s.kind() == WatchFileKind.RECORDS ? " reward records" : " step metric rows")
                + " read, " + s.added() + " new" + (s.read() > s.added() ? " (" + (s.read() - s.added())
                + " already in run " + s.run() + ")" : "") + " -> run " + s.run() + ": " + s.stats().records()
                + " records" + s.stats().firstStep().stream().mapToObj(f -> ", steps " + f + "-"
                + s.stats().lastStep().getAsInt() + " (" + s.stats().recordSteps() + " with records)").findFirst().orElse("")
                + ", placed by " + s.placement().wire() + (s.moved() > 0 ? " (" + s.moved() + " records moved)" : "")
                + ", " + s.stats().metricSteps() + " steps of training metrics");
        s.skips().forEach(line -> out.println("  " + line));
        out.flush();
    }
}
