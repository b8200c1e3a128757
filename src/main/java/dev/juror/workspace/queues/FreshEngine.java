package dev.juror.workspace.queues;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A random sample of the rollouts nobody has labelled yet, drawn with the queue's seed: the same seed
 * over the same workspace draws the same sample (periodic calibration on new rollouts).
 */
final class FreshEngine implements QueueEngine {

    @Override
    public List<Long> rank(QueueInputs inputs, QueueParameters parameters, Random random) {
        List<Long> unlabelled = new ArrayList<>(inputs.rollouts().stream()
                .filter(r -> !inputs.labelled().contains(r)).toList());
        Collections.shuffle(unlabelled, random);
        return unlabelled;
    }

    @Override
    public String whyEmpty(QueueParameters parameters) {
        return "every rollout has been labelled by someone; import new rollouts first";
    }
}
