package dev.juror.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rubric's {@code dimensions}: each one's name, question, scale, levels, rules and weight,
 * and the people-only {@code display_name} and {@code people_question}, recording every problem with
 * its path. All dimensions must share one scale, and a pairwise
 * rubric's must be the preference scale.
 */
final class DimensionsReader {

    /** Dimension names become JSON keys and prompt headings: keep them plain. */
    private static final Pattern DIMENSION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    /** Keys the output schema uses next to the dimensions of a comment. */
    static final Set<String> RESERVED_NAMES = Set.of("comment_id", "Comment_Score", "Aggregate_Score", "comments");

    private final List<Problem> problems;

    DimensionsReader(List<Problem> problems) {
        this.problems = problems;
    }

    /** The dimensions listed under {@code dimensions} of {@code f}; only the valid ones. */
    List<Dimension> read(Fields f, Mode mode) {
        JsonNode list = f.raw("dimensions");
        List<Dimension> out = new ArrayList<>();
        if (list == null) {
            f.problem("dimensions", "is missing; list at least one dimension (name, question, scale, levels)");
            return out;
        }
        if (!list.isArray()) {
            f.problem("dimensions", "must be a list of dimensions, found " + Fields.describe(list));
            return out;
        }
        if (list.isEmpty()) {
            f.problem("dimensions", "is empty; list at least one dimension");
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        Scale firstScale = null;
        for (int i = 0; i < list.size(); i++) {
            String path = "dimensions[" + i + "]";
            Fields d = Fields.of(list.get(i), path, problems);
            String name = d.requiredText("name", "name the dimension, e.g. TargetDocument_Grounding");
            if (!name.isEmpty()) {
                if (!DIMENSION_NAME.matcher(name).matches()) {
                    d.problem("name", "'" + name + "' must start with a letter and hold only letters, digits and"
                            + " underscores (it becomes a JSON key), at most 64 characters");
                } else if (RESERVED_NAMES.contains(name)) {
                    d.problem("name", "'" + name + "' is reserved by the output format; choose another name");
                }
                Integer earlier = seen.putIfAbsent(name, i);
                if (earlier != null) {
                    d.problem("name", "duplicate dimension name '" + name + "' (also dimensions[" + earlier
                            + "]); dimension names must be unique");
                }
            }
            String question = d.requiredText("question", "write the question the judge answers for this dimension");
            String displayName = d.text("display_name", "");
            if (displayName.contains("\n")) {
                d.problem("display_name", "must be one line; it names the dimension at the review desk");
            }
            String peopleQuestion = d.text("people_question", "");
            Scale scale = scale(d, mode);
            if (scale != null) {
                if (firstScale == null) {
                    firstScale = scale;
                } else if (!firstScale.equals(scale)) {
                    d.problem("scale", "is " + scale.label() + " but dimensions[0] uses " + firstScale.label()
                            + "; all dimensions of a rubric share one scale so comment scores stay on it");
                }
            }
            Map<String, String> levels = levels(d, scale);
            List<String> rules = d.textList("mandatory_rules");
            double weight = weight(d);
            boolean dealBreaker = d.bool("deal_breaker", false);
            d.finish();
            if (scale != null && levels != null && weight > 0) {
                try {
                    out.add(new Dimension(name, question, scale, levels, rules, weight, dealBreaker, displayName,
                            peopleQuestion));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(path, e.getMessage()));
                }
            }
        }
        return out;
    }

    private Scale scale(Fields d, Mode mode) {
        JsonNode raw = d.raw("scale");
        if (raw == null) {
            if (mode == Mode.PAIRWISE) {
                return new Scale.PreferenceScale();
            }
            d.problem("scale", "is missing; write boolean or an integer range such as 1-5");
            return null;
        }
        if (!raw.isTextual()) {
            d.problem("scale", "must be boolean or a range such as 1-5, found " + Fields.describe(raw));
            return null;
        }
        Scale scale;
        try {
            scale = Scale.parse(raw.asText());
        } catch (IllegalArgumentException e) {
            d.problem("scale", e.getMessage());
            return null;
        }
        if (mode == Mode.PAIRWISE && !(scale instanceof Scale.PreferenceScale)) {
            d.problem("scale", "a pairwise rubric's dimensions use scale: preference (levels 'better' and 'tie'),"
                    + " found " + scale.label());
            return null;
        }
        if (mode == Mode.POINTWISE && scale instanceof Scale.PreferenceScale) {
            d.problem("scale", "preference is for mode: pairwise; use boolean or a range such as 1-5");
            return null;
        }
        return scale;
    }

    private Map<String, String> levels(Fields d, Scale scale) {
        JsonNode raw = d.raw("levels");
        if (scale == null) {
            return null;
        }
        String expected = String.join(", ", scale.levelKeys());
        if (raw == null) {
            d.problem("levels", "is missing; scale " + scale.label() + " needs one description for each of "
                    + expected);
            return null;
        }
        if (!raw.isObject()) {
            d.problem("levels", "must be a mapping of level to description (" + expected + "), found "
                    + Fields.describe(raw));
            return null;
        }
        String levelsPath = d.path("levels");
        Map<String, String> out = new LinkedHashMap<>();
        boolean complete = true;
        for (String key : scale.levelKeys()) {
            JsonNode text = findLevel(raw, key);
            String p = levelsPath + "." + key;
            if (text == null || text.isNull()) {
                problems.add(new Problem(p, "missing description for level " + key + "; scale " + scale.label()
                        + " needs one for each of " + expected));
                complete = false;
            } else if (!text.isValueNode()) {
                problems.add(new Problem(p, "must be text, found " + Fields.describe(text)));
                complete = false;
            } else if (Texts.normalise(text.asText()).isEmpty()) {
                problems.add(new Problem(p, "is empty; describe what a response at level " + key + " looks like"));
                complete = false;
            } else {
                out.put(key, Texts.normalise(text.asText()));
            }
        }
        Iterator<String> names = raw.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (scale.levelKeys().stream().noneMatch(k -> k.equalsIgnoreCase(name))) {
                problems.add(new Problem(levelsPath + "." + name, "is not a level of scale " + scale.label()
                        + "; the levels are " + expected));
                complete = false;
            }
        }
        return complete ? out : null;
    }

    /** Level keys match case-insensitively so {@code Pass:} reads like {@code pass:}. */
    private static JsonNode findLevel(JsonNode levels, String key) {
        JsonNode exact = levels.get(key);
        if (exact != null) {
            return exact;
        }
        Iterator<Map.Entry<String, JsonNode>> it = levels.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private double weight(Fields d) {
        JsonNode raw = d.raw("weight");
        if (raw == null) {
            return Dimension.DEFAULT_WEIGHT;
        }
        if (!raw.isNumber()) {
            d.problem("weight", "must be a number > 0, found " + Fields.describe(raw));
            return -1;
        }
        double w = raw.doubleValue();
        if (!(w > 0) || Double.isInfinite(w)) {
            d.problem("weight", "must be > 0, found " + raw.asText() + "; remove the dimension instead of"
                    + " weighting it 0");
            return -1;
        }
        return w;
    }
}
