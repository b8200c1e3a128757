package dev.juror.app.rubric;

import dev.juror.rubric.Problem;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a problem's path inside the rubric file ({@code dimensions[1].levels.3},
 * {@code edge_cases[2]}, {@code judge.max_tokens}) to the form field that holds it. The form names
 * its fields by the same paths, so most problems land on their field exactly; a path below a field
 * (an item of a one-per-line list) lands on that field; what the YAML area holds lands there.
 */
final class FieldPaths {

    /** Where problems without a field go: the banner above the form. */
    static final String GENERAL = "";

    private FieldPaths() {
    }

    /** Every field path the form shows for a draft; problems are mapped onto these. */
    static Set<String> of(RubricDraft d) {
        Set<String> out = new LinkedHashSet<>(List.of("name", "description", "objective", "approach", "unit", "mode",
                "dimensions", "edge_cases", "encourage", "discourage", "aggregation.deal_breaker_floor",
                "validation.min_kappa_lower_bound", "validation.min_items", "validation.require_within_human_ceiling",
                "validation.human_ceiling_margin", "validation.max_flip_rate", "validation.require_regression_pass",
                DraftYaml.ADVANCED));
        for (int i = 0; i < d.dimensions().size(); i++) {
            for (String key : List.of("name", "display_name", "question", "people_question", "scale", "levels",
                    "mandatory_rules", "weight", "deal_breaker")) {
                out.add(dimension(i, key));
            }
            out.add("dimensions[" + i + "]");
            for (LevelText level : d.dimensions().get(i).levels()) {
                out.add(level(i, level.key()));
            }
        }
        return out;
    }

    /**
     * The problems' messages by the form field they belong to ({@link #GENERAL} for the banner);
     * several on one field are joined line by line. Banner and YAML-area problems keep their path.
     */
    static Map<String, String> messagesByField(List<Problem> found, RubricDraft draft) {
        Set<String> fields = of(draft);
        Map<String, String> byField = new LinkedHashMap<>();
        for (Problem p : found) {
            String field = fieldFor(p.path(), fields);
            String message = field.equals(GENERAL) || field.equals(DraftYaml.ADVANCED) ? p.toString() : p.message();
            byField.merge(field, message, (a, b) -> a + "\n" + b);
        }
        return byField;
    }

    static String fieldFor(String problemPath, Set<String> fields) {
        String path = problemPath == null ? "" : problemPath;
        if (path.equals(DraftYaml.ADVANCED) || path.startsWith("judge") || path.startsWith("checks")
                || path.startsWith("validation.per_dimension")) {
            return DraftYaml.ADVANCED;
        }
        while (!path.isEmpty()) {
            if (fields.contains(path)) {
                return path;
            }
            path = parent(path);
        }
        return GENERAL;
    }

    /** {@code a.b[2].c} -> {@code a.b[2]} -> {@code a.b} -> {@code a} -> {@code ""}. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    static String dimension(int index, String key) {
        return "dimensions[" + index + "]." + key;
    }

    static String level(int index, String level) {
        return "dimensions[" + index + "].levels." + level;
    }
}
