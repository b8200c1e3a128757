package dev.juror.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.lambda.LambdaConfig;
import dev.juror.rubric.Checks;
import dev.juror.rubric.Rubric;
import java.util.Optional;

/**
 * The neutral reward written into {@code juror-reward.json} is the one the handler uses (issue #13).
 * Left empty, the file said {@code "neutral_reward": null} and a reader could not tell that the
 * handler falls back to the packaged rubric's {@code checks.neutral_reward}. The exporter pins that
 * value and says where it came from; the handler reads a pinned value as an override, which is the
 * same number, and a person who edits it gets what the file says.
 */
final class NeutralReward {

    static final String SOURCE_FIELD = "neutral_reward_source";

    private NeutralReward() {
    }

    /** The configuration with the neutral reward the handler would use written out. */
    static LambdaConfig pinned(LambdaConfig config, Rubric rubric) {
        if (config.neutralReward().isPresent()) {
            return config;
        }
        return config.withNeutralReward(Optional.of(rubric.checks().neutralReward()));
    }

    /** The JSON form of a {@link #pinned} configuration, with where its neutral reward comes from. */
    static ObjectNode json(LambdaConfig pinned, Rubric rubric) {
        ObjectNode json = pinned.toJson();
        boolean fromRubric = pinned.neutralReward().orElseThrow() == rubric.checks().neutralReward();
        json.put(SOURCE_FIELD, fromRubric
                ? "rubric checks.neutral_reward (default " + Checks.DEFAULT_NEUTRAL_REWARD
                        + " when the rubric does not set it), version "
                        + pinned.rubricVersion()
                : "set at export; the rubric's checks.neutral_reward is " + rubric.checks().neutralReward());
        return json;
    }
}
