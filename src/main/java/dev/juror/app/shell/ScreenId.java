package dev.juror.app.shell;

/**
 * The screens of the navigation rail, in rail order; Ctrl+1..7 select them. The workbench registers
 * a view for every one of them.
 */
public enum ScreenId {
    RUBRICS("Rubrics", "rubrics"),
    REVIEW("Review", "review"),
    JUDGE_RUNS("Judge runs", "judge"),
    CALIBRATION("Calibration", "calibration"),
    REGRESSION("Regression", "regression"),
    EXPORT("Export", "export"),
    TRAINING("Training", "training");

    private final String title;
    private final String key;

    ScreenId(String title, String key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    /** Stable lower-case key, used in node ids ({@code #nav-review}) and settings. */
    public String key() {
        return key;
    }

    /** 1-based position: the digit of its Ctrl shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }
}
