package dev.juror.reward;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo rollouts shipped in samples/contract-review, with their documented kind. */
public final class ShippedRollouts {

    public static final Path SAMPLES = Path.of("samples/contract-review/contract-review.jsonl");

    public record Rollout(SampleInput sample, RolloutInput rollout, String kind, int index) {
        public RewardInput input() {
            return RewardInput.of(sample.systemPrompt(), sample.targetDocument(), sample.referenceDocument(),
                    sample.referenceAnswer() == null ? "" : sample.referenceAnswer(), rollout.prediction());
        }

        public String key() {
            return sample.id() + "#" + index;
        }
    }

    private ShippedRollouts() {
    }

    public static List<Rollout> all() {
        ImportBatch batch;
        try {
            batch = JsonlImportReader.read(SAMPLES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (batch.hasErrors()) {
            throw new IllegalStateException("shipped samples have errors: " + batch.errors());
        }
        List<Rollout> out = new ArrayList<>();
        for (SampleInput s : batch.samples()) {
            for (int i = 0; i < s.rollouts().size(); i++) {
                RolloutInput r = s.rollouts().get(i);
                out.add(new Rollout(s, r, String.valueOf(r.metadata().get("kind")), i));
            }
        }
        return out;
    }

    public static List<Rollout> ofKind(String... kinds) {
        List<String> wanted = List.of(kinds);
        return all().stream().filter(r -> wanted.contains(r.kind())).toList();
    }
}
