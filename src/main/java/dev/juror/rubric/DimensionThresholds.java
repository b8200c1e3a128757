package dev.juror.rubric;

/**
 * What a judge must reach on one dimension to be called validated.
 *
 * @param minKappaLowerBound       lower 95% bound of quadratic weighted kappa (judge vs humans)
 * @param minItems                 items labelled by at least two humans (doubly covered)
 * @param requireWithinHumanCeiling judge agreement must not fall below the human-human ceiling
 *                                  (leave-one-annotator-out) by more than {@code humanCeilingMargin}
 * @param humanCeilingMargin       allowed shortfall below the human ceiling, in kappa points
 * @param maxFlipRate              largest share of items whose score changes across repeated runs
 */
public record DimensionThresholds(double minKappaLowerBound, int minItems, boolean requireWithinHumanCeiling,
                                  double humanCeilingMargin, double maxFlipRate) {

    public static final DimensionThresholds DEFAULT = new DimensionThresholds(0.6, 50, true, 0.10, 0.10);
}
