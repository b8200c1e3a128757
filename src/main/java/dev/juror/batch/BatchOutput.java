package dev.juror.batch;

import dev.juror.judge.ConverseStops;
import dev.juror.judge.FailureKind;
import dev.juror.judge.JudgeCall;
import dev.juror.judge.JudgeCallException;
import dev.juror.judge.JudgeFailure;
import dev.juror.judge.JudgeOutcome;
import dev.juror.judge.JudgeResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a finished job's output: every {@code .out} file under the job's output folder, line by line
 * (streamed: nothing is held but the ids seen), joined on {@code recordId} since Bedrock does not
 * keep the input order. Each line becomes the outcome an on-demand call would have had: an answer
 * that ended normally, a stopped answer (truncated, filtered) as a failure keeping its text, or the
 * record's error. Lines that answer no call of the run, or a call whose prompt has changed since, are
 * counted and never stored under it.
 */
final class BatchOutput {

    /** An output line of a call of the run, by the call's key. */
    record Line(String key, ConverseRecords.OutputLine line) {
    }

    /** What the join found besides outcomes. */
    record Joined(int lines, int answered, int errors, int foreign, int duplicates, Optional<String> manifest) {
    }

    static final String MANIFEST = "manifest.json.out";

    private final ObjectStore store;
    private final String rubricVersion;
    private final String model;

    BatchOutput(ObjectStore store, String rubricVersion, String model) {
        this.store = store;
        this.rubricVersion = rubricVersion;
        this.model = model;
    }

    /**
     * Reads every output file of the job; {@code onLines} gets the lines of calls in {@code wanted} in
     * chunks of at most {@code chunk} (each turned into results stored in one transaction), and
     * {@code wanted} is left holding the calls the output did not mention.
     */
    Joined read(S3Location jobOutput, Set<String> wanted, int chunk, Consumer<List<Line>> onLines)
            throws IOException {
        Set<String> seen = new HashSet<>();
        int lines = 0;
        int answered = 0;
        int errors = 0;
        int foreign = 0;
        int duplicates = 0;
        Optional<String> manifest = Optional.empty();
        List<Line> pending = new ArrayList<>(chunk);
        for (S3Location object : store.list(jobOutput)) {
            if (object.name().equals(MANIFEST)) {
                manifest = Optional.of(readAll(object));
                continue;
            }
            if (!object.name().endsWith(".out")) {
                continue;
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(store.open(object),
                    StandardCharsets.UTF_8), 1 << 16)) {
                String text;
                int lineNumber = 0;
                while ((text = reader.readLine()) != null) {
                    lineNumber++;
                    if (text.isBlank()) {
                        continue;
                    }
                    lines++;
                    ConverseRecords.OutputLine line;
                    try {
                        line = ConverseRecords.outputLine(text);
                    } catch (IllegalArgumentException e) {
                        throw new IOException(object + " line " + lineNumber + ": " + e.getMessage()
                                + "; the job's output is damaged", e);
                    }
                    Optional<String> key = RecordIds.callKey(line.recordId());
                    if (key.isEmpty() || !wanted.contains(key.get())) {
                        foreign++;
                        continue;
                    }
                    if (!seen.add(key.get())) {
                        duplicates++;
                        continue;
                    }
                    if (line.errorCode().isPresent()) {
                        errors++;
                    } else {
                        answered++;
                    }
                    pending.add(new Line(key.get(), line));
                    if (pending.size() >= chunk) {
                        onLines.accept(List.copyOf(pending));
                        pending.clear();
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            onLines.accept(List.copyOf(pending));
        }
        wanted.removeAll(seen);
        return new Joined(lines, answered, errors, foreign, duplicates, manifest);
    }

    /**
     * What the job's manifest says against what its output held: "; the manifest agrees" or names the
     * counts that differ ("" when the job wrote no manifest, as a failed job may not).
     */
    static String manifestNote(Joined joined) {
        if (joined.manifest().isEmpty()) {
            return "; the job wrote no manifest";
        }
        com.fasterxml.jackson.databind.JsonNode manifest;
        try {
            manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(joined.manifest().get());
        } catch (IOException e) {
            return "; its manifest is not JSON (" + e.getMessage() + ")";
        }
        long success = manifest.path("successRecordCount").asLong(-1);
        long errors = manifest.path("errorRecordCount").asLong(-1);
        long total = manifest.path("totalRecordCount").asLong(-1);
        if (success == joined.answered() + joined.foreign() + joined.duplicates() && errors == joined.errors()
                || success == joined.answered() && errors == joined.errors()) {
            return "; the manifest agrees (" + total + " records)";
        }
        return "; the manifest differs: it counts " + success + " succeeded and " + errors + " failed of " + total
                + " records";
    }

    private String readAll(S3Location object) throws IOException {
        try (var in = store.open(object)) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
    }

    /** The outcome an output line gives its call (the record id checked against the call as it is now). */
    JudgeOutcome outcome(JudgeCall call, ConverseRecords.OutputLine line) {
        String key = call.key();
        if (!RecordIds.matches(line.recordId(), call, rubricVersion, model)) {
            return failed(key, FailureKind.VALIDATION_ERROR, "RecordMismatch", OptionalInt.empty(), "record "
                    + line.recordId() + " was written for another prompt than " + key + " has now; judge it again");
        }
        if (line.errorCode().isPresent()) {
            int code = line.errorCode().getAsInt();
            return failed(key, kindForStatus(code), "BatchRecordError", OptionalInt.of(code),
                    "record " + line.recordId() + ": " + line.errorMessage());
        }
        JudgeResponse response = line.response().orElseThrow();
        try {
            return new JudgeOutcome.Succeeded(key, ConverseStops.accept(response), 1, 0, response.latency());
        } catch (JudgeCallException stopped) {
            return new JudgeOutcome.Failed(key, JudgeFailure.from(stopped), 1, 0, response.latency());
        }
    }

    /** The outcome of a call the job's output does not mention. */
    static JudgeOutcome.Failed missing(String key, String jobArn, JobStatus status, String message) {
        return failed(key, FailureKind.UNKNOWN, "MissingFromBatchOutput", OptionalInt.empty(), "no output line for "
                + key + " in batch job " + jobArn + " (" + status.wire() + (message.isBlank() ? "" : ": " + message)
                + "); judge it again with --retry-failed");
    }

    static FailureKind kindForStatus(int code) {
        if (code == 429) {
            return FailureKind.THROTTLED;
        }
        if (code == 408) {
            return FailureKind.MODEL_TIMEOUT;
        }
        if (code >= 500) {
            return FailureKind.SERVER_ERROR;
        }
        return code == 403 ? FailureKind.ACCESS_DENIED : FailureKind.VALIDATION_ERROR;
    }

    private static JudgeOutcome.Failed failed(String key, FailureKind kind, String type, OptionalInt status,
                                              String message) {
        return new JudgeOutcome.Failed(key, new JudgeFailure(kind, type, status, message, Optional.empty()), 1, 0,
                Duration.ZERO);
    }
}
