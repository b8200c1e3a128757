package dev.juror.rubric;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A judge rubric as read from a YAML file in {@code rubrics/}. Immutable; build one with
 * {@link RubricYaml#read}, which checks every rule. Texts are stored stripped, with {@code \n}
 * line ends, so formatting of the file never changes the rubric.
 *
 * <p>All dimensions of one rubric share one scale ({@link #scale()}), so the comment score is on
 * that scale too (the article's Comment_Score on 1-5).
 *
 * <p>{@code examples} are fixed scored examples shown to the judge (pointwise rubrics only; see
 * {@link FewShotExample}); empty for most rubrics, and then absent from the file and the version.
 */
public record Rubric(String name, String description, String objective, String approach, Unit unit, Mode mode,
                     List<Dimension> dimensions, List<String> edgeCases, List<String> encourage,
                     List<String> discourage, Aggregation aggregation, JudgeModelSettings judge,
                     ValidationThresholds validation, Checks checks, List<FewShotExample> examples) {

    /** The same rubric with other fixed examples (judge alignment writes few-shot candidates this way). */
    public Rubric withExamples(List<FewShotExample> newExamples) {
        return new Rubric(name, description, objective, approach, unit, mode, dimensions, edgeCases, encourage,
                discourage, aggregation, judge, validation, checks, newExamples);
    }

    /** A rubric without fixed examples (the usual case; {@code examples} came with judge alignment). */
    public Rubric(String name, String description, String objective, String approach, Unit unit, Mode mode,
                  List<Dimension> dimensions, List<String> edgeCases, List<String> encourage,
                  List<String> discourage, Aggregation aggregation, JudgeModelSettings judge,
                  ValidationThresholds validation, Checks checks) {
        this(name, description, objective, approach, unit, mode, dimensions, edgeCases, encourage, discourage,
                aggregation, judge, validation, checks, List.of());
    }

    public Rubric {
        dimensions = List.copyOf(dimensions);
        edgeCases = List.copyOf(edgeCases);
        encourage = List.copyOf(encourage);
        discourage = List.copyOf(discourage);
        examples = examples == null ? List.of() : List.copyOf(examples);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("rubric " + name + " has no dimensions");
        }
    }

    /** The scale shared by every dimension. */
    public Scale scale() {
        return dimensions.get(0).scale();
    }

    public Optional<Dimension> dimension(String dimensionName) {
        return dimensions.stream().filter(d -> d.name().equals(dimensionName)).findFirst();
    }

    public List<String> dimensionNames() {
        return dimensions.stream().map(Dimension::name).toList();
    }

    /** Weighted mean of the dimension scores, floored when a deal-breaker fails; see {@link Scoring}. */
    public double commentScore(Map<String, Double> dimensionScores) {
        return Scoring.commentScore(this, dimensionScores);
    }

    /** Mean of the comment scores of one sample; see {@link Scoring}. */
    public double sampleScore(List<Double> commentScores) {
        return Scoring.sampleScore(commentScores);
    }

    /** A score on the rubric's scale mapped to [0, 1]. */
    public double normalise(double score) {
        return scale().normalise(score);
    }

    /** Pairwise: the overall winner from per-dimension verdicts; see {@link Scoring}. */
    public Preference winner(Map<String, Preference> verdicts) {
        return Scoring.winner(this, verdicts);
    }
}
