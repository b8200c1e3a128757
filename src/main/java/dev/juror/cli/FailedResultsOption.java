package dev.juror.cli;

import picocli.CommandLine.Option;

/**
 * {@code --allow-failed-results} of the commands that calibrate ({@code calibrate}, {@code verdict}):
 * {@code @Mixin FailedResultsOption failedResults;}, one wording of the option for both.
 */
public final class FailedResultsOption {

    @Option(names = "--allow-failed-results",
            description = "Use a run even though it holds more service failures (api_error, timeout) than its"
                    + " threshold allows; its failed results have no scores and are left out. Without it such a run"
                    + " is refused (exit 2).")
    boolean allow;

    /** Whether a run over its failure threshold may be used. */
    public boolean allowed() {
        return allow;
    }
}
