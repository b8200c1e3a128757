package dev.juror.align;

import java.util.ArrayList;
import java.util.List;

/**
 * Candidates the engineer typed (issue #16, source c): whole rubric files, each an edited copy of the
 * baseline. They are checked like every other candidate ({@link CandidateCheck}) before any call.
 */
public final class TypedEdits implements CandidateSource {

    /** One typed edit: where it came from (a file name) and its text. */
    public record Edit(String source, String rubricYaml) {
    }

    private final List<Edit> edits;

    public TypedEdits(List<Edit> edits) {
        this.edits = List.copyOf(edits);
    }

    @Override
    public String origin() {
        return "typed";
    }

    @Override
    public List<Candidate> propose(AlignContext context) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            out.add(new Candidate("typed-" + (i + 1), origin(), "typed by the engineer: " + e.source(), e.rubricYaml()));
        }
        return out;
    }

    @Override
    public String whyNone(AlignContext context) {
        return edits.isEmpty() ? "no edited rubric given (--edit FILE)" : "";
    }
}
