package dev.juror.app.workspace;

import dev.juror.rubric.Rubric;

/** A rubric the desk can label with: its file name, the rubric and its version (hash of the canonical form). */
public record RubricChoice(String fileName, Rubric rubric, String version) {

    @Override
    public String toString() {
        return rubric.name() + " (" + version + ")";
    }
}
