package dev.juror.judge.output;

import dev.juror.rubric.Preference;
import java.util.Map;
import java.util.Optional;

/**
 * A pairwise judgement: per-dimension verdicts, the winner recomputed with the rubric's weighted
 * vote, and the judge's own winner (flagged when it disagrees with the recomputation).
 *
 * @param verdicts       per dimension, in rubric order
 * @param judgeWinner    the {@code winner} the judge wrote, if valid
 * @param winner         recomputed from the verdicts ({@code Rubric.winner})
 * @param winnerMismatch the judge's winner differs from the recomputed one
 */
public record PairwiseVerdict(Map<String, Preference> verdicts, Optional<Preference> judgeWinner, Preference winner,
                              boolean winnerMismatch) {

    public PairwiseVerdict {
        verdicts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(verdicts));
    }
}
