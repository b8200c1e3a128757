package dev.juror.dataset;

import java.util.List;

/**
 * A rollout's prediction: the raw text exactly as the policy wrote it, the comments parsed from it,
 * the reason it breaks the output contract (null when it does not), and warnings about things that
 * were repaired on the way (duplicate comment ids renamed, no comments at all).
 *
 * <p>An unparseable prediction is kept, not dropped: it is precisely what the format check must
 * punish. {@code parseError != null} always means "fails the format check"; the comments may still
 * be present when the content could be recovered (a JSON answer wrapped in a Markdown code fence),
 * so an expert can read them.
 */
public record Prediction(String raw, List<Comment> comments, String parseError, List<String> warnings) {

    public Prediction {
        raw = raw == null ? "" : raw;
        comments = List.copyOf(comments);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Prediction(String raw, List<Comment> comments, String parseError) {
        this(raw, comments, parseError, List.of());
    }

    /** True when the prediction follows the output contract (bare JSON of the expected shape). */
    public boolean isParsed() {
        return parseError == null;
    }
}
