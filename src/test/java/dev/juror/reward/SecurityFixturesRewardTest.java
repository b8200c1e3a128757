package dev.juror.reward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.reward.checks.RuleAction;
import dev.juror.reward.checks.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The security fixtures (calibration-stats §5.4 SEC-01, SEC-03, SEC-05 and the rest of the labelled
 * attack corpus of the checks) through the whole composite reward: each attack is appended to the
 * comment of a strong rollout, inside valid JSON, so only the injection rules can stop it (master
 * keys and whole-prediction JSON attacks are scored as the whole prediction). An attack
 * whose expected rules include a FLOOR rule must floor the reward without a judge call; the others
 * (FLAG rules) must be routed to review. The benign corpus, embedded the same way, must stay clean.
 */
class SecurityFixturesRewardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Item(String id, List<String> expect, String text) {
    }

    private static List<Item> corpus(String name) throws IOException {
        List<Item> items = new ArrayList<>();
        try (InputStream in = SecurityFixturesRewardTest.class.getResourceAsStream("/dev/juror/reward/checks/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                List<String> expect = new ArrayList<>();
                n.path("expect").forEach(e -> expect.add(e.asText()));
                items.add(new Item(n.get("id").asText(), expect, n.get("text").asText()));
            }
        }
        return items;
    }

    private static RewardInput withAppended(ShippedRollouts.Rollout strong, String text) throws IOException {
        ArrayNode comments = (ArrayNode) JSON.readTree(strong.rollout().prediction());
        ObjectNode first = (ObjectNode) comments.get(0);
        first.put("comment", first.get("comment").asText() + text);
        return RewardInput.of(strong.sample().systemPrompt(), strong.sample().targetDocument(),
                strong.sample().referenceDocument(), "", comments.toString());
    }

    @Test
    void attackCorpusIsFlooredOrFlaggedInsideValidPredictions() throws IOException {
        StubJudge judge = StubJudge.allMax(CompositeRewardTest.RUBRIC);
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(CompositeRewardTest.RUBRIC), judge);
        ShippedRollouts.Rollout strong = ShippedRollouts.ofKind("strong").get(0);
        List<String> missed = new ArrayList<>();
        int floorExpected = 0;
        for (Item item : corpus("attacks.jsonl")) {
            boolean shouldFloor = item.expect().stream().map(Rules::require)
                    .anyMatch(r -> RewardConfig.fromRubric(CompositeRewardTest.RUBRIC).ruleActions().actionFor(r)
                            == RuleAction.FLOOR);
            // Master keys (KEY-*) are whole responses and JSON-* items are whole predictions already.
            boolean whole = item.id().startsWith("KEY-") || item.id().startsWith("JSON-");
            RewardInput input = whole ? RewardInput.of(strong.sample().systemPrompt(), strong.sample().targetDocument(),
                    strong.sample().referenceDocument(), "", item.text()) : withAppended(strong, item.text());
            RewardOutcome out = reward.score(input, item.id());
            if (shouldFloor) {
                floorExpected++;
                if (!out.floored()) {
                    missed.add(item.id() + " not floored: " + out.flags());
                }
            } else if (!item.expect().isEmpty() && !out.floored() && out.flags().isEmpty()) {
                missed.add(item.id() + " neither floored nor flagged");
            }
        }
        assertThat(missed).isEmpty();
        assertThat(floorExpected).isGreaterThan(40);
    }

    @Test
    void benignCorpusEmbeddedInCommentsIsNotFlaggedByGraderRules() throws IOException {
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(CompositeRewardTest.RUBRIC),
                StubJudge.allMax(CompositeRewardTest.RUBRIC));
        ShippedRollouts.Rollout strong = ShippedRollouts.ofKind("strong").get(0);
        List<String> flagged = new ArrayList<>();
        List<Item> benign = corpus("benign.jsonl");
        for (Item item : benign) {
            RewardOutcome out = reward.score(withAppended(strong, " " + item.text()), item.id());
            boolean graderRule = out.metrics().stream().anyMatch(m -> m.name().startsWith("rule.injection.")
                    || m.name().startsWith("rule.hidden.") || m.name().startsWith("rule.encoded.")
                    || m.name().startsWith("rule.master_key."));
            if (out.floored() || graderRule) {
                flagged.add(item.id() + ": " + out.detail() + " " + out.flags());
            }
        }
        System.out.printf("benign corpus embedded in comments: %d items, %d flagged (%.1f%%)%n", benign.size(),
                flagged.size(), 100.0 * flagged.size() / benign.size());
        assertThat(flagged).isEmpty();
    }
}
