package dev.juror.workspace.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.calibration.rating.ItemKeys;
import dev.juror.calibration.rating.Rating;
import dev.juror.dataset.ContentHash;
import dev.juror.store.Repositories;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SHA-256 content hashes of the samples, rollouts and labels a calibration used, so a later reader
 * can tell whether the evidence still describes the data it holds. Each hash is over sorted,
 * tab-separated lines ending in a newline (the recipe is written beside it and in docs/export.md):
 * samples {@code id, content_hash}; rollouts {@code sample id, index, prediction_hash}; labels
 * {@code item key, dimension, labeller, score}.
 */
final class UsedData {

    static final String SAMPLES_RECIPE = "sorted lines: sample id TAB sample content_hash (SHA-256 of the sample as imported)";
    static final String ROLLOUTS_RECIPE = "sorted lines: sample id TAB rollout index TAB prediction_hash (SHA-256 of the prediction)";
    static final String LABELS_RECIPE = "sorted lines: item key (sample/rollout/comment position) TAB dimension TAB labeller TAB score";

    private UsedData() {
    }

    static ObjectNode hashes(Repositories repositories, StoredJudgeRun run, List<Rating> labels) {
        TreeSet<String> labelLines = new TreeSet<>();
        TreeSet<String> sampleIds = new TreeSet<>();
        for (Rating r : labels) {
            labelLines.add(r.itemKey() + "\t" + r.dimension() + "\t" + r.rater() + "\t" + r.score() + "\n");
            String rollout = ItemKeys.rolloutOf(r.itemKey());
            sampleIds.add(ItemKeys.rolloutOf(rollout));
        }
        TreeSet<String> rolloutLines = new TreeSet<>();
        Map<Long, StoredRollout> rollouts = repositories.rollouts().findAll(run.rolloutIds());
        for (StoredRollout r : rollouts.values()) {
            rolloutLines.add(r.sampleId() + "\t" + r.index() + "\t" + r.predictionHash() + "\n");
            sampleIds.add(r.sampleId());
        }
        List<String> sampleLines = new ArrayList<>();
        int unknown = 0;
        for (String id : sampleIds) {
            StoredSample s = repositories.samples().find(id).orElse(null);
            if (s == null) {
                unknown++;
            } else {
                sampleLines.add(id + "\t" + s.contentHash() + "\n");
            }
        }
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("judge_run", "run-" + run.id());
        put(n, "samples", sampleLines, SAMPLES_RECIPE);
        if (unknown > 0) {
            n.with("samples").put("not_in_workspace", unknown);
        }
        put(n, "rollouts", new ArrayList<>(rolloutLines), ROLLOUTS_RECIPE);
        put(n, "labels", new ArrayList<>(labelLines), LABELS_RECIPE);
        return n;
    }

    private static void put(ObjectNode n, String name, List<String> lines, String recipe) {
        n.putObject(name).put("count", lines.size()).put("sha256", ContentHash.of(String.join("", lines)))
                .put("recipe", recipe);
    }
}
