package dev.juror.app.review;

import dev.juror.store.StoredJudgeRun;
import dev.juror.workspace.judging.JudgeOutputs.RolloutJudgement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The desk's judge panel: which judge run is set beside the experts, and what it said about the
 * selected item. Blind by construction: for an item the labeller has not labelled (with Blind on)
 * the panel holds nothing of the judge, not even its status; the rollout-wide parts (the aggregate
 * score, the raw answer, which quote every comment) wait until every item of the rollout is revealed.
 *
 * <p>Choosing a run loads its scores (numbers only) into the desk, so the cards and the label form
 * compare with them after a submit, and a label's record says which run was visible. The selected
 * rollout's full judgement (justifications, status, repeats, raw answer) is read when it opens.
 *
 * <p>Threading: call on the FX thread; reads go through the desk's background tasks.
 */
public final class JudgePanelViewModel {

    /** A judge run in the panel's choice list. */
    public record RunOption(long id, String text) {

        @Override
        public String toString() {
            return text;
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm")
            .withZone(ZoneId.systemDefault());

    private final DeskState state;
    private final LabelFormViewModel form;
    private final Runnable scoresChanged;
    private final ObservableList<RunOption> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunOption> run = new SimpleObjectProperty<>(this, "run");
    private final ReadOnlyObjectWrapper<JudgeView> view = new ReadOnlyObjectWrapper<>(this, "view",
            JudgeView.message(JudgeView.Shown.NO_RUN, "No workspace open."));
    private RolloutJudgement judgement;
    /** The selected rollout's judgement has been read (it may still be null: the run is gone). */
    private boolean judgementRead;
    private long preferredRun;
    private boolean updatingRuns;
    private long runsGeneration;
    private long scoresGeneration;
    private long judgementGeneration;

    /** @param scoresChanged called when another run's scores are in the desk (the queue may re-filter) */
    JudgePanelViewModel(DeskState state, LabelFormViewModel form, Runnable scoresChanged) {
        this.state = state;
        this.form = form;
        this.scoresChanged = scoresChanged;
        run.addListener((obs, old, now) -> {
            if (!updatingRuns) {
                runChosen(now);
            }
        });
        state.rubric.addListener((obs, old, now) -> loadRuns());
        form.currentProperty().addListener((obs, old, now) -> loadJudgement());
        form.selectedProperty().addListener((obs, old, now) -> refresh());
        form.blindProperty().addListener((obs, old, now) -> refresh());
    }

    /** Chooses this run when the rubric's runs are (re)loaded, e.g. for a disagreement opened from the dashboard. */
    void prefer(long runId) {
        preferredRun = runId;
        runs.stream().filter(r -> r.id() == runId).findFirst().ifPresent(run::set);
    }

    /** Reads the runs of the chosen rubric; keeps the chosen run when it is still there. */
    void loadRuns() {
        ReviewSource data = state.data;
        String rubric = state.rubric.get() == null ? null : state.rubric.get().rubric().name();
        long wanted = ++runsGeneration;
        if (data == null || rubric == null) {
            setRuns(List.of());
            return;
        }
        state.tasks.runQuietly(progress -> data.judgeRuns(rubric), found -> {
            if (wanted == runsGeneration) {
                setRuns(found.stream().map(JudgePanelViewModel::option).toList());
            }
        }, failure -> view.set(JudgeView.message(JudgeView.Shown.NO_RUN,
                "Could not read the judge runs: " + failure.getMessage())));
    }

    private static RunOption option(StoredJudgeRun r) {
        return new RunOption(r.id(), "run " + r.id() + " \u00B7 " + r.model() + " \u00B7 " + DAY.format(r.createdAt())
                + (r.repeats() > 1 ? " \u00B7 " + r.repeats() + " repeats" : "")
                + (r.status().name().equals("FINISHED") ? "" : " \u00B7 " + r.status().name().toLowerCase()));
    }

    private void setRuns(List<RunOption> found) {
        RunOption previous = run.get();
        updatingRuns = true;
        try {
            runs.setAll(found);
            Optional<RunOption> keep = found.stream().filter(r -> r.id() == preferredRun).findFirst()
                    .or(() -> previous == null ? Optional.empty()
                            : found.stream().filter(r -> r.id() == previous.id()).findFirst())
                    .or(() -> found.stream().findFirst());
            run.set(keep.orElse(null));
        } finally {
            updatingRuns = false;
        }
        runChosen(run.get());
    }

    private void runChosen(RunOption chosen) {
        judgement = null;
        judgementRead = false;
        long wanted = ++scoresGeneration;
        if (chosen == null) {
            state.judgeScores = JudgeScoreLookup.NONE;
            form.judgeChanged();
            scoresChanged.run();
            refresh();
            return;
        }
        ReviewSource data = state.data;
        var scale = state.rubric.get().rubric().scale();
        view.set(JudgeView.message(JudgeView.Shown.LOADING, "Reading judge run " + chosen.id() + " ..."));
        state.tasks.runQuietly(progress -> RunScores.of(chosen.id(), data.judgeScores(chosen.id()), scale), scores -> {
            if (wanted == scoresGeneration) {
                state.judgeScores = scores;
                form.judgeChanged();
                scoresChanged.run();
                loadJudgement();
            }
        }, failure -> view.set(JudgeView.message(JudgeView.Shown.NO_RUN,
                "Could not read judge run " + chosen.id() + ": " + failure.getMessage())));
    }

    private void loadJudgement() {
        judgement = null;
        judgementRead = false;
        long wanted = ++judgementGeneration;
        OpenedRollout opened = form.currentProperty().get();
        RunOption chosen = run.get();
        if (opened == null || chosen == null || state.data == null) {
            refresh();
            return;
        }
        ReviewSource data = state.data;
        long rolloutId = opened.rollout().id();
        state.tasks.runQuietly(progress -> data.judgement(chosen.id(), rolloutId), found -> {
            if (wanted == judgementGeneration) {
                judgement = found.orElse(null);
                judgementRead = true;
                refresh();
            }
        }, failure -> view.set(JudgeView.message(JudgeView.Shown.NO_RUN,
                "Could not read what the judge said: " + failure.getMessage())));
    }

    /** Rebuilds what the panel shows for the selected item (no I/O): after a submit, a selection, Blind. */
    void refresh() {
        OpenedRollout opened = form.currentProperty().get();
        int selected = form.selectedProperty().get();
        if (state.data == null) {
            view.set(JudgeView.message(JudgeView.Shown.NO_RUN, "No workspace open."));
        } else if (run.get() == null) {
            view.set(JudgeView.message(JudgeView.Shown.NO_RUN, "No judge run of this rubric yet. Run the judge on the"
                    + " Judge runs screen; its scores then appear here after you label each comment."));
        } else if (opened == null || selected < 0 || selected >= opened.items().size()) {
            view.set(JudgeView.message(JudgeView.Shown.NO_ITEM, "Open a rollout and select a comment."));
        } else {
            ReviewItem item = opened.items().get(selected);
            ItemKey key = new ItemKey(opened.rollout().id(), item.position());
            if (!form.revealed(key)) {
                view.set(JudgeView.message(JudgeView.Shown.HIDDEN, "Hidden until you submit your label on this "
                        + (item.isResponse() ? "response" : "comment") + " (Blind is on): the judge's scores and"
                        + " other labellers' labels would anchor yours. Untick Blind to see them first; labels you"
                        + " give then are stored as not blind and left out of agreement unless asked for."));
            } else if (!judgementRead) {
                view.set(JudgeView.message(JudgeView.Shown.LOADING, "Reading what the judge said ..."));
            } else if (judgement == null) {
                view.set(JudgeView.message(JudgeView.Shown.NO_RUN, "Judge run " + run.get().id()
                        + " is no longer in this workspace."));
            } else {
                boolean wholeRollout = opened.items().stream()
                        .allMatch(i -> form.revealed(new ItemKey(opened.rollout().id(), i.position())));
                view.set(JudgeView.of(judgement, item, key, state, wholeRollout));
            }
        }
    }

    public ObservableList<RunOption> runs() {
        return runs;
    }

    public ObjectProperty<RunOption> runProperty() {
        return run;
    }

    /** What the panel shows now. */
    public ReadOnlyObjectProperty<JudgeView> viewProperty() {
        return view.getReadOnlyProperty();
    }
}
