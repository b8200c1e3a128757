package dev.juror.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small rubric and train items for the candidate sources' tests. */
final class AlignFixtures {

    static final String RUBRIC = """
            name: tiny
            objective: Grade the review comment.
            unit: comment
            dimensions:
              - name: Grounding
                question: Does the comment quote the contract?
                scale: 1-3
                levels:
                  3: Quotes the clause word for word.
                  2: Paraphrases the clause.
                  1: Invents a clause.
              - name: Action
                question: Does it say what to do?
                scale: 1-3
                levels:
                  3: A concrete edit.
                  2: A vague suggestion.
                  1: Nothing to do.
            judge:
              model_id: amazon.nova-pro-v1:0
            """;

    private AlignFixtures() {
    }

    static TrainExample item(String key, String comment, int g, int a, int judgeG, int judgeA, String note,
                             String reason) {
        return new TrainExample(key, "s-" + key, comment, "", Map.of("Grounding", g, "Action", a), note,
                Map.of("Grounding", judgeG, "Action", judgeA), reason);
    }

    /** Twelve items: scores 1-3 on both dimensions; the judge over-scores every indemnity comment's Action. */
    static List<TrainExample> train() {
        List<TrainExample> out = new ArrayList<>();
        String[] topics = {"payment terms net thirty days", "indemnity cap liability unlimited",
                "termination notice period", "governing law jurisdiction"};
        int n = 0;
        for (String topic : topics) {
            for (int level = 1; level <= 3; level++) {
                boolean indemnity = topic.startsWith("indemnity");
                int judgeAction = indemnity ? 3 : level;
                out.add(item("i" + (n++), "Comment on " + topic + " variant " + level, level, level, level,
                        judgeAction, indemnity ? "only a vague suggestion" : "", indemnity ? "clear action" : ""));
            }
        }
        return out;
    }

    /** The fixture plus four more indemnity comments the judge over-scores, and one far-off item. */
    static List<TrainExample> manyMistakes() {
        List<TrainExample> train = new ArrayList<>(train());
        for (int i = 0; i < 4; i++) {
            train.add(item("m" + i, "Comment on indemnity cap liability unlimited, case " + i, 2, 1, 2, 3,
                    "no action given", "clear action"));
        }
        train.add(item("far", "Typo in the definitions section heading", 3, 3, 3, 3, "", ""));
        return train;
    }

    static AlignContext context(List<TrainExample> train, Optional<ProposalModel> model) {
        return new AlignContext(RUBRIC, train, 42, model);
    }

    /** Bag of words hashed into 64 buckets: similar texts share words, so their cosine is high. */
    static TextEmbedder wordsEmbedder() {
        return texts -> texts.stream().map(t -> {
            float[] v = new float[64];
            for (String w : t.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
                if (!w.isEmpty()) {
                    v[Math.floorMod(w.hashCode(), 64)] += 1;
                }
            }
            return v;
        }).toList();
    }
}
