package dev.juror.testing.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * Runs one job as Bedrock would, on its own thread: after the start delay, Validating, InProgress,
 * each record answered at the configured pace, then per input file one {@code <file>.out} of output
 * lines in a shuffled order (seeded), and {@code manifest.json.out}, both under
 * {@code <output prefix>/<job id>/}. A stop ends the current record, writes what was processed and
 * ends Stopped. Output lines go to a temporary file first and only their offsets are kept, so a
 * large job does not fill the heap.
 */
final class BatchJobRunner implements Runnable {

    private static final System.Logger LOG = System.getLogger(BatchJobRunner.class.getName());

    private final BatchJob job;
    private final LoopbackS3 s3;
    private final ObjectMapper json;
    private long inputTokens;
    private long outputTokens;

    BatchJobRunner(BatchJob job, LoopbackS3 s3, ObjectMapper json) {
        this.job = job;
        this.s3 = s3;
        this.json = json;
    }

    @Override
    public void run() {
        try {
            if (job.sleepUnlessStopped(job.behaviour.startDelay())) {
                job.moveTo("Stopped", "Stopped before it started");
                return;
            }
            if (job.behaviour.failMessage() != null) {
                job.moveTo("Failed", job.behaviour.failMessage());
                return;
            }
            job.moveTo("Validating", null);
            job.moveTo("InProgress", null);
            long started = System.nanoTime();
            int done = 0;
            for (S3Address file : job.inputFiles) {
                done = runFile(file, started, done);
                if (job.stopRequested()) {
                    break;
                }
            }
            writeManifest();
            if (job.stopRequested()) {
                job.moveTo("Stopped", "Stopped by the client after " + job.processed() + " records");
            } else {
                job.moveTo(job.failed() > 0 ? "PartiallyCompleted" : "Completed", null);
            }
        } catch (InterruptedException e) {
            job.moveTo("Failed", "the loopback Bedrock stub was closed");
        } catch (IOException | RuntimeException e) {
            if (!job.stopRequested()) { // after a stop (or the stub's close) the S3 stub may be gone: not news
                LOG.log(System.Logger.Level.WARNING, "loopback batch job " + job.id + " failed", e);
            }
            job.moveTo("Failed", "loopback stub error: " + e);
        }
    }

    /** Answers one input file's records, then writes its shuffled output; returns records done so far. */
    private int runFile(S3Address file, long started, int done) throws IOException, InterruptedException {
        Path lines = Files.createTempFile("juror-loopback-batch-", ".jsonl");
        long[] offsets = new long[1024];
        int count = 0;
        try {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(s3.open(file.bucket(), file.key()), StandardCharsets.UTF_8));
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(lines))) {
                long position = 0;
                String line;
                int lineNumber = 0;
                while ((line = in.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    if (pace(started, done) || job.stopRequested()) {
                        break;
                    }
                    done++;
                    byte[] output = answer(line, lineNumber);
                    if (output.length == 0) {
                        continue;
                    }
                    if (count == offsets.length) {
                        offsets = Arrays.copyOf(offsets, count * 2);
                    }
                    offsets[count++] = position;
                    out.write(output);
                    position += output.length;
                }
            }
            writeShuffled(file, lines, Arrays.copyOf(offsets, count));
            return done;
        } finally {
            Files.deleteIfExists(lines);
        }
    }

    /** Waits for the record's turn; true when a stop came meanwhile. */
    private boolean pace(long started, int done) throws InterruptedException {
        double perSecond = job.behaviour.recordsPerSecond();
        if (perSecond <= 0) {
            return false;
        }
        long due = started + (long) (done * 1e9 / perSecond);
        long wait = due - System.nanoTime();
        return wait > 0 && job.sleepUnlessStopped(Duration.ofNanos(wait));
    }

    /**
     * The output line (with its newline) for one input line; empty for a record left out on purpose.
     * The record's modelInput is copied as it came (its raw text), not re-serialised: cheaper for a
     * 20,000-record benchmark, and what Bedrock echoes.
     */
    private byte[] answer(String line, int lineNumber) throws IOException {
        Parsed record = parse(line);
        String fallbackId = "RECORD" + lineNumber;
        if (record == null || record.modelInput() == null) {
            String id = record != null && record.recordId() != null ? record.recordId() : fallbackId;
            job.recordDone(false, true);
            return line(id, null, error(400, "Malformed input record at line " + lineNumber));
        }
        String recordId = record.recordId() != null ? record.recordId() : fallbackId;
        if (job.behaviour.omitted().test(recordId)) {
            job.recordDone(false, false);
            return new byte[0];
        }
        BatchAnswer answer = job.behaviour.answer().apply(recordId, record.modelInput());
        ObjectNode result = json.createObjectNode();
        switch (answer) {
            case BatchAnswer.Text t -> {
                result.set("modelOutput", converse(t));
                inputTokens += t.inputTokens();
                outputTokens += t.outputTokens();
            }
            case BatchAnswer.Error e -> result.setAll(error(e.errorCode(), e.errorMessage()));
        }
        job.recordDone(answer instanceof BatchAnswer.Text, true);
        return line(recordId, record.rawModelInput(), result);
    }

    /** A record line's id (null when absent), its modelInput (null when absent) and modelInput's raw JSON. */
    private record Parsed(String recordId, JsonNode modelInput, String rawModelInput) {
    }

    private Parsed parse(String line) {
        try (JsonParser parser = json.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String id = null;
            JsonNode input = null;
            String raw = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("recordId") && value.isScalarValue()) {
                    id = parser.getText();
                } else if (name.equals("modelInput") && value == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    input = json.readTree(parser);
                    raw = line.substring(start, (int) parser.currentLocation().getCharOffset());
                } else {
                    parser.skipChildren();
                }
            }
            return new Parsed(id, input, raw);
        } catch (IOException malformed) {
            return null;
        }
    }

    private ObjectNode error(int code, String message) {
        ObjectNode node = json.createObjectNode();
        node.putObject("error").put("errorCode", code).put("errorMessage", message);
        return node;
    }

    private ObjectNode converse(BatchAnswer.Text t) {
        ObjectNode body = json.createObjectNode();
        ObjectNode message = body.putObject("output").putObject("message").put("role", "assistant");
        ArrayNode content = message.putArray("content");
        content.addObject().put("text", t.text());
        body.put("stopReason", t.stopReason());
        body.putObject("usage").put("inputTokens", t.inputTokens()).put("outputTokens", t.outputTokens())
                .put("totalTokens", t.inputTokens() + t.outputTokens());
        body.putObject("metrics").put("latencyMs", 5);
        return body;
    }

    /** {@code {"recordId":..,"modelInput":..,<result's members>}} and a newline. */
    private byte[] line(String recordId, String rawModelInput, ObjectNode result) throws IOException {
        StringBuilder line = new StringBuilder(256 + (rawModelInput == null ? 0 : rawModelInput.length()));
        line.append("{\"recordId\":").append(json.writeValueAsString(recordId));
        if (rawModelInput != null) {
            line.append(",\"modelInput\":").append(rawModelInput);
        }
        String members = json.writeValueAsString(result);
        if (members.length() > 2) {
            line.append(',').append(members, 1, members.length() - 1);
        }
        return line.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void writeShuffled(S3Address input, Path lines, long[] offsets) throws IOException {
        int[] order = new int[offsets.length];
        Arrays.setAll(order, i -> i);
        Random random = new Random(job.behaviour.shuffleSeed());
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        String name = input.key().substring(input.key().lastIndexOf('/') + 1);
        try (FileChannel channel = FileChannel.open(lines, StandardOpenOption.READ);
             OutputStream out = new BufferedOutputStream(s3.create(job.output.bucket(), outputFolder() + name + ".out"), 64 * 1024)) {
            long size = channel.size();
            for (int index : order) {
                long end = index + 1 < offsets.length ? offsets[index + 1] : size;
                ByteBuffer buffer = ByteBuffer.allocate((int) (end - offsets[index]));
                while (buffer.hasRemaining() && channel.read(buffer, offsets[index] + buffer.position()) >= 0) {
                    // positional reads until the line is whole
                }
                out.write(buffer.array());
            }
        }
    }

    private void writeManifest() throws IOException {
        ObjectNode manifest = json.createObjectNode()
                .put("totalRecordCount", job.recordCount)
                .put("processedRecordCount", job.processed())
                .put("successRecordCount", job.succeeded())
                .put("errorRecordCount", job.failed())
                .put("inputTokenCount", inputTokens)
                .put("outputTokenCount", outputTokens);
        s3.put(job.output.bucket(), outputFolder() + "manifest.json.out", json.writeValueAsBytes(manifest));
    }

    private String outputFolder() {
        return job.output.folder() + job.id + "/";
    }
}
