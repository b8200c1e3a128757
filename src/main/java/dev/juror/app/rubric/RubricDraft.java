package dev.juror.app.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A rubric as the editor holds it: every value as typed, so the form can hold anything (an empty
 * level, a weight of "abc") and undo can restore it. Immutable; {@link #edit} gives a changed copy.
 * {@link DraftYaml} turns it into the YAML tree the strict reader checks.
 *
 * <p>Edge cases, encourage, discourage and mandatory rules are edited one item per line. Judge
 * settings, reward checks and per-dimension threshold overrides are edited as YAML in
 * {@code advanced} (keys {@code judge}, {@code checks}, {@code per_dimension}).
 */
public record RubricDraft(String name, String description, String objective, String approach, String unit,
                          String mode, List<DimensionDraft> dimensions, String edgeCases, String encourage,
                          String discourage, boolean dealBreakerFloor, String minKappaLowerBound, String minItems,
                          boolean requireWithinHumanCeiling, String humanCeilingMargin, String maxFlipRate,
                          boolean requireRegressionPass, String advanced) {

    public RubricDraft {
        dimensions = List.copyOf(dimensions);
    }

    /** A copy changed by {@code change}, which edits a mutable builder. */
    public RubricDraft edit(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** A copy with dimension {@code index} changed. */
    public RubricDraft editDimension(int index, UnaryOperator<DimensionDraft> change) {
        return edit(b -> b.dimensions.set(index, change.apply(b.dimensions.get(index))));
    }

    /** Mutable copy of a draft; fields are public because it lives for one edit only. */
    public static final class Builder {
        public String name;
        public String description;
        public String objective;
        public String approach;
        public String unit;
        public String mode;
        public final List<DimensionDraft> dimensions;
        public String edgeCases;
        public String encourage;
        public String discourage;
        public boolean dealBreakerFloor;
        public String minKappaLowerBound;
        public String minItems;
        public boolean requireWithinHumanCeiling;
        public String humanCeilingMargin;
        public String maxFlipRate;
        public boolean requireRegressionPass;
        public String advanced;

        Builder(RubricDraft d) {
            name = d.name;
            description = d.description;
            objective = d.objective;
            approach = d.approach;
            unit = d.unit;
            mode = d.mode;
            dimensions = new ArrayList<>(d.dimensions);
            edgeCases = d.edgeCases;
            encourage = d.encourage;
            discourage = d.discourage;
            dealBreakerFloor = d.dealBreakerFloor;
            minKappaLowerBound = d.minKappaLowerBound;
            minItems = d.minItems;
            requireWithinHumanCeiling = d.requireWithinHumanCeiling;
            humanCeilingMargin = d.humanCeilingMargin;
            maxFlipRate = d.maxFlipRate;
            requireRegressionPass = d.requireRegressionPass;
            advanced = d.advanced;
        }

        RubricDraft build() {
            return new RubricDraft(name, description, objective, approach, unit, mode, dimensions, edgeCases,
                    encourage, discourage, dealBreakerFloor, minKappaLowerBound, minItems, requireWithinHumanCeiling,
                    humanCeilingMargin, maxFlipRate, requireRegressionPass, advanced);
        }
    }
}
