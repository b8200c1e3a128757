package dev.juror.dataset;

import java.util.List;

/**
 * A rollout's prediction: the raw text exactly as the policy wrote it, the comments parsed from it,
 * and the reason it could not be parsed (null when it could). An unparseable prediction is kept,
 * not dropped: it is precisely what the format check must punish.
 */
public record Prediction(String raw, List<Comment> comments, String parseError) {

    public Prediction {
        raw = raw == null ? "" : raw;
        comments = List.copyOf(comments);
    }

    public boolean isParsed() {
        return parseError == null;
    }
}
