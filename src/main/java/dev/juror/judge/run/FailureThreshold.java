package dev.juror.judge.run;

import dev.juror.judge.output.ResultStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How many service failures a judge run may hold and still count as finished: a count ({@code 12})
 * or a share of the run's expected results ({@code 2%}). The default, {@link #NONE}, is zero: any
 * service failure fails the run.
 *
 * <p>Service failures are results the judge service did not answer: {@code api_error} (5xx,
 * throttled after every retry, connection refused, missing or refused credentials, malformed
 * answers) and {@code timeout}. They say nothing about the judge, so a run that holds them has not
 * measured what it was meant to, and {@code --retry-failed} may redo them. Parse and schema errors
 * and refusals are not service failures: they are the judge's own answers (its quality), which the
 * run's counts report and which a retry must not wash away.
 *
 * @param percent whether {@code value} is a percentage of the expected results
 * @param value   the count or the percentage (0-100)
 */
public record FailureThreshold(boolean percent, double value) {

    /** Statuses counted as service failures. */
    public static final Set<ResultStatus> SERVICE_FAILURES = Set.of(ResultStatus.API_ERROR, ResultStatus.TIMEOUT);

    /** Any service failure fails the run. */
    public static final FailureThreshold NONE = new FailureThreshold(false, 0);

    public FailureThreshold {
        if (Double.isNaN(value) || value < 0 || (percent && value > 100) || (!percent && value != Math.rint(value))) {
            throw new IllegalArgumentException("bad failure threshold " + value + (percent ? "%" : ""));
        }
    }

    /**
     * Reads {@code N} (a whole number of results) or {@code P%} (0-100, decimals allowed).
     *
     * @throws IllegalArgumentException with a message saying what is expected
     */
    public static FailureThreshold parse(String text) {
        String t = text == null ? "" : text.strip();
        boolean percent = t.endsWith("%");
        String number = percent ? t.substring(0, t.length() - 1).strip() : t;
        try {
            if (percent) {
                double p = Double.parseDouble(number);
                if (p >= 0 && p <= 100 && Double.isFinite(p)) {
                    return new FailureThreshold(true, p);
                }
            } else if (number.matches("[0-9]{1,9}")) {
                return new FailureThreshold(false, Long.parseLong(number));
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException("must be a number of results (e.g. 12) or a percentage from 0% to 100%"
                + " (e.g. 2%), was '" + t + "'");
    }

    /** Whether {@code status} is a service failure. */
    public static boolean isServiceFailure(ResultStatus status) {
        return SERVICE_FAILURES.contains(status);
    }

    /** Service failures among result counts keyed by status code ({@code api_error}, ...). */
    public static int serviceFailures(Map<String, Integer> countsByCode) {
        return SERVICE_FAILURES.stream().mapToInt(s -> countsByCode.getOrDefault(s.code(), 0)).sum();
    }

    /** The most failures allowed in a run of {@code expectedResults} results. */
    public long allowed(int expectedResults) {
        return percent ? (long) Math.floor(expectedResults * value / 100.0 + 1e-9) : (long) value;
    }

    /** Whether a run of {@code expectedResults} with {@code failures} service failures is within the threshold. */
    public boolean allows(int failures, int expectedResults) {
        return failures <= allowed(expectedResults);
    }

    /** The form {@link #parse} reads and {@code --max-failures} takes: {@code 12} or {@code 2%}. */
    public String code() {
        if (!percent) {
            return Long.toString((long) value);
        }
        return (value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value)) + "%";
    }

    @Override
    public String toString() {
        return code();
    }
}
