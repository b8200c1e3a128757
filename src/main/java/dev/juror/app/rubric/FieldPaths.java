package dev.juror.app.rubric;

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
