package dev.juror.watch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a file given to {@code juror watch import} holds, told by its content (or {@code --kind}). */
public enum WatchFileKind {
    /** Reward records: JSONL of juror objects, EMF lines, CloudWatch exports, filter-log-events JSON. */
    RECORDS,
    /** Training metrics by step: trainer log lines, fine-tuning events, CSV or JSONL by step. */
    METRICS;

    private static final int LOOK_AT = 64 * 1024;

    public static WatchFileKind ofName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "records", "rewards" -> RECORDS;
            case "metrics" -> METRICS;
            default -> throw new IllegalArgumentException("--kind: expected records or metrics, got " + name);
        };
    }

    /**
     * Looks at the first 64 KB: a juror record ({@code "juror"}, {@code "prediction_sha256"}) means
     * records; fine-tuning events, a {@code step} column or member, or a trainer's metric names
     * ({@code critic/}, {@code train_rm_score}, {@code step:}) mean metrics.
     *
     * @throws WatchInputException when it cannot tell (the file named; --kind settles it)
     */
    public static WatchFileKind detect(Path file, String name) {
        String head;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buffer = new char[LOOK_AT];
            int n = in.read(buffer);
            head = n <= 0 ? "" : new String(buffer, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot be read: " + e.getMessage(), e);
        }
        if (head.contains("\"juror\"") || head.contains("\"prediction_sha256\"")) {
            return RECORDS;
        }
        String firstLine = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (head.contains("fine_tuning.job.event") || head.contains("critic/") || head.contains("train_rm_score")
                || firstLine.matches("\"?step\"?,.*|.*,\"?step\"?(,.*)?") || firstLine.contains("\"step\"")
                || head.matches("(?s).*\\bstep\\s*[:=]\\s*\\d.*")) {
            return METRICS;
        }
        throw new WatchInputException(name, "cannot tell reward records from training metrics: no juror record, "
                + "fine-tuning event, step column or trainer metric in its first 64 KB (give --kind records|metrics)");
    }
}
