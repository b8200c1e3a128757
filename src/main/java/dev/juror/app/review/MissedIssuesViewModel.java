package dev.juror.app.review;

import dev.juror.calibration.views.IssueRecall;
import dev.juror.dataset.Location;
import dev.juror.store.ExpertIssue;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The desk's missed-issues tab: the expert selects a passage of the contract the model should have
 * raised an issue about (mouse, or Shift with the arrow keys in the contract pane, then M), says
 * what the issue is, its type and severity, and records it for the sample. The tab lists this
 * expert's issues on the sample and which of them the open rollout's comments cover (a comment's
 * located excerpt overlaps the passage), with the rollout's recall. Other experts' issues are only
 * counted: they would anchor this expert's reading.
 *
 * <p>Threading: call on the FX thread.
 */
public final class MissedIssuesViewModel {

    /** Common issue types offered in the type box (any other may be typed). */
    public static final List<String> TYPES = List.of("termination", "liability", "indemnity", "payment",
            "confidentiality", "intellectual property", "exclusivity", "governing law", "assignment", "other");

    /** One recorded issue and whether the open rollout covers it. */
    public record Line(ExpertIssue issue, List<String> coveredBy) {

        public String text() {
            String passage = issue.passage().length() > 90 ? issue.passage().substring(0, 87) + "..." : issue.passage();
            return issue.type() + " \u00B7 " + issue.severity() + ": " + issue.comment() + "  \u201C" + passage
                    + "\u201D  \u2014 " + (coveredBy.isEmpty() ? "not raised by this rollout"
                    : "raised by " + String.join(", ", coveredBy));
        }
    }

    private final DeskState state;
    private final LabelFormViewModel form;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper passage = new ReadOnlyStringWrapper(this, "passage", "");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final StringProperty type = new SimpleStringProperty(this, "type", "");
    private final ObjectProperty<String> severity = new SimpleObjectProperty<>(this, "severity", "medium");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper recall = new ReadOnlyStringWrapper(this, "recall", "");
    private List<ExpertIssue> sampleIssues = List.of();
    private int[] span;
    private long generation;
    private boolean saving;

    MissedIssuesViewModel(DeskState state, LabelFormViewModel form) {
        this.state = state;
        this.form = form;
        form.currentProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || !old.entry().sampleId().equals(now.entry().sampleId())) {
                clearForm();
                load();
            } else {
                refresh();
            }
        });
        clearForm();
    }

    /** Takes the contract passage the user selected; says how to select one when there is none. */
    public void takeSelection(int start, int end) {
        OpenedRollout opened = form.currentProperty().get();
        if (opened == null || start < 0 || end <= start || end > opened.target().length()) {
            message.set("Select the passage in the contract first (drag with the mouse, or click in the contract and"
                    + " hold Shift with the arrow keys), then press M.");
            return;
        }
        span = new int[] {start, end};
        passage.set(opened.target().substring(start, end));
        message.set("Say what the model should have raised about this passage, then Record.");
    }

    private void clearForm() {
        span = null;
        passage.set("");
        comment.set("");
        type.set("");
        message.set("Select a passage of the contract the model missed (mouse, or Shift with the arrow keys in the"
                + " contract), then press M.");
    }

    private void load() {
        OpenedRollout opened = form.currentProperty().get();
        ReviewSource data = state.data;
        long wanted = ++generation;
        sampleIssues = List.of();
        refresh();
        if (opened == null || data == null) {
            return;
        }
        String sampleId = opened.entry().sampleId();
        state.tasks.runQuietly(progress -> data.expertIssues(sampleId), found -> {
            if (wanted == generation) {
                sampleIssues = List.copyOf(found);
                refresh();
            }
        }, failure -> message.set("Could not read the missed issues: " + failure.getMessage()));
    }

    /** Rebuilds the list and the recall from what is loaded (no I/O). */
    void refresh() {
        OpenedRollout opened = form.currentProperty().get();
        if (opened == null) {
            lines.clear();
            recall.set("");
            return;
        }
        List<int[]> commentSpans = new ArrayList<>();
        List<String> commentIds = new ArrayList<>();
        for (ReviewItem item : opened.items()) {
            Location at = item.location();
            if (at != null && at.status().inTarget()) {
                commentSpans.add(new int[] {at.start(), at.end()});
                commentIds.add(item.commentId());
            }
        }
        String me = state.labeller.get();
        List<Line> built = new ArrayList<>();
        List<int[]> allSpans = sampleIssues.stream().map(i -> new int[] {i.start(), i.end()}).toList();
        boolean[] covered = IssueRecall.covered(allSpans, commentSpans);
        for (ExpertIssue issue : sampleIssues) {
            if (issue.labeller().equals(me)) {
                List<String> by = new ArrayList<>();
                for (int c = 0; c < commentSpans.size(); c++) {
                    if (issue.overlaps(commentSpans.get(c)[0], commentSpans.get(c)[1])) {
                        by.add(commentIds.get(c));
                    }
                }
                built.add(new Line(issue, by));
            }
        }
        lines.setAll(built);
        long others = sampleIssues.stream().filter(i -> !i.labeller().equals(me)).count();
        int n = 0;
        for (boolean c : covered) {
            n += c ? 1 : 0;
        }
        recall.set(sampleIssues.isEmpty() ? "No missed issue recorded on this sample yet."
                : "This rollout raises " + n + " of the " + sampleIssues.size() + " issues recorded on this sample"
                + String.format(java.util.Locale.ROOT, " (recall %.2f)", IssueRecall.recall(covered))
                + (others == 0 ? "." : "; " + others + " of them recorded by other experts are not listed."));
    }

    /** Stores the issue; says what is missing instead. */
    public void record() {
        OpenedRollout opened = form.currentProperty().get();
        String me = state.labeller.get();
        if (opened == null || saving) {
            return;
        }
        if (me == null || me.isBlank()) {
            message.set("Set your name first (File > Change labeller name): issues are stored under it.");
            return;
        }
        ExpertIssue issue;
        try {
            issue = ExpertIssue.of(opened.entry().sampleId(), me, span == null ? -1 : span[0], span == null ? -1 : span[1],
                    passage.get(), comment.get(), type.get(), severity.get());
        } catch (IllegalArgumentException e) {
            message.set(Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1) + ".");
            return;
        }
        ReviewSource data = state.data;
        saving = true;
        state.tasks.run("Saving the missed issue", progress -> data.recordIssue(issue), stored -> {
            saving = false;
            List<ExpertIssue> now = new ArrayList<>(sampleIssues);
            now.add(stored);
            sampleIssues = List.copyOf(now);
            clearForm();
            message.set("Recorded: " + stored.type() + " (" + stored.severity() + ").");
            refresh();
        }, failure -> {
            saving = false;
            message.set("The issue was NOT saved: " + failure.getMessage() + ". Try again.");
        });
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ReadOnlyStringProperty passageProperty() {
        return passage.getReadOnlyProperty();
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public ObjectProperty<String> severityProperty() {
        return severity;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "This rollout raises 1 of the 2 issues recorded on this sample (recall 0.50)." */
    public ReadOnlyStringProperty recallProperty() {
        return recall.getReadOnlyProperty();
    }
}
