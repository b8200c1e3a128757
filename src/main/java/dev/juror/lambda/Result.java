package dev.juror.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.juror.reward.CompositeReward;
import dev.juror.reward.RewardMetric;
import dev.juror.reward.RewardOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the handler's answer: the sample's id as received, a finite score and the metrics.
 * {@code error} (an extra key the contract tolerates) says why a sample could not be scored.
 */
record Result(JsonNode id, double score, List<RewardMetric> metrics, String error, boolean floored,
              boolean judgeError) {

    Result {
        metrics = List.copyOf(metrics);
        if (!Double.isFinite(score)) {
            score = 0.0;
        }
    }

    static Result scored(JsonNode id, RewardOutcome outcome, List<RewardMetric> extra) {
        List<RewardMetric> metrics = new ArrayList<>(outcome.metrics());
        metrics.addAll(extra);
        return new Result(id, outcome.reward(), metrics, null, outcome.floored(), outcome.judgeError());
    }

    static Result invalid(JsonNode id, double neutral, String why) {
        return new Result(id, neutral, List.of(RewardMetric.metric("invalid_sample", 1)), why, false, false);
    }

    static Result deadline(JsonNode id, double neutral) {
        return new Result(id, neutral, List.of(RewardMetric.metric("judge_error", 1),
                RewardMetric.metric(CompositeReward.SERVICE_FAILURE, 1), RewardMetric.metric("deadline_exceeded", 1)),
                "the judge did not answer before the Lambda's deadline", false, true);
    }

    static Result eventError(double neutral, String why) {
        return new Result(TextNode.valueOf("event-error"), neutral, List.of(RewardMetric.metric("event_error", 1)),
                why, false, false);
    }

    /** Whether the metric is reported with value 1. */
    boolean has(String metric) {
        return metrics.stream().anyMatch(m -> m.name().equals(metric) && m.value() == 1.0);
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName("id");
        g.writeTree(id);
        g.writeNumberField("aggregate_reward_score", score);
        g.writeArrayFieldStart("metrics_list");
        for (RewardMetric m : metrics) {
            g.writeStartObject();
            g.writeStringField("name", m.name());
            g.writeNumberField("value", m.value());
            g.writeStringField("type", m.kind().contractName());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (error != null) {
            g.writeStringField("error", error);
        }
        g.writeEndObject();
    }

    static void writeArray(JsonGenerator g, List<Result> results) throws IOException {
        g.writeStartArray();
        for (Result r : results) {
            r.write(g);
        }
        g.writeEndArray();
    }
}
