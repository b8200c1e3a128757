package dev.juror.batch;

import dev.juror.io.AtomicFiles;
import dev.juror.judge.JudgeCall;
import dev.juror.judge.JudgeCallException;
import dev.juror.judge.JudgeFailure;
import dev.juror.judge.JudgeOutcome;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.LlmJudge;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.PlanCalls;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Writes a batch job's input: one Converse record per call of the plan that has no stored result, in
 * the run's order (every rollout once before any twice), into local JSONL files of at most
 * {@link BatchOptions#recordsPerFile()} records. Records are rendered, written and let go one by one,
 * so memory does not grow with the run. A call whose prompt cannot be rendered, or whose record is
 * longer than {@link BatchOptions#maxRecordBytes()}, is not sent: it becomes a failed outcome, named,
 * stored with the run's results and judged again by {@code --retry-failed}.
 */
final class BatchInput {

    /** What was written: the files, how many records they hold, and the calls refused. */
    record Written(List<Path> files, int records, List<JudgeOutcome.Failed> refused) {
    }

    private final LlmJudge judge;
    private final String rubricVersion;
    private final BatchOptions options;
    /** One record's bytes, reused: records are written one at a time. */
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 16);

    BatchInput(LlmJudge judge, String rubricVersion, BatchOptions options) {
        this.judge = judge;
        this.rubricVersion = rubricVersion;
        this.options = options;
    }

    /** The keys of the plan's calls without a stored result, in run order. */
    static List<String> unfinished(JudgePlan plan, Set<String> finished) {
        List<String> keys = new ArrayList<>();
        for (int repeat = 0; repeat < plan.repeats(); repeat++) {
            for (int index = 0; index < plan.planItems().size(); index++) {
                String key = plan.planItems().key(index, repeat);
                if (!finished.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /**
     * Writes the records of {@code keys} into {@code folder}; {@code onRecord} hears how many were handled.
     * Stops early (files as far as written) once {@code stopped} says so (a flag, not an interrupt: an
     * interrupt in the middle of a database read would close the workspace's file).
     */
    Written write(PlanCalls calls, List<String> keys, Path folder, IntConsumer onRecord, BooleanSupplier stopped)
            throws IOException {
        List<Path> files = new ArrayList<>();
        List<JudgeOutcome.Failed> refused = new ArrayList<>();
        int[] next = {0};
        int[] records = {0};
        while (next[0] < keys.size() && !stopped.getAsBoolean()) {
            Path file = folder.resolve(String.format("records-%05d.jsonl", files.size() + 1));
            int[] inFile = {0};
            AtomicFiles.writeBytes(file, AtomicFiles.Permissions.OWNER_ONLY, out -> {
                while (next[0] < keys.size() && inFile[0] < options.recordsPerFile()
                        && !stopped.getAsBoolean()) {
                    String key = keys.get(next[0]++);
                    if (line(calls, key, refused)) {
                        buffer.writeTo(out);
                        out.write('\n');
                        inFile[0]++;
                        records[0]++;
                    }
                    onRecord.accept(next[0]);
                }
            });
            if (inFile[0] > 0) {
                files.add(file);
            }
        }
        return new Written(files, records[0], refused);
    }

    /** Writes the record of one call into {@link #buffer}; false (and a refusal noted) when it cannot be sent. */
    private boolean line(PlanCalls calls, String key, List<JudgeOutcome.Failed> refused) {
        int index = calls.index(key);
        JudgeCall call = calls.call(key);
        try {
            JudgeRequest request = judge.request(call);
            var item = calls.item(key);
            String recordId = RecordIds.of(call, item.rolloutId(), item.rolloutBId(), rubricVersion, judge.model());
            buffer.reset();
            ConverseRecords.inputLine(recordId, request, buffer);
            if (buffer.size() > options.maxRecordBytes()) {
                refused.add(refusal(key, "RecordTooLarge", "the batch record of " + key + " (" + recordId + ") is "
                        + buffer.size() + " bytes, over the limit of " + options.maxRecordBytes()
                        + " bytes a record may have; judge it on demand (juror judge --resume RUN_ID --retry-failed online)"));
                return false;
            }
            return true;
        } catch (JudgeCallException e) {
            refused.add(new JudgeOutcome.Failed(key, JudgeFailure.from(e), 0, 0, Duration.ZERO));
            return false;
        } finally {
            calls.release(index);
        }
    }

    private static JudgeOutcome.Failed refusal(String key, String type, String message) {
        return new JudgeOutcome.Failed(key, new JudgeFailure(dev.juror.judge.FailureKind.VALIDATION_ERROR, type,
                OptionalInt.empty(), message, java.util.Optional.empty()), 0, 0, Duration.ZERO);
    }
}
