package dev.juror.export.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@code juror bundle verify} found.
 *
 * @param bundle            the folder or zip verified
 * @param kind              the manifest's kind ("" when unreadable)
 * @param validated         the manifest says the bundle is validated
 * @param unvalidatedReason why not ("" when validated)
 * @param rubricVersion     the manifest's rubric version
 * @param verdict           the evidence's verdict status ("" when it has none)
 * @param conditions        the verdict's conditions, one line each
 * @param files             files whose hash was checked
 * @param problems          every mismatch, each naming its file; empty when the bundle verifies
 */
public record Verification(String bundle, String kind, boolean validated,
                           @JsonProperty("unvalidated_reason") String unvalidatedReason,
                           @JsonProperty("rubric_version") String rubricVersion, String verdict,
                           List<String> conditions, @JsonProperty("files_checked") int files,
                           List<Problem> problems) {

    /** One mismatch: the file (path inside the bundle) and what is wrong with it. */
    public record Problem(String file, String problem) {
        @Override
        public String toString() {
            return file + ": " + problem;
        }
    }

    public Verification {
        conditions = List.copyOf(conditions);
        problems = List.copyOf(problems);
    }

    @JsonProperty("ok")
    public boolean ok() {
        return problems.isEmpty();
    }
}
