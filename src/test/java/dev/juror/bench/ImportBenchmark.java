package dev.juror.bench;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.PredictionParser;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.store.Workspace;
import dev.juror.store.WorkspaceStats;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Imports 20,000 rollouts over 2,500 samples (100 distinct 40 KB contracts, 5 distinct 40 KB
 * playbooks, 1-3 KB predictions with 3-6 comments) into a fresh workspace, in one transaction.
 * Opening the workspace (Flyway) is outside the measured time. After each import it prints the
 * database size next to the size of the unique content. Run:
 * {@code mvn -o -q -Pbench test-compile exec:exec -Dbench=ImportBenchmark -Dbench.args="-f 1 -wi 1 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImportBenchmark {

    static final int SAMPLES = 2_500;
    static final int ROLLOUTS_PER_SAMPLE = 8;
    static final int CONTRACTS = 100;
    static final int REFERENCES = 5;
    static final int DOCUMENT_CHARS = 40 * 1024;

    private ImportBatch batch;
    private long uniqueContentBytes;
    private Path directory;
    private Workspace workspace;
    private ImportResult result;

    @Setup(Level.Trial)
    public void generate() {
        batch = SyntheticImport.batch(SAMPLES, ROLLOUTS_PER_SAMPLE, CONTRACTS, REFERENCES, DOCUMENT_CHARS);
        uniqueContentBytes = uniqueContentBytes(batch);
    }

    @Setup(Level.Invocation)
    public void openFreshWorkspace() throws IOException {
        directory = Files.createTempDirectory("juror-import-bench");
        workspace = Workspace.open(directory);
    }

    @Benchmark
    public ImportResult importBatch() {
        result = new Importer(workspace).importBatch(batch, ImportOptions.refuseInvalid());
        return result;
    }

    @TearDown(Level.Invocation)
    public void report() throws IOException {
        WorkspaceStats open = workspace.stats();
        long closeStart = System.nanoTime();
        workspace.close(); // compacts the file when most of it is garbage (see Workspace)
        double closeSeconds = (System.nanoTime() - closeStart) / 1e9;
        long closedBytes = Files.size(directory.resolve(Workspace.DATABASE_FILE));
        System.out.printf("%n  imported %d samples, %d rollouts, %d comments, %d documents (%,d document bytes)%n",
                result.samplesAdded(), result.rolloutsAdded(), result.commentsAdded(), open.documents(),
                open.documentBytes());
        System.out.printf("  unique content %,d bytes; database %,d bytes while open, %,d bytes after close "
                        + "(%.2fx unique; close took %.1f s); without dedup the documents alone would be %,d bytes%n",
                uniqueContentBytes, open.databaseBytes(), closedBytes, closedBytes / (double) uniqueContentBytes,
                closeSeconds,
                (long) SAMPLES * 2 * DOCUMENT_CHARS);
        deleteRecursively(directory);
    }

    /** Distinct documents + every prediction + the parsed comment fields the store keeps beside them. */
    static long uniqueContentBytes(ImportBatch batch) {
        Set<String> documents = new HashSet<>();
        long bytes = 0;
        for (SampleInput sample : batch.samples()) {
            documents.add(sample.systemPrompt());
            documents.add(sample.targetDocument());
            documents.add(sample.referenceDocument());
            for (RolloutInput rollout : sample.rollouts()) {
                bytes += utf8(rollout.prediction());
                for (var comment : PredictionParser.parse(rollout.prediction()).comments()) {
                    bytes += utf8(comment.commentId()) + utf8(comment.textExcerpt()) + utf8(comment.comment())
                            + utf8(comment.commentType()) + utf8(comment.recommendedAction());
                }
            }
        }
        for (String document : documents) {
            bytes += utf8(document);
        }
        return bytes;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
