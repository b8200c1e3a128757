package dev.juror.app.training;

import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.workspace.watch.CheckpointForReview;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The checkpoint whose rollouts a step opens in the review desk: the one taken nearest that step
 * (the earlier on a tie). A checkpoint's step is its rollouts' {@code metadata.step}, else the
 * report's agreement entry of the same name; one with neither is never chosen.
 */
final class NearestCheckpoint {

    private NearestCheckpoint() {
    }

    static Optional<CheckpointForReview> of(List<CheckpointForReview> inWorkspace, List<CheckpointAgreement> inReport,
                                           int step) {
        CheckpointForReview best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (CheckpointForReview c : inWorkspace) {
            OptionalInt at = stepOf(c, inReport);
            if (at.isEmpty()) {
                continue;
            }
            int distance = Math.abs(at.getAsInt() - step);
            if (distance < bestDistance || (distance == bestDistance && at.getAsInt() < best.step().orElse(0))) {
                bestDistance = distance;
                best = new CheckpointForReview(c.checkpoint(), at, c.rollouts(), c.firstSampleId(),
                        c.firstRolloutIndex(), c.queues());
            }
        }
        return Optional.ofNullable(best);
    }

    private static OptionalInt stepOf(CheckpointForReview c, List<CheckpointAgreement> inReport) {
        if (c.step().isPresent()) {
            return c.step();
        }
        return inReport.stream().filter(a -> a.checkpoint().equals(c.checkpoint()))
                .mapToInt(CheckpointAgreement::step).findFirst();
    }
}
