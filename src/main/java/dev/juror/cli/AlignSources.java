package dev.juror.cli;

import dev.juror.align.CandidateSource;
import dev.juror.align.FewShotSource;
import dev.juror.align.ProposedEditSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The candidate sources {@code juror align} uses besides the engineer's typed edits: fixed few-shot
 * examples from the train split (with the in-process embedding model) and edits the judge model
 * proposes from the train split's disagreements. A new proposed-edit source per round: it keeps the
 * rejections of its last run.
 */
final class AlignSources {

    private AlignSources() {
    }

    static List<CandidateSource> defaults(boolean fewShot, boolean proposals) {
        List<CandidateSource> sources = new ArrayList<>();
        if (fewShot) {
            sources.add(FewShotSource.withMiniLm());
        }
        if (proposals) {
            sources.add(new ProposedEditSource());
        }
        return sources;
    }
}
