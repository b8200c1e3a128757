package dev.juror.rubric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rubric texts for tests: a minimal valid file to break in controlled ways, and the shipped files. */
final class TestRubrics {

    static final Path SHIPPED = Path.of("rubrics");

    /** A small valid pointwise rubric; tests replace parts of it to make one problem at a time. */
    static final String MINIMAL = """
            name: tiny
            objective: Grade the answer.
            dimensions:
              - name: Accuracy
                question: Is the answer correct?
                scale: 1-3
                levels:
                  3: Fully correct.
                  2: Partly correct.
                  1: Wrong.
              - name: Clarity
                question: Is it clear?
                scale: 1-3
                levels:
                  3: Clear.
                  2: Somewhat clear.
                  1: Unclear.
            judge:
              model_id: amazon.nova-pro-v1:0
            """;

    private TestRubrics() {
    }

    static Rubric read(String yaml) throws RubricException {
        return new RubricYaml().read(yaml, "test.yaml");
    }

    static Rubric minimal() throws RubricException {
        return read(MINIMAL);
    }

    static String shippedText(String fileName) throws IOException {
        return Files.readString(SHIPPED.resolve(fileName), StandardCharsets.UTF_8);
    }

    static Rubric shipped(String fileName) throws RubricException {
        return new RubricYaml().read(SHIPPED.resolve(fileName));
    }
}
