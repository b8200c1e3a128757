package dev.juror.reward;

import dev.juror.reward.checks.LengthBand;
import dev.juror.reward.checks.Rule;
import dev.juror.reward.checks.RuleAction;
import dev.juror.reward.checks.RuleActions;
import dev.juror.reward.checks.RuleCategory;
import dev.juror.reward.checks.Rules;
import dev.juror.reward.checks.SafetyRules;
import dev.juror.rubric.Checks;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.InjectionAction;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything the composite reward needs, derived from a rubric's {@code checks} section (so the
 * settings are versioned with the prompt) plus a few reward-only knobs.
 *
 * <p>Rule actions: a rule listed in {@code checks.injection.rules} takes that action (any known rule
 * id may be listed, also {@code format.*}, {@code safety.*}, ...; see {@link #resolveRuleId} for the
 * short forms). For the rules that read text
 * aimed at the grader (families {@code injection}, {@code hidden}, {@code encoded},
 * {@code master_key}) that are not listed, {@code checks.injection.default_action} caps the built-in
 * default: {@code floor} keeps the built-in actions (e.g. {@code injection.role_tag} flags,
 * {@code injection.score_request} floors), {@code flag} turns every floor into a flag, {@code report}
 * only reports. Other families keep their built-in defaults.
 *
 * @param rubric                 pointwise rubric whose aggregation turns judge scores into the reward
 * @param ruleActions            action per rule
 * @param formatEnabled          run the strict JSON format check
 * @param groundingEnabled       locate every excerpt; ungrounded excerpts get the grounding minimum
 * @param groundingDimension     the dimension overridden for ungrounded excerpts, if any
 * @param lengthBand             the accepted length when the length check is on
 * @param lengthPenalty          subtracted (times 1 - length factor) from the reward, in [0, 1]
 * @param maxComments            the most comments a prediction may hold ({@code checks.length.max_comments});
 *                               beyond it the reward is floored without a judge call
 * @param languageEnabled        compare the prediction's language with the target document's
 * @param safetyRules            the safety term list when the safety check is on
 * @param referenceOverlapWeight weight in [0, 1] of reference-answer precision in the reward; empty
 *                               when off
 * @param ignoredReferenceCategories clause categories of a CUAD-style reference answer that are not
 *                               issues (document name, parties, dates)
 * @param neutralReward          the reward when the judge fails, in [0, 1]
 */
public record RewardConfig(Rubric rubric, RuleActions ruleActions, boolean formatEnabled, boolean groundingEnabled,
                           Optional<String> groundingDimension, Optional<LengthBand> lengthBand, double lengthPenalty,
                           OptionalInt maxComments, boolean languageEnabled, Optional<SafetyRules> safetyRules,
                           Optional<Double> referenceOverlapWeight, Set<String> ignoredReferenceCategories,
                           double neutralReward) {

    /** CUAD categories that label the contract's identity rather than an issue a reviewer raises. */
    public static final Set<String> DEFAULT_IGNORED_CATEGORIES = Set.of("Document Name", "Parties",
            "Agreement Date", "Effective Date");

    private static final Set<RuleCategory> GRADER_FAMILIES = Set.of(RuleCategory.INJECTION, RuleCategory.HIDDEN_TEXT,
            RuleCategory.ENCODED, RuleCategory.MASTER_KEY);

    public RewardConfig {
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(ruleActions, "ruleActions");
        Objects.requireNonNull(groundingDimension, "groundingDimension");
        Objects.requireNonNull(lengthBand, "lengthBand");
        Objects.requireNonNull(maxComments, "maxComments");
        Objects.requireNonNull(safetyRules, "safetyRules");
        Objects.requireNonNull(referenceOverlapWeight, "referenceOverlapWeight");
        ignoredReferenceCategories = Set.copyOf(ignoredReferenceCategories);
        if (rubric.mode() != Mode.POINTWISE) {
            throw new RewardConfigException("rubric " + rubric.name() + " is pairwise; a reward needs a pointwise "
                    + "rubric (one candidate, a score per dimension)");
        }
        requireUnit("neutral reward", neutralReward);
        requireUnit("length penalty", lengthPenalty);
        referenceOverlapWeight.ifPresent(w -> requireUnit("reference overlap weight", w));
        groundingDimension.ifPresent(name -> {
            if (rubric.dimension(name).isEmpty()) {
                throw new RewardConfigException("grounding dimension " + name + " is not a dimension of rubric "
                        + rubric.name() + "; choose one of " + rubric.dimensionNames());
            }
        });
    }

    /**
     * The configuration a rubric's {@code checks} section describes.
     *
     * @throws RewardConfigException for a pairwise rubric, an unknown rule id or safety rule set
     */
    public static RewardConfig fromRubric(Rubric rubric) {
        Checks checks = rubric.checks();
        RuleActions actions = ruleActions(checks.injection());
        Optional<LengthBand> band = Optional.empty();
        if (checks.length().enabled()) {
            int min = checks.length().minChars();
            int max = checks.length().maxChars().orElse(Integer.MAX_VALUE);
            band = Optional.of(new LengthBand(LengthBand.Unit.CHARS, min, min, max, max));
        }
        Optional<SafetyRules> safety = Optional.empty();
        if (checks.safety().enabled()) {
            if (!"default".equals(checks.safety().ruleSet())) {
                throw new RewardConfigException("checks.safety.rule_set: unknown rule set \"" + checks.safety().ruleSet()
                        + "\"; the only shipped rule set is \"default\"");
            }
            safety = Optional.of(SafetyRules.loadDefault());
        }
        Optional<Double> overlap = checks.referenceOverlap().enabled()
                ? Optional.of(checks.referenceOverlap().weight()) : Optional.empty();
        return new RewardConfig(rubric, actions, checks.format().enabled(), checks.grounding().enabled(),
                guessGroundingDimension(rubric), band, checks.length().penalty(), checks.length().maxComments(),
                checks.language().enabled(),
                safety, overlap, DEFAULT_IGNORED_CATEGORIES, checks.neutralReward());
    }

    /** The rubric's rule settings as actions; package-visible for tests. */
    static RuleActions ruleActions(Checks.Injection injection) {
        RuleActions actions = RuleActions.defaults();
        List<String> unknown = new ArrayList<>();
        Set<String> listed = new java.util.HashSet<>();
        for (Map.Entry<String, InjectionAction> e : injection.rules().entrySet()) {
            List<Rule> rules = resolveRuleId(e.getKey());
            if (rules.isEmpty()) {
                unknown.add(e.getKey());
            }
            for (Rule rule : rules) {
                actions = actions.with(rule.name(), toRuleAction(e.getValue()));
                listed.add(rule.name());
            }
        }
        if (!unknown.isEmpty()) {
            throw new RewardConfigException("checks.injection.rules: unknown rule id(s) " + unknown
                    + "; known rules: " + Rules.ALL.stream().map(Rule::name).toList());
        }
        RuleAction cap = toRuleAction(injection.defaultAction());
        for (Rule rule : Rules.ALL) {
            if (GRADER_FAMILIES.contains(rule.category()) && !listed.contains(rule.name())
                    && rule.defaultAction().compareTo(cap) > 0) {
                actions = actions.with(rule.name(), cap);
            }
        }
        return actions;
    }

    /** Rule names the alias {@code invisible_unicode} stands for. */
    static final List<String> INVISIBLE_UNICODE = List.of("hidden.zero_width", "hidden.unicode_tag",
            "hidden.bidi_control", "hidden.variation_selector");

    /**
     * The rules a rule id of the rubric names: a full id ({@code hidden.html_comment}), the part
     * after the family prefix when it is unique ({@code html_comment}), or the alias
     * {@code invisible_unicode} (every invisible-character rule). Empty when unknown.
     */
    static List<Rule> resolveRuleId(String id) {
        Optional<Rule> exact = Rules.byName(id);
        if (exact.isPresent()) {
            return List.of(exact.get());
        }
        if ("invisible_unicode".equals(id)) {
            return INVISIBLE_UNICODE.stream().map(Rules::require).toList();
        }
        List<Rule> bySuffix = Rules.ALL.stream().filter(r -> r.name().endsWith("." + id)).toList();
        return bySuffix.size() == 1 ? bySuffix : List.of();
    }

    static RuleAction toRuleAction(InjectionAction action) {
        return RuleAction.valueOf(action.name());
    }

    /**
     * The dimension that judges whether the excerpt quotes the target: the first whose name contains
     * "grounding" or "verbatim" (the shipped rubrics' TargetDocument_Grounding and Excerpt_Verbatim).
     */
    static Optional<String> guessGroundingDimension(Rubric rubric) {
        for (Dimension d : rubric.dimensions()) {
            String n = d.name().toLowerCase(Locale.ROOT);
            if (n.contains("grounding") || n.contains("verbatim")) {
                return Optional.of(d.name());
            }
        }
        return Optional.empty();
    }

    public RewardConfig withNeutralReward(double neutral) {
        return new RewardConfig(rubric, ruleActions, formatEnabled, groundingEnabled, groundingDimension, lengthBand,
                lengthPenalty, maxComments, languageEnabled, safetyRules, referenceOverlapWeight,
                ignoredReferenceCategories, neutral);
    }

    public RewardConfig withRuleAction(String ruleName, RuleAction action) {
        RuleActions changed;
        try {
            changed = ruleActions.with(ruleName, action);
        } catch (IllegalArgumentException e) {
            throw new RewardConfigException(e.getMessage());
        }
        return new RewardConfig(rubric, changed, formatEnabled, groundingEnabled, groundingDimension, lengthBand,
                lengthPenalty, maxComments, languageEnabled, safetyRules, referenceOverlapWeight,
                ignoredReferenceCategories, neutralReward);
    }

    public RewardConfig withReferenceOverlapWeight(Optional<Double> weight) {
        return new RewardConfig(rubric, ruleActions, formatEnabled, groundingEnabled, groundingDimension, lengthBand,
                lengthPenalty, maxComments, languageEnabled, safetyRules, weight, ignoredReferenceCategories,
                neutralReward);
    }

    private static void requireUnit(String what, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new RewardConfigException(what + " must be in [0, 1], was " + value);
        }
    }
}
