package dev.juror.rubric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Settings of the reward's deterministic checks, run before the judge so obvious failures cost no
 * judge call. The reward package interprets them; the rubric only carries them so they are
 * versioned with the prompt.
 */
public record Checks(Toggle format, Toggle grounding, Length length, Toggle language, Safety safety,
                     ReferenceOverlap referenceOverlap, Injection injection, double neutralReward) {

    public static final double DEFAULT_NEUTRAL_REWARD = 0.5;

    public static final Checks DEFAULT = new Checks(new Toggle(true), new Toggle(true), Length.DEFAULT,
            new Toggle(false), Safety.DEFAULT, ReferenceOverlap.DEFAULT, Injection.DEFAULT, DEFAULT_NEUTRAL_REWARD);

    /** A check that is only switched on or off. */
    public record Toggle(boolean enabled) {
    }

    /**
     * Length check: outside [minChars, maxChars] the reward loses {@code penalty} (in [0, 1]).
     * An empty {@code maxChars} means no upper bound. {@code maxComments}, when present, is the most
     * comments a prediction may hold; it applies whether or not the length check is enabled (a
     * prediction beyond it is the prediction's failure: reward floored, no judge call).
     */
    public record Length(boolean enabled, int minChars, OptionalInt maxChars, double penalty, OptionalInt maxComments) {
        public static final Length DEFAULT = new Length(false, 0, OptionalInt.empty(), 0.2, OptionalInt.empty());

        public Length {
            maxChars = maxChars == null ? OptionalInt.empty() : maxChars;
            maxComments = maxComments == null ? OptionalInt.empty() : maxComments;
        }

        public Length(boolean enabled, int minChars, OptionalInt maxChars, double penalty) {
            this(enabled, minChars, maxChars, penalty, OptionalInt.empty());
        }
    }

    /** Rule-based safety filter; {@code ruleSet} names the rule set the reward applies. */
    public record Safety(boolean enabled, String ruleSet) {
        public static final Safety DEFAULT = new Safety(true, "default");
    }

    /** Optional bonus for overlap with the expert reference answer, with weight in [0, 1]. */
    public record ReferenceOverlap(boolean enabled, double weight) {
        public static final ReferenceOverlap DEFAULT = new ReferenceOverlap(false, 0.1);
    }

    /** Action per injection rule id; rules not listed get {@code defaultAction}. */
    public record Injection(InjectionAction defaultAction, Map<String, InjectionAction> rules) {
        public static final Injection DEFAULT = new Injection(InjectionAction.FLOOR, Map.of());

        public Injection {
            rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        }

        public InjectionAction actionFor(String ruleId) {
            return rules.getOrDefault(ruleId, defaultAction);
        }
    }
}
