package dev.juror.batch;

import dev.juror.judge.JudgeCall;
import dev.juror.judge.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batch record ids, made from the call (rollout, pair, repeat) and its replay key (rubric version,
 * model, prediction hash), so an output line joins back to exactly the call it answers: {@code
 * R42r0-3fa9c2d1e07b} for rollout 42's first repeat, {@code R42x43r1-...} for the pair (42, 43). On
 * the way back the hash is checked against the item as it is now, so an answer to a prompt that has
 * since changed is never stored under it.
 */
public final class RecordIds {

    private static final Pattern FORM = Pattern.compile("R(\\d+)(?:x(\\d+))?r(\\d+)-([0-9a-f]{12})");

    private RecordIds() {
    }

    /** The record id of a call of the judge {@code model} under {@code rubricVersion}. */
    public static String of(JudgeCall call, long rolloutId, OptionalLong rolloutBId, String rubricVersion,
                            String model) {
        return "R" + rolloutId + (rolloutBId.isPresent() ? "x" + rolloutBId.getAsLong() : "") + "r" + call.repeat()
                + "-" + hash(rubricVersion, model, call.item().contentHash(), call.repeat());
    }

    /** The run result key ({@link RunResult#key}) a record id stands for; empty when it is not one of ours. */
    public static Optional<String> callKey(String recordId) {
        Matcher m = FORM.matcher(recordId == null ? "" : recordId);
        if (!m.matches()) {
            return Optional.empty();
        }
        OptionalLong b = m.group(2) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)));
        return Optional.of(RunResult.key(Long.parseLong(m.group(1)), b, Integer.parseInt(m.group(3))));
    }

    /** Whether a record id was made for this call as it is now (same item content, rubric version and model). */
    public static boolean matches(String recordId, JudgeCall call, String rubricVersion, String model) {
        return recordId.endsWith("-" + hash(rubricVersion, model, call.item().contentHash(), call.repeat()));
    }

    private static String hash(String rubricVersion, String model, String contentHash, int repeat) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((rubricVersion + "\n" + model + "\n" + contentHash + "\n" + repeat)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
