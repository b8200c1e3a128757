package dev.juror.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gathers samples in file order and enforces unique ids. In Nova RFT files a repeated id whose
 * prompt (system prompt, target, reference, reference answer) is identical is another rollout of
 * the same sample (rollout logs hold one line per rollout); any other repeat is refused.
 */
final class SampleCollector {

    private final Map<String, Pending> samples = new LinkedHashMap<>();

    /** Adds a new sample; refuses a repeated id. */
    void addNew(SampleInput sample) {
        Pending first = samples.get(sample.id());
        if (first != null) {
            throw duplicate(sample.id(), first.line);
        }
        samples.put(sample.id(), new Pending(sample));
    }

    /** Adds a sample, or only its rollouts when the same prompt was already seen under this id. */
    void addOrMerge(SampleInput sample) {
        Pending first = samples.get(sample.id());
        if (first == null) {
            samples.put(sample.id(), new Pending(sample));
            return;
        }
        if (!first.samePrompt(sample) || sample.rollouts().isEmpty()) {
            throw new InvalidSampleException("duplicate sample id \"" + sample.id() + "\" (first on line " + first.line
                    + ") with a different prompt or without a prediction; give each sample its own id");
        }
        first.rollouts.addAll(sample.rollouts());
    }

    private static InvalidSampleException duplicate(String id, int firstLine) {
        return new InvalidSampleException("duplicate sample id \"" + id + "\" (first on line " + firstLine
                + "); ids must be unique within the file");
    }

    List<SampleInput> samples() {
        List<SampleInput> list = new ArrayList<>(samples.size());
        for (Pending p : samples.values()) {
            list.add(p.build());
        }
        return list;
    }

    private static final class Pending {
        final SampleInput first;
        final int line;
        final List<RolloutInput> rollouts;

        Pending(SampleInput first) {
            this.first = first;
            this.line = first.line();
            this.rollouts = new ArrayList<>(first.rollouts());
        }

        boolean samePrompt(SampleInput other) {
            return first.systemPrompt().equals(other.systemPrompt())
                    && first.targetDocument().equals(other.targetDocument())
                    && first.referenceDocument().equals(other.referenceDocument())
                    && Objects.equals(first.referenceAnswer(), other.referenceAnswer());
        }

        SampleInput build() {
            if (rollouts.size() == first.rollouts().size()) {
                return first;
            }
            return new SampleInput(first.id(), first.systemPrompt(), first.targetDocument(), first.referenceDocument(),
                    first.referenceAnswer(), first.metadata(), rollouts, first.line());
        }
    }
}
