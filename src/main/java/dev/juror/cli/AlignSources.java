package dev.juror.cli;

import dev.juror.align.CandidateSource;
import java.util.List;

/** {@code juror align}'s sources: the same as the workbench's ({@link dev.juror.workspace.align.AlignSources}). */
final class AlignSources {

    private AlignSources() {
    }

    static List<CandidateSource> defaults(boolean fewShot, boolean proposals) {
        return dev.juror.workspace.align.AlignSources.defaults(fewShot, proposals);
    }
}
