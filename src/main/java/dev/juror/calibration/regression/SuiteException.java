package dev.juror.calibration.regression;

import java.util.List;

/** A suite file with problems; every problem names its place in the file ({@code cases[1].expect[0].max}). */
public class SuiteException extends RuntimeException {

    private final List<String> problems;

    public SuiteException(String file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
