package dev.juror.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.dataset.ContractTexts;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.JsonlImportReader;
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
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing part of the import budget: 2,500 Juror samples with 40 KB target documents inline and a
 * 4 KB reference, 8 rollouts each (20,000 rollouts, ~110 MB of JSONL). The store's time is not
 * included; the whole import (store included) must stay under 30 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class JsonlImportBenchmark {

    static final int SAMPLES = 2_500;
    static final int ROLLOUTS = 8;

    Path dir;
    Path file;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("juror-import-bench");
        file = dir.resolve("samples.jsonl");
        String contracts = ContractTexts.concatenated(200_000);
        String reference = ContractTexts.reference().substring(0, 4_000);
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < SAMPLES; i++) {
                int from = (i * 7_919) % (contracts.length() - 40_000);
                ObjectNode line = json.createObjectNode();
                line.put("id", "s" + i);
                line.put("system_prompt", "You review contracts. Answer with a JSON list of comments.");
                line.put("target_document", contracts.substring(from, from + 40_000));
                line.put("reference_document", reference);
                ArrayNode rollouts = line.putArray("rollouts");
                for (int r = 0; r < ROLLOUTS; r++) {
                    String excerpt = contracts.substring(from + r * 1_000, from + r * 1_000 + 150);
                    ObjectNode rollout = rollouts.addObject();
                    rollout.put("prediction", "[{\"comment_id\":\"c1\",\"text_excerpt\":" + json.writeValueAsString(excerpt)
                            + ",\"comment\":\"Unclear obligation.\",\"comment_type\":\"risk\","
                            + "\"recommended_action\":\"Clarify it.\"}]");
                    rollout.putObject("metadata").put("model", "nova-2-lite").put("rollout", r);
                }
                line.putObject("metadata").put("model", "nova-2-lite");
                out.write(json.writeValueAsString(line));
                out.write('\n');
            }
        }
    }

    @Benchmark
    public ImportBatch read() throws IOException {
        ImportBatch batch = JsonlImportReader.read(file);
        if (batch.hasErrors() || batch.samples().size() != SAMPLES) {
            throw new IllegalStateException("benchmark file did not import cleanly: " + batch.errors());
        }
        return batch;
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
