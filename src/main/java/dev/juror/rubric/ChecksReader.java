package dev.juror.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads a rubric's {@code checks}: the reward checks that run before the judge (format, grounding,
 * length, language, safety, reference overlap, injection), recording every problem with its path.
 */
final class ChecksReader {

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    private final List<Problem> problems;

    ChecksReader(List<Problem> problems) {
        this.problems = problems;
    }

    /** The {@code checks} section, with defaults for every key left out. */
    Checks read(Fields f) {
        Checks d = Checks.DEFAULT;
        Checks.Toggle format = toggle(Fields.of(f.raw("format"), f.path("format"), problems), d.format());
        Checks.Toggle grounding = toggle(Fields.of(f.raw("grounding"), f.path("grounding"), problems), d.grounding());
        Checks.Length length = length(Fields.of(f.raw("length"), f.path("length"), problems));
        Checks.Toggle language = toggle(Fields.of(f.raw("language"), f.path("language"), problems), d.language());
        Fields s = Fields.of(f.raw("safety"), f.path("safety"), problems);
        Checks.Safety safety = new Checks.Safety(s.bool("enabled", d.safety().enabled()),
                s.text("rule_set", d.safety().ruleSet()));
        if (safety.ruleSet().isEmpty()) {
            s.problem("rule_set", "is empty; name a rule set or remove the key to use 'default'");
        }
        s.finish();
        Fields o = Fields.of(f.raw("reference_overlap"), f.path("reference_overlap"), problems);
        Checks.ReferenceOverlap overlap = new Checks.ReferenceOverlap(o.bool("enabled", d.referenceOverlap().enabled()),
                o.number("weight", d.referenceOverlap().weight(), 0, 1));
        o.finish();
        Checks.Injection injection = injection(Fields.of(f.raw("injection"), f.path("injection"), problems));
        double neutral = f.number("neutral_reward", Checks.DEFAULT_NEUTRAL_REWARD, 0, 1);
        f.finish();
        return new Checks(format, grounding, length, language, safety, overlap, injection, neutral);
    }

    private static Checks.Toggle toggle(Fields f, Checks.Toggle fallback) {
        Checks.Toggle t = new Checks.Toggle(f.bool("enabled", fallback.enabled()));
        f.finish();
        return t;
    }

    private static Checks.Length length(Fields f) {
        Checks.Length d = Checks.Length.DEFAULT;
        boolean enabled = f.bool("enabled", d.enabled());
        int min = f.integer("min_chars", d.minChars(), 0, Integer.MAX_VALUE);
        OptionalInt max = f.has("max_chars")
                ? OptionalInt.of(f.integer("max_chars", Integer.MAX_VALUE, 1, Integer.MAX_VALUE))
                : OptionalInt.empty();
        double penalty = f.number("penalty", d.penalty(), 0, 1);
        OptionalInt maxComments = f.has("max_comments")
                ? OptionalInt.of(f.integer("max_comments", Integer.MAX_VALUE, 1, Integer.MAX_VALUE))
                : OptionalInt.empty();
        if (max.isPresent() && min > max.getAsInt()) {
            f.problem("min_chars", "min_chars " + min + " is greater than max_chars " + max.getAsInt()
                    + "; swap them or raise max_chars");
        }
        f.finish();
        return new Checks.Length(enabled, min, max, penalty, maxComments);
    }

    private Checks.Injection injection(Fields f) {
        InjectionAction fallback = f.enumValue("default_action", InjectionAction.class,
                Checks.Injection.DEFAULT.defaultAction());
        Map<String, InjectionAction> rules = new LinkedHashMap<>();
        JsonNode raw = f.raw("rules");
        if (raw != null) {
            Fields r = Fields.of(raw, f.path("rules"), problems);
            Iterator<String> names = raw.isObject() ? raw.fieldNames() : java.util.Collections.emptyIterator();
            while (names.hasNext()) {
                String id = names.next();
                if (!RULE_ID.matcher(id).matches()) {
                    r.problem(id, "rule ids are lower-case letters, digits, '_', '.', '-'");
                }
                InjectionAction a = r.enumValue(id, InjectionAction.class, null);
                if (a != null) {
                    rules.put(id, a);
                }
            }
            r.finish();
        }
        f.finish();
        return new Checks.Injection(fallback, rules);
    }
}
