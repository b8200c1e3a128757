package dev.juror.app.judge;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.TaskHandle;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.rubric.RubricException;
import dev.juror.workspace.judging.JudgeRunEstimate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The run form's cost preview line, estimated off the FX thread whenever the rubric, model, samples
 * or repeats change: a newer question cancels the one still being answered, and an answer to an older
 * question is dropped. A change of provider or of how to call the judge only rewords the last estimate.
 */
public final class CostPreviewViewModel {

    private final BackgroundTasks tasks;
    private final Supplier<RunReader> reader;
    private final RunFormViewModel form;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    /** Runs a refresh: at once in tests, after a short pause in typing on the screen. */
    private Consumer<Runnable> delay = Runnable::run;
    private TaskHandle pending;
    private long question;
    private JudgeRunEstimate.Estimate last;

    CostPreviewViewModel(BackgroundTasks tasks, Supplier<RunReader> reader, RunFormViewModel form) {
        this.tasks = tasks;
        this.reader = reader;
        this.form = form;
        Runnable changed = this::changed;
        form.rubricProperty().addListener((obs, old, now) -> changed.run());
        form.modelProperty().addListener((obs, old, now) -> changed.run());
        form.allSamplesProperty().addListener((obs, old, now) -> changed.run());
        form.chosenSamples().addListener((javafx.collections.ListChangeListener<String>) change -> {
            if (!form.allSamplesProperty().get()) {
                changed.run();
            }
        });
        form.repeatsProperty().addListener((obs, old, now) -> changed.run());
        form.providerProperty().addListener((obs, old, now) -> reword());
        form.batch().modeProperty().addListener((obs, old, now) -> reword());
    }

    /** How refreshes are delayed (the screen waits for a pause in typing); at once by default. */
    void setDelay(Consumer<Runnable> delay) {
        this.delay = delay;
    }

    /** The run to estimate may have changed (the form, or the workspace under it): estimate it again soon. */
    void changed() {
        delay.accept(this::refresh);
    }

    /** Estimates the form's run again, cancelling an estimate still running. */
    void refresh() {
        question++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        RunReader reads = reader.get();
        if (reads == null || form.rubricProperty().get() == null) {
            last = null;
            text.set("");
            return;
        }
        long asked = question;
        var request = form.request();
        text.set("Estimating the cost…");
        pending = tasks.runQuietly(progress -> reads.estimate(request.rubric(), request.model(), request.sampleIds(),
                request.repeats()), estimate -> {
                    if (asked == question) {
                        pending = null;
                        last = estimate;
                        reword();
                    }
                }, failure -> {
                    if (asked == question && !(failure instanceof java.util.concurrent.CancellationException)) {
                        pending = null;
                        last = null;
                        text.set("No cost preview: " + reason(failure));
                    }
                });
    }

    private void reword() {
        if (last != null) {
            text.set(CostPreviewText.of(last, form.providerProperty().get(), form.batch().modeProperty().get()));
        }
    }

    private static String reason(Throwable failure) {
        if (failure instanceof RubricException e) {
            return "the rubric is not valid (" + String.join("; ", e.lines()) + ")";
        }
        if (failure instanceof JudgeSetupException e) {
            return e.setting() + " " + e.detail();
        }
        return failure.getMessage();
    }

    /** The preview: calls, tokens per call, on-demand and batch price; the batch minimum line when it applies. */
    public StringProperty textProperty() {
        return text;
    }
}
