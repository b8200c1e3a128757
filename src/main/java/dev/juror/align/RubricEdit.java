package dev.juror.align;

/**
 * One structured change to a rubric that the judge model may propose (candidate source b). Only these
 * three kinds exist, and none touches a dimension's name or scale, so a proposed change cannot alter the
 * judge's output schema; it is still validated like any rubric before it becomes a candidate.
 *
 * @param kind      {@link Kind}
 * @param dimension the dimension it changes (empty for an edge case)
 * @param level     the level whose description is replaced ({@code 3}, {@code pass}); empty otherwise
 * @param text      the new description, rule or edge case
 */
public record RubricEdit(Kind kind, String dimension, String level, String text) {

    public enum Kind {
        /** Replace one level's description with a sharper one. */
        LEVEL_DESCRIPTION("level_description"),
        /** Add a mandatory rule to a dimension. */
        MANDATORY_RULE("mandatory_rule"),
        /** Add an edge-case rule to the rubric. */
        EDGE_CASE("edge_case");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        static Kind of(String json) {
            for (Kind k : values()) {
                if (k.json.equals(json)) {
                    return k;
                }
            }
            return null;
        }
    }

    public RubricEdit {
        dimension = dimension == null ? "" : dimension;
        level = level == null ? "" : level;
    }

    /** One line for people: "Actionability level 3: sharper description". */
    public String summary() {
        return switch (kind) {
            case LEVEL_DESCRIPTION -> dimension + " level " + level + ": new description";
            case MANDATORY_RULE -> dimension + ": new mandatory rule";
            case EDGE_CASE -> "new edge case";
        };
    }
}
