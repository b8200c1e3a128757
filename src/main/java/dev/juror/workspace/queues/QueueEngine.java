package dev.juror.workspace.queues;

import java.util.List;
import java.util.Random;

/** One queue strategy: ranks the rollouts it would give labellers, best first. Plain Java, no store. */
interface QueueEngine {

    /**
     * The candidates in queue order; the first ones are handed out first.
     *
     * @param random seeded: the same seed and inputs give the same order
     */
    List<Long> rank(QueueInputs inputs, QueueParameters parameters, Random random);

    /** Why nothing qualified, as a sentence, when {@link #rank} is empty. */
    String whyEmpty(QueueParameters parameters);
}
