package dev.juror.align;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Orders candidates by {@link CandidateScore#worstLower()}, then {@link CandidateScore#meanLower()},
 * then in the order given (the baseline first, so a tie keeps the baseline); picks the winner only
 * when it beats the baseline strictly.
 */
public final class Ranking {

    static final Comparator<CandidateScore> BEST_FIRST = Comparator
            .comparingDouble(CandidateScore::worstLower).reversed()
            .thenComparing(Comparator.comparingDouble(CandidateScore::meanLower).reversed());

    private Ranking() {
    }

    /** Best first; stable, so equal scores keep their given order. */
    public static List<CandidateScore> rank(List<CandidateScore> scores) {
        return scores.stream().sorted(BEST_FIRST).toList();
    }

    /** The best candidate if it ranks strictly above the baseline; empty when the baseline stays. */
    public static Optional<CandidateScore> chosen(CandidateScore baseline, List<CandidateScore> candidates) {
        return candidates.stream().sorted(BEST_FIRST).findFirst()
                .filter(best -> BEST_FIRST.compare(best, baseline) < 0);
    }
}
