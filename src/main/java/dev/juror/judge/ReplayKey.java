package dev.juror.judge;

import java.util.Objects;

/**
 * What a recorded judge answer is looked up by.
 *
 * @param rubricVersion the rubric (prompt) version the answer was given under
 * @param model         the judge model that gave it
 * @param contentHash   SHA-256 of the judged prediction ({@link JudgeItem#contentHash()})
 */
public record ReplayKey(String rubricVersion, String model, String contentHash) {

    public ReplayKey {
        Objects.requireNonNull(rubricVersion, "rubricVersion");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    @Override
    public String toString() {
        return "rubric version " + rubricVersion + ", model " + model + ", prediction sha256 "
                + contentHash.substring(0, Math.min(12, contentHash.length()));
    }
}
