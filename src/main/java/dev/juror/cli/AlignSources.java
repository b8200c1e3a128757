package dev.juror.cli;

import dev.juror.align.CandidateSource;
import java.util.List;

/**
 * The candidate sources {@code juror align} uses besides the engineer's typed edits: the few-shot and
 * proposed-edit sources are added here when they land (issue #16, the candidates part).
 */
final class AlignSources {

    private AlignSources() {
    }

    static List<CandidateSource> defaults() {
        return List.of();
    }
}
