package dev.juror.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole import as {@code juror import} does it: read a JSONL file of 2,500 samples with
 * 40 KB contracts inline (100 distinct contracts, 5 playbooks) and 8 rollouts each (20,000
 * rollouts), then store it in one transaction in a fresh workspace. Target: under 30 s.
 * {@code mvn -o -q -Pbench test-compile exec:exec -Dbench=EndToEndImportBenchmark -Dbench.args="-f 1 -wi 1 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class EndToEndImportBenchmark {

    private Path dir;
    private Path file;
    private Workspace workspace;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("juror-e2e-import");
        file = dir.resolve("samples.jsonl");
        ImportBatch batch = SyntheticImport.batch(ImportBenchmark.SAMPLES, ImportBenchmark.ROLLOUTS_PER_SAMPLE,
                ImportBenchmark.CONTRACTS, ImportBenchmark.REFERENCES, ImportBenchmark.DOCUMENT_CHARS);
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SampleInput sample : batch.samples()) {
                ObjectNode line = json.createObjectNode();
                line.put("id", sample.id());
                line.put("system_prompt", sample.systemPrompt());
                line.put("target_document", sample.targetDocument());
                line.put("reference_document", sample.referenceDocument());
                line.set("metadata", json.valueToTree(sample.metadata()));
                ArrayNode rollouts = line.putArray("rollouts");
                for (RolloutInput rollout : sample.rollouts()) {
                    ObjectNode r = rollouts.addObject();
                    r.put("prediction", rollout.prediction());
                    r.set("metadata", json.valueToTree(rollout.metadata()));
                }
                out.write(json.writeValueAsString(line));
                out.write('\n');
            }
        }
        System.out.printf("%n  JSONL file: %,d bytes%n", Files.size(file));
    }

    @Setup(Level.Invocation)
    public void openFreshWorkspace() throws IOException {
        workspace = Workspace.open(Files.createTempDirectory(dir, "ws"));
    }

    @Benchmark
    public ImportResult readAndImport() throws IOException {
        ImportResult result = new Importer(workspace).importBatch(JsonlImportReader.read(file),
                ImportOptions.refuseInvalid());
        if (result.refused() || result.rolloutsAdded() != ImportBenchmark.SAMPLES * ImportBenchmark.ROLLOUTS_PER_SAMPLE) {
            throw new IllegalStateException("benchmark import did not go through: " + result.summaryLines());
        }
        return result;
    }

    @TearDown(Level.Invocation)
    public void closeWorkspace() {
        workspace.close();
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
