package dev.juror.app.shell;

/**
 * The screens of the navigation rail, in rail order; Ctrl+1..6 select them. A screen that the
 * workbench does not register shows {@link #placeholder()} and the command that does its job.
 */
public enum ScreenId {
    RUBRICS("Rubrics", "rubrics",
            "The rubric editor will live here: dimensions and level descriptions as a form, a live prompt "
                    + "preview, validation messages and a diff against the previous version.",
            "juror rubric check rubrics/contract-review.yaml\njuror rubric render rubrics/contract-review.yaml"),
    REVIEW("Review", "review", "", ""),
    JUDGE_RUNS("Judge runs", "judge",
            "Judge runs will live here: run a rubric version with a judge model over a selection, with live "
                    + "progress, counts, cancel, per-comment scores and the raw output.",
            "juror judge --rubric rubrics/contract-review.yaml --provider heuristic"),
    CALIBRATION("Calibration", "calibration",
            "The calibration dashboard will live here: agreement per dimension with confidence intervals, "
                    + "human-vs-human beside judge-vs-human, the verdict and the disagreement list.",
            "juror agreement ratings.csv --scale 1..5\n(agreement between raters, with bootstrap intervals, from a CSV)"),
    REGRESSION("Regression", "regression",
            "Regression suites will live here: curated rollouts with expected outcomes, re-scored against "
                    + "every new prompt version.",
            "juror regress --suite suites/contract-review.yaml --rubric rubrics/contract-review.yaml --provider heuristic"),
    EXPORT("Export", "export",
            "Export will live here: the validated prompt bundle and the reward Lambda package, refused while "
                    + "the validation verdict fails.",
            "juror export lambda --rubric rubrics/contract-review.yaml --model MODEL --out DIR");

    private final String title;
    private final String key;
    private final String placeholder;
    private final String cliToday;

    ScreenId(String title, String key, String placeholder, String cliToday) {
        this.title = title;
        this.key = key;
        this.placeholder = placeholder;
        this.cliToday = cliToday;
    }

    public String title() {
        return title;
    }

    /** Stable lower-case key, used in node ids ({@code #nav-review}) and settings. */
    public String key() {
        return key;
    }

    public String placeholder() {
        return placeholder;
    }

    public String cliToday() {
        return cliToday;
    }

    /** 1-based position: the digit of its Ctrl shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }
}
