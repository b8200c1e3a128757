package dev.juror.judge.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.dataset.Comment;
import dev.juror.rubric.OutputSchema;
import dev.juror.rubric.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairs the comments a judge scored with the prediction's comments, by {@code comment_id}. The
 * judge sees the prediction as the policy wrote it, while the dataset renames repeated ids
 * ({@code c1}, {@code c1-2}); so an id the judge repeats is first matched exactly, then to the
 * renamed copies of that id in order. Missing, extra and over-repeated comments become typed
 * {@link OutputError}s.
 */
final class CommentMatcher {

    /** The suffix {@code PredictionParser} gives repeated ids: {@code c1-2}, {@code c1-3}. */
    private static final Pattern RENAMED = Pattern.compile("(.+)-(\\d+)");

    private CommentMatcher() {
    }

    static final int UNMATCHED = Integer.MIN_VALUE;

    /** For each judged entry, the position of the prediction comment it scores, or UNMATCHED. */
    static List<Integer> positions(List<JsonNode> entries, List<Comment> expected, Unit unit,
                                   List<OutputError> errors) {
        List<Integer> positions = new ArrayList<>();
        if (expected == null) {
            boolean response = unit == Unit.RESPONSE;
            for (int i = 0; i < entries.size(); i++) {
                positions.add(response ? -1 : i);
            }
            if (response && entries.size() > 1) {
                for (int i = 1; i < entries.size(); i++) {
                    errors.add(new OutputError(OutputErrorKind.EXTRA_COMMENT, "$.comments[" + i + "]",
                            "a response-level rubric takes exactly one judged entry"));
                    positions.set(i, UNMATCHED);
                }
            }
            return positions;
        }
        boolean[] taken = new boolean[expected.size()];
        Map<String, Integer> firstById = new HashMap<>();
        for (int p = 0; p < expected.size(); p++) {
            firstById.putIfAbsent(expected.get(p).commentId().strip(), p);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = idOf(entries.get(i)).strip();
            seen.merge(id, 1, Integer::sum);
            Integer p = firstById.get(id);
            if (p != null && !taken[p]) {
                taken[p] = true;
                positions.add(p);
            } else {
                positions.add(UNMATCHED);
            }
        }
        // Second pass: a repeated id matches the renamed copies (c1-2, c1-3) in order.
        for (int i = 0; i < entries.size(); i++) {
            if (positions.get(i) != UNMATCHED) {
                continue;
            }
            String id = idOf(entries.get(i)).strip();
            int p = renamedCopy(expected, taken, id);
            if (p >= 0) {
                taken[p] = true;
                positions.set(i, p);
            } else if (firstById.containsKey(id)) {
                errors.add(new OutputError(OutputErrorKind.DUPLICATE_COMMENT_ID, "$.comments[" + i + "].comment_id",
                        "comment_id \"" + id + "\" is judged " + seen.get(id) + " times; the prediction has it "
                                + (1 + renamedCopies(expected, id)) + " time(s)"));
            } else {
                errors.add(new OutputError(OutputErrorKind.EXTRA_COMMENT, "$.comments[" + i + "].comment_id",
                        "comment_id \"" + id + "\" is not a comment of the prediction"));
            }
        }
        for (int p = 0; p < expected.size(); p++) {
            if (!taken[p]) {
                errors.add(new OutputError(OutputErrorKind.MISSING_COMMENT, "$.comments",
                        "comment \"" + expected.get(p).commentId() + "\" (position " + p + ") was not judged"));
            }
        }
        return positions;
    }

    private static int renamedCopy(List<Comment> expected, boolean[] taken, String id) {
        for (int p = 0; p < expected.size(); p++) {
            if (!taken[p] && isRenamedCopy(expected.get(p).commentId(), id)) {
                return p;
            }
        }
        return -1;
    }

    private static int renamedCopies(List<Comment> expected, String id) {
        int n = 0;
        for (Comment c : expected) {
            if (isRenamedCopy(c.commentId(), id)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isRenamedCopy(String expectedId, String judgedId) {
        Matcher m = RENAMED.matcher(expectedId);
        return m.matches() && m.group(1).equals(judgedId);
    }


    /** The judged entry's {@code comment_id}, or "" when it has none. */
    static String idOf(JsonNode entry) {
        JsonNode id = entry.get(OutputSchema.COMMENT_ID);
        return id == null || id.isNull() ? "" : id.asText();
    }
}
