package dev.juror.align;

import dev.juror.rubric.Dimension;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import java.util.Optional;

/**
 * Validates a candidate like any rubric, then refuses one that changes what the judge must answer:
 * the name (labels and runs are kept by rubric name), unit, mode, the dimensions (names, order) or a
 * dimension's scale. Those make the output schema, and labels on another schema cannot score it.
 */
public final class CandidateCheck {

    private CandidateCheck() {
    }

    /** The candidate's rubric, or why it is rejected. */
    public record Checked(Optional<Rubric> rubric, String rejection) {
    }

    public static Checked check(Rubric baseline, Candidate candidate) {
        Rubric rubric;
        try {
            rubric = new RubricYaml().read(candidate.rubricYaml(), "candidate " + candidate.id());
        } catch (RubricException e) {
            return rejected("not a valid rubric: " + String.join("; ", e.lines()));
        }
        Optional<String> broken = schemaChange(baseline, rubric);
        return broken.isPresent() ? rejected(broken.get()) : new Checked(Optional.of(rubric), "");
    }

    /** Why {@code candidate} answers to another output schema than {@code baseline}, or empty. */
    public static Optional<String> schemaChange(Rubric baseline, Rubric candidate) {
        if (!baseline.name().equals(candidate.name())) {
            return Optional.of("changes the rubric name from " + baseline.name() + " to " + candidate.name()
                    + " (labels are kept by rubric name)");
        }
        if (baseline.unit() != candidate.unit() || baseline.mode() != candidate.mode()) {
            return Optional.of("changes the unit or mode: the output schema would change");
        }
        if (!baseline.dimensionNames().equals(candidate.dimensionNames())) {
            return Optional.of("breaks the output schema: dimensions " + candidate.dimensionNames()
                    + " instead of " + baseline.dimensionNames());
        }
        for (Dimension d : baseline.dimensions()) {
            Dimension other = candidate.dimension(d.name()).orElseThrow();
            if (!d.scale().equals(other.scale())) {
                return Optional.of("breaks the output schema: dimension " + d.name() + " has scale "
                        + other.scale().label() + " instead of " + d.scale().label());
            }
        }
        return Optional.empty();
    }

    private static Checked rejected(String why) {
        return new Checked(Optional.empty(), why);
    }
}
