package dev.juror.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping, recording a {@link Problem} (with its path) for each wrong
 * value instead of stopping, and refusing keys nobody asked for in {@link #finish()}.
 */
final class Fields {

    private final ObjectNode node;
    private final String path;
    private final List<Problem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    private Fields(ObjectNode node, String path, List<Problem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** A reader over {@code node}; a missing node reads as an empty mapping, a non-mapping is a problem. */
    static Fields of(JsonNode node, String path, List<Problem> problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new Fields(JsonNodeFactory.instance.objectNode(), path, problems);
        }
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be a mapping of keys to values, found " + describe(node)));
            return new Fields(JsonNodeFactory.instance.objectNode(), path, problems);
        }
        return new Fields((ObjectNode) node, path, problems);
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(new Problem(path(key), message));
    }

    boolean has(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** An optional text; {@code fallback} when absent. */
    String text(String key, String fallback) {
        JsonNode v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isValueNode()) {
            problem(key, "must be text, found " + describe(v));
            return fallback;
        }
        return Texts.normalise(v.asText());
    }

    /** A text that must be present and not blank; {@code hint} says what to write. */
    String requiredText(String key, String hint) {
        String value = text(key, null);
        if (value == null) {
            if (raw(key) == null) {
                problem(key, "is missing; " + hint);
            }
            return "";
        }
        if (value.isEmpty()) {
            problem(key, "is empty; " + hint);
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problem(key, "must be true or false, found " + describe(v));
            return fallback;
        }
        return v.booleanValue();
    }

    /** A number in [min, max] (inclusive); {@code fallback} when absent or wrong. */
    double number(String key, double fallback, double min, double max) {
        JsonNode v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            problem(key, "must be a number, found " + describe(v));
            return fallback;
        }
        double d = v.doubleValue();
        if (Double.isNaN(d) || d < min || d > max) {
            problem(key, "must be between " + fmt(min) + " and " + fmt(max) + ", found " + v.asText());
            return fallback;
        }
        return d;
    }

    /** A whole number in [min, max]; {@code fallback} when absent or wrong. */
    int integer(String key, int fallback, int min, int max) {
        JsonNode v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problem(key, "must be a whole number, found " + describe(v));
            return fallback;
        }
        int i = v.intValue();
        if (i < min || i > max) {
            problem(key, "must be between " + min + " and " + max + ", found " + i);
            return fallback;
        }
        return i;
    }

    /** An optional list of non-empty texts; empty when absent. */
    List<String> textList(String key) {
        JsonNode v = raw(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            problem(key, "must be a list (lines starting with '- '), found " + describe(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = path(key) + "[" + i + "]";
            if (item == null || item.isNull() || !item.isValueNode()) {
                problems.add(new Problem(itemPath, "must be text, found " + describe(item)
                        + (item != null && item.isObject() ? "; put text that contains ': ' in quotes" : "")));
                continue;
            }
            String t = Texts.normalise(item.asText());
            if (t.isEmpty()) {
                problems.add(new Problem(itemPath, "is empty; remove the entry or write the rule"));
                continue;
            }
            out.add(t);
        }
        return out;
    }

    /** Reads an enum by its lower-case YAML spelling; reports the allowed values on a bad one. */
    <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        JsonNode v = raw(key);
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        if (v == null) {
            if (fallback == null) {
                problem(key, "is missing; use one of " + String.join(", ", allowed));
            }
            return fallback;
        }
        String text = v.isValueNode() ? v.asText().strip().toLowerCase(Locale.ROOT) : "";
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
                return e;
            }
        }
        problem(key, "'" + (v.isValueNode() ? v.asText() : describe(v)) + "' is not allowed; use one of "
                + String.join(", ", allowed));
        return fallback;
    }

    /** Reports every key that no reader asked for, with the nearest known key as a hint. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                String nearest = nearest(name);
                problem(name, "unknown key" + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
                        + " (allowed here: " + String.join(", ", known) + ")");
            }
        }
    }

    private String nearest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        return "'" + v.asText() + "'";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
