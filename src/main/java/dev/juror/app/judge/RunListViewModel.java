package dev.juror.app.judge;

import dev.juror.app.tasks.BackgroundTasks;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The stored runs of the workspace, the selected run's results (followed while it runs) and the
 * selected result's scores and raw output. Reads go through {@link BackgroundTasks}; an answer for a
 * run or result no longer selected is dropped.
 */
public final class RunListViewModel {

    private final BackgroundTasks tasks;
    private final Supplier<RunReader> reader;
    private final Consumer<String> message;
    private final ObservableList<RunLine> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunLine> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    private final ObjectProperty<ResultRow> selectedResult = new SimpleObjectProperty<>(this, "selectedResult");
    private final ObservableList<ScoreRow> scores = FXCollections.observableArrayList();
    private final StringProperty rawOutput = new SimpleStringProperty(this, "rawOutput", "");
    private final StringProperty resultProblem = new SimpleStringProperty(this, "resultProblem", "");
    private final ResultsFollower follower;

    /**
     * @param reader    the open workspace's reads (null when none), asked on the FX thread
     * @param message   where a failed read is reported (the screen's message line)
     */
    RunListViewModel(BackgroundTasks tasks, Supplier<RunReader> reader, Consumer<String> message) {
        this.tasks = tasks;
        this.reader = reader;
        this.message = message;
        this.follower = new ResultsFollower(tasks, results, System::nanoTime);
        selectedRun.addListener((obs, old, now) -> loadResults(now));
        selectedResult.addListener((obs, old, now) -> loadDetail(now));
    }

    void clear() {
        runs.clear();
        results.clear();
    }

    /** Shows the stored runs and selects run {@code select}, else the one selected before, else the newest. */
    void showRuns(List<RunLine> stored, long select) {
        long keep = select >= 0 ? select : selectedRun.get() == null ? -1 : selectedRun.get().run().id();
        runs.setAll(stored);
        RunLine chosen = runs.stream().filter(r -> r.run().id() == keep).findFirst()
                .orElse(runs.isEmpty() ? null : runs.get(0));
        selectedRun.set(null);
        selectedRun.set(chosen);
    }

    /** A progress update of run {@code runId}: appends its newly stored results while it is shown. */
    void follow(long runId) {
        follower.poll(reader.get(), runId);
    }

    /**
     * Reads the selected run's results again (after a run, or when the selection changes); while the
     * run is in progress, {@link ResultsFollower} appends what is stored after this.
     */
    private void loadResults(RunLine line) {
        results.clear();
        follower.clear();
        selectedResult.set(null);
        RunReader opened = reader.get();
        if (line == null || opened == null) {
            return;
        }
        long runId = line.run().id();
        tasks.runQuietly(progress -> opened.resultsOf(runId).stream()
                .map(r -> new ResultRow(r.result(), r.sampleId())).toList(), rows -> {
                    RunLine current = selectedRun.get();
                    if (current != null && current.run().id() == runId) {
                        results.setAll(rows);
                        follower.showing(runId, rows);
                    }
                }, failure -> message.accept("Cannot read the results of run " + runId + ": " + failure.getMessage()));
    }

    private void loadDetail(ResultRow row) {
        scores.clear();
        RunReader opened = reader.get();
        if (row == null || opened == null) {
            rawOutput.set("");
            resultProblem.set("");
            return;
        }
        rawOutput.set(row.result().rawOutput() == null ? "" : row.result().rawOutput());
        resultProblem.set(row.status().equals("ok") ? "" : row.status() + ": " + row.errorText());
        long resultId = row.result().id();
        tasks.runQuietly(progress -> opened.scoreDetailsOf(resultId), details -> {
            ResultRow current = selectedResult.get();
            if (current != null && current.result().id() == resultId) {
                scores.setAll(details.stream().map(ScoreRow::new).toList());
            }
        }, failure -> message.accept("Cannot read the scores of result " + resultId + ": " + failure.getMessage()));
    }

    public ObservableList<RunLine> runs() { return runs; }
    public ObjectProperty<RunLine> selectedRunProperty() { return selectedRun; }
    public ObservableList<ResultRow> results() { return results; }
    public ObjectProperty<ResultRow> selectedResultProperty() { return selectedResult; }
    public ObservableList<ScoreRow> scores() { return scores; }
    public StringProperty rawOutputProperty() { return rawOutput; }
    public StringProperty resultProblemProperty() { return resultProblem; }
}
