package dev.juror.rubric;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rubric file that cannot be used. Carries every problem found, not only the first, so one edit
 * round fixes the file; the message names the file, each path inside it and what to fix.
 */
public class RubricException extends Exception {

    private final String source;
    private final List<Problem> problems;

    public RubricException(String source, List<Problem> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public RubricException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
        this.problems = List.of(new Problem("", message));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One line per problem, each prefixed with the file name: ready for a console or a list view. */
    public List<String> lines() {
        return problems.stream().map(p -> source + ": " + p).toList();
    }

    private static String format(String source, List<Problem> problems) {
        String header = source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems");
        return problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
