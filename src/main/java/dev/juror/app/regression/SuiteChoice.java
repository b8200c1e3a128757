package dev.juror.app.regression;

import dev.juror.calibration.regression.RegressionSuite;

/** A suite file of the workspace's {@code suites/} folder and the suite it holds. */
public record SuiteChoice(String fileName, RegressionSuite suite) {

    @Override
    public String toString() {
        return suite.name() + " (" + fileName + ", " + suite.cases().size() + " cases)";
    }
}
