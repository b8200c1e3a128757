package dev.juror.app.shell;

import java.util.List;

/** One line of the keyboard shortcut sheet (F1) and of docs/workbench.md. */
public record Shortcut(String keys, String action, String where) {

    /** Every shortcut of the workbench, grouped by where it works. */
    public static List<Shortcut> all() {
        return List.of(
                new Shortcut("F1", "Show this sheet (Esc closes it)", "Everywhere"),
                new Shortcut("Ctrl+1 .. Ctrl+7", "Rubrics, Review, Judge runs, Calibration, Regression, Export, Training",
                        "Everywhere"),
                new Shortcut("Ctrl+O", "Open a workspace folder", "Everywhere"),
                new Shortcut("Ctrl+I", "Import a JSONL file into the workspace", "Everywhere"),
                new Shortcut("Ctrl+Comma", "Settings", "Everywhere"),
                new Shortcut("Ctrl+Q", "Quit (a judge run in progress stops and can be resumed)", "Everywhere"),
                new Shortcut("1 .. 9, 0", "Score the focused dimension (boolean: 1 = pass, 0 = fail)", "Review"),
                new Shortcut("Tab / Down", "Next dimension", "Review"),
                new Shortcut("Shift+Tab / Up", "Previous dimension", "Review"),
                new Shortcut("Enter", "Submit the label (all dimensions) and go to the next unlabelled comment",
                        "Review"),
                new Shortcut("N", "Write a note (Enter submits, Esc or Tab returns to the scores)", "Review"),
                new Shortcut("F", "Flag / unflag the comment for adjudication", "Review"),
                new Shortcut("J / K", "Next / previous rollout in the queue", "Review"),
                new Shortcut("PageDown / PageUp", "Next / previous comment of the rollout", "Review"),
                new Shortcut("G", "Go to a section of the reference (Up / Down move, Enter or Esc return)", "Review"),
                new Shortcut("V", "View the judge's scores (after you label the comment) / back to your label",
                        "Review"),
                new Shortcut("M", "Record a missed issue from the passage selected in the contract (Shift+arrows"
                        + " select in the contract)", "Review"),
                new Shortcut("A / B / T", "Pairwise rubrics: left better / right better / tie on the focused"
                        + " dimension", "Review"),
                new Shortcut("Left / Right", "Previous / next step (on a chart, after clicking it)", "Training"));
    }
}
