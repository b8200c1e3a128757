package dev.juror.app.review;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.store.StoredLabel;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The review desk: a queue of rollouts ({@link ReviewQueueViewModel}: choices, J/K, progress) and
 * the open rollout's items with the label form ({@link LabelFormViewModel}: cards, digits, Enter).
 * This class loads the workspace into both and offers every keyboard command in one place
 * ({@link #typeDigit}, {@link #moveFocus}, {@link #submit}, ...), so the whole labelling flow is
 * testable without a toolkit.
 *
 * <p>Threading: call on the FX thread; reads and writes go through {@link BackgroundTasks}. Results
 * of a rollout that is no longer wanted (the user pressed J again) are dropped.
 */
public final class ReviewDeskViewModel {

    public static final String ALL_SAMPLES = "All samples";

    private final DeskState state;
    private final LabelFormViewModel form;
    private final ReviewQueueViewModel queue;
    private final JudgePanelViewModel judge;
    private final AdjudicationViewModel adjudication;
    private final MissedIssuesViewModel missed;
    private final javafx.beans.property.ReadOnlyIntegerWrapper judgeTabRequests =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "judgeTabRequests");
    private final PairDeskViewModel pairs;
    private final QueueChoicesViewModel queueChoices;

    public ReviewDeskViewModel(BackgroundTasks tasks, Supplier<String> labeller, Clock clock) {
        this.state = new DeskState(tasks, labeller, clock);
        this.form = new LabelFormViewModel(state, this::labelsChanged, this::openNextUnlabelledRollout);
        this.queue = new ReviewQueueViewModel(state, form);
        this.judge = new JudgePanelViewModel(state, form, queue::judgeChanged);
        this.adjudication = new AdjudicationViewModel(state, form, this::labelsChanged);
        this.missed = new MissedIssuesViewModel(state, form);
        this.pairs = new PairDeskViewModel(tasks, labeller, clock, new java.util.Random());
        this.queueChoices = new QueueChoicesViewModel(state, queue);
    }

    /** The desk for pairwise rubrics (chosen in the same Rubric box). */
    public PairDeskViewModel pairDesk() {
        return pairs;
    }

    private void labelsChanged() {
        queue.updateProgress();
        judge.refresh();
        adjudication.refresh();
    }

    private boolean openNextUnlabelledRollout() {
        return queue.openNextUnlabelled();
    }

    /** Reads rubrics, queue and labels of the workspace; {@code null} clears the desk. */
    public void load(ReviewSource workspaceData) {
        state.data = workspaceData;
        state.generation++;
        pairs.load(workspaceData instanceof PairSource pairData ? pairData : null);
        state.book = new LabelBook(List.of());
        queue.clear();
        form.clear();
        if (workspaceData == null) {
            state.message.set("No workspace open.");
            return;
        }
        long wanted = state.generation;
        state.busy.set(true);
        state.message.set("Loading the workspace ...");
        state.tasks.runQuietly(progress -> new Loaded(workspaceData.rubrics(), workspaceData.queue(),
                workspaceData.latestLabels(), workspaceData.adjudications()), loaded -> {
            if (wanted != state.generation) {
                return;
            }
            state.busy.set(false);
            state.book = new LabelBook(loaded.labels());
            state.adjudications = new java.util.HashMap<>();
            state.addAdjudications(loaded.adjudications());
            queue.showLoaded(loaded.rubrics(), loaded.queue());
            judge.loadRuns();
            queueChoices.load();
        }, failure -> {
            if (wanted == state.generation) {
                state.busy.set(false);
                state.message.set("Could not load the workspace: " + failure.getMessage());
            }
        });
    }

    private record Loaded(WorkspaceRubrics.RubricList rubrics, List<QueueEntry> queue, List<StoredLabel> labels,
                          List<dev.juror.store.Adjudication> adjudications) {
    }

    /** The queue and navigation part (rubric, filter, sample, J/K, progress line). */
    public ReviewQueueViewModel queueNavigation() {
        return queue;
    }

    /** The Queue box: the filters and the stored review queues; creating a queue. */
    public QueueChoicesViewModel queueChoices() {
        return queueChoices;
    }

    /** The judge panel: the chosen judge run and what it said about the selected item, once revealed. */
    public JudgePanelViewModel judgePanel() {
        return judge;
    }

    /** The adjudication tab: every label and the judge on the selected item, and the score that settles it. */
    public AdjudicationViewModel adjudication() {
        return adjudication;
    }

    /** Increments each time the view should show the judge tab (a disagreement opened from the dashboard). */
    public ReadOnlyIntegerProperty judgeTabRequestsProperty() {
        return judgeTabRequests.getReadOnlyProperty();
    }

    /** The missed-issues tab: passages of the contract the model should have raised, recorded per sample. */
    public MissedIssuesViewModel missedIssues() {
        return missed;
    }

    /** The open rollout and its label form (cards, rows, note, flag, blind, submit). */
    public LabelFormViewModel labelForm() {
        return form;
    }

    // ---------------------------------------------------------------- Commands (keys of the desk)

    public void nextRollout() {
        queue.nextRollout();
    }

    public void previousRollout() {
        queue.previousRollout();
    }

    public void openItem(String sampleId, int rolloutIndex, int position) {
        queue.openItem(sampleId, rolloutIndex, position);
    }

    /**
     * Works through a stored review queue chosen elsewhere (the Training screen's checkpoint): the
     * desk shows the rollouts it gives the current labeller, as if chosen in the Queue box.
     */
    public void showQueue(dev.juror.store.StoredQueue stored) {
        queue.choose(queue.filterProperty().get(), stored);
    }

    /** Opens an item with judge run {@code runId} chosen in the judge panel (a disagreement from the dashboard). */
    public void openItem(String sampleId, int rolloutIndex, int position, long runId) {
        judge.prefer(runId);
        queue.openItem(sampleId, rolloutIndex, position);
        judgeTabRequests.set(judgeTabRequests.get() + 1);
    }

    public void openAt(int position) {
        queue.openAt(position);
    }

    public void selectCard(int index) {
        form.selectCard(index);
    }

    public void nextCard() {
        form.nextCard();
    }

    public void previousCard() {
        form.previousCard();
    }

    public void focusRow(int index) {
        form.focusRow(index);
    }

    public void moveFocus(int delta) {
        form.moveFocus(delta);
    }

    public void typeDigit(int digit) {
        form.typeDigit(digit);
    }

    public void setScore(int rowIndex, String level) {
        form.setScore(rowIndex, level);
    }

    public void toggleFlag() {
        form.toggleFlag();
    }

    public void focusNote() {
        form.focusNote();
    }

    public void submit() {
        form.submit();
    }

    // ---------------------------------------------------------------- Properties

    public ObservableList<RubricChoice> rubrics() {
        return queue.rubrics();
    }

    public ObjectProperty<RubricChoice> rubricProperty() {
        return state.rubric;
    }

    public ObservableList<QueueFilter> filters() {
        return queue.filters();
    }

    public ObjectProperty<QueueFilter> filterProperty() {
        return queue.filterProperty();
    }

    public ObservableList<String> samples() {
        return queue.samples();
    }

    public ObjectProperty<String> sampleProperty() {
        return queue.sampleProperty();
    }

    public ObservableList<QueueEntry> queue() {
        return queue.queue();
    }

    public ReadOnlyIntegerProperty queuePositionProperty() {
        return queue.queuePositionProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return queue.progressProperty();
    }

    public ReadOnlyObjectProperty<OpenedRollout> currentProperty() {
        return form.currentProperty();
    }

    public ObservableList<CommentCard> cards() {
        return form.cards();
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return form.selectedProperty();
    }

    public ObservableList<DimensionRow> rows() {
        return form.rows();
    }

    public ReadOnlyIntegerProperty focusedRowProperty() {
        return form.focusedRowProperty();
    }

    public StringProperty noteProperty() {
        return form.noteProperty();
    }

    public BooleanProperty flaggedProperty() {
        return form.flaggedProperty();
    }

    public BooleanProperty blindProperty() {
        return form.blindProperty();
    }

    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return form.highlightProperty();
    }

    public ReadOnlyIntegerProperty noteFocusRequestsProperty() {
        return form.noteFocusRequestsProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return state.message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return state.busy.getReadOnlyProperty();
    }
}
