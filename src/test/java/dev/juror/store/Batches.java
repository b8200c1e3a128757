package dev.juror.store;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.ImportFormat;
import dev.juror.dataset.LineError;
import dev.juror.dataset.RolloutAddition;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small import batches for the store tests, as the JSONL reader would hand them over. */
public final class Batches {

    public static final String CONTRACT = "MASTER SERVICES AGREEMENT\n1. Term. This Agreement runs for three years.\n"
            + "2. Liability. Supplier's liability is unlimited.\n";
    public static final String GUIDELINE = "Playbook: cap liability at fees paid in the prior 12 months.";

    private Batches() {
    }

    public static String prediction(String... commentIds) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < commentIds.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"comment_id\":\"").append(commentIds[i])
                    .append("\",\"text_excerpt\":\"Supplier's liability is unlimited\",")
                    .append("\"comment\":\"Unlimited liability breaches the playbook (").append(i)
                    .append(")\",\"comment_type\":\"risk\",\"recommended_action\":\"Cap at 12 months of fees\"}");
        }
        return json.append(']').toString();
    }

    public static RolloutInput rollout(String model, String... commentIds) {
        return new RolloutInput(prediction(commentIds), Map.of("model", model));
    }

    public static SampleInput sample(String id, int line, String target, List<RolloutInput> rollouts) {
        return new SampleInput(id, "You review contracts.", target, GUIDELINE, "{\"comments\":[]}",
                Map.of("split", "train"), rollouts, line);
    }

    /** n samples sharing one contract, each with {@code rollouts} rollouts of two comments. */
    public static ImportBatch samples(int n, int rollouts) {
        List<SampleInput> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<RolloutInput> outputs = new ArrayList<>();
            for (int r = 0; r < rollouts; r++) {
                outputs.add(rollout("nova-lite-" + r, "c1", "c2"));
            }
            samples.add(sample("s" + (i + 1), i + 1, CONTRACT, outputs));
        }
        return batch(samples, List.of(), List.of());
    }

    public static ImportBatch batch(List<SampleInput> samples, List<RolloutAddition> additions, List<LineError> errors) {
        int lines = samples.size() + additions.size() + errors.size();
        ImportFormat format = additions.isEmpty() ? ImportFormat.JUROR : ImportFormat.ROLLOUTS;
        return new ImportBatch(Path.of("data", format == ImportFormat.JUROR ? "samples.jsonl" : "rollouts.jsonl"),
                format, samples, additions, errors, lines);
    }
}
