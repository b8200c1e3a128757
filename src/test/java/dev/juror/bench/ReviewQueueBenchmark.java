package dev.juror.bench;

import dev.juror.app.review.QueueEntry;
import dev.juror.app.review.ReviewData;
import dev.juror.store.RolloutRepository;
import dev.juror.store.SampleRepository;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The review desk's queue of a 20,000-rollout workspace (the import benchmark's batch): what the
 * desk reads when a workspace opens. {@code queue} is the current one-query summary;
 * {@code queueLoadingEveryRollout} reproduces the first version (samples page by page, then every
 * rollout of each sample with its prediction and comments) for comparison. Run:
 * {@code mvn -o -q -Pbench test-compile exec:exec -Dbench=ReviewQueueBenchmark -Dbench.args="-f 1 -wi 2 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReviewQueueBenchmark {

    private Path directory;
    private Workspace workspace;

    @Setup(Level.Trial)
    public void importWorkspace() throws IOException {
        directory = Files.createTempDirectory("juror-queue-bench");
        workspace = Workspace.open(directory);
        new Importer(workspace).importBatch(SyntheticImport.batch(ImportBenchmark.SAMPLES,
                ImportBenchmark.ROLLOUTS_PER_SAMPLE, ImportBenchmark.CONTRACTS, ImportBenchmark.REFERENCES,
                ImportBenchmark.DOCUMENT_CHARS), ImportOptions.refuseInvalid());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        workspace.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public List<QueueEntry> queue() {
        List<QueueEntry> queue = new ReviewData(workspace).queue();
        if (queue.size() != ImportBenchmark.SAMPLES * ImportBenchmark.ROLLOUTS_PER_SAMPLE) {
            throw new IllegalStateException("queue has " + queue.size() + " entries");
        }
        return queue;
    }

    @Benchmark
    public List<QueueEntry> queueLoadingEveryRollout() {
        SampleRepository samples = new SampleRepository(workspace);
        RolloutRepository rollouts = new RolloutRepository(workspace);
        List<QueueEntry> entries = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            List<StoredSample> page = samples.list(offset, 500);
            for (StoredSample sample : page) {
                for (StoredRollout r : rollouts.ofSample(sample.id())) {
                    entries.add(new QueueEntry(sample.id(), r.id(), r.index(), r.model(), r.comments().size(),
                            r.isParsed()));
                }
            }
            if (page.size() < 500) {
                return entries;
            }
        }
    }
}
