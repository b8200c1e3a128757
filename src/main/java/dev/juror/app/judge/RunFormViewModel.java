package dev.juror.app.judge;

import dev.juror.app.settings.Settings;
import dev.juror.app.workspace.JudgeConnectionForm;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.workspace.judging.BatchRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The judge runs screen's "New run" form: rubric, judge (provider, model and its connection
 * settings), samples, repeats, concurrency and how to call the judge ({@link BatchFormViewModel}). Connection settings and concurrency start from the
 * workbench's Settings; what the form holds becomes the run's {@link JudgeSettings}, never a
 * credential.
 */
public final class RunFormViewModel {

    /** What the form asks for, read on the FX thread before the run starts. */
    record Request(RubricChoice rubric, String provider, String model, List<String> sampleIds, int repeats,
                   JudgeSettings settings, BatchRequest batch) {
    }

    private final Supplier<Settings> settings;
    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final JudgeConnectionForm judge = new JudgeConnectionForm();
    private final BatchFormViewModel batch = new BatchFormViewModel(judge.providerProperty());
    private final ObservableList<String> samples = FXCollections.observableArrayList();
    private final ObservableList<String> chosenSamples = FXCollections.observableArrayList();
    private final BooleanProperty allSamples = new SimpleBooleanProperty(this, "allSamples", true);
    private final IntegerProperty repeats = new SimpleIntegerProperty(this, "repeats", 1);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency",
            Settings.DEFAULT_CONCURRENCY);

    RunFormViewModel(Supplier<Settings> settings) {
        this.settings = settings;
        applySettings();
    }

    /** Takes region, profile, base URL and default concurrency from the settings. */
    void applySettings() {
        Settings s = settings.get();
        judge.applySettings(s);
        batch.applySettings(s);
        concurrency.set(s.defaultConcurrency());
    }

    void clear() {
        rubrics.clear();
        samples.clear();
    }

    /** A workspace's rubrics and samples; the first rubric is chosen. */
    void show(List<RubricChoice> rubricChoices, List<String> sampleIds) {
        rubrics.setAll(rubricChoices);
        if (!rubrics.isEmpty()) {
            rubric.set(rubrics.get(0));
        }
        samples.setAll(sampleIds);
    }

    /** Why the form cannot start a run, or empty when it can. */
    Optional<String> problem() {
        if (rubric.get() == null) {
            return Optional.of("Choose a rubric first: rubrics come from the workspace's rubrics/ folder.");
        }
        if (!allSamples.get() && chosenSamples.isEmpty()) {
            return Optional.of("Choose at least one sample, or tick All samples.");
        }
        return batch.problem();
    }

    /** The run the form describes; call once {@link #problem()} is empty. */
    Request request() {
        return new Request(rubric.get(), judge.providerProperty().get(), judge.modelProperty().get(),
                allSamples.get() ? List.of() : List.copyOf(chosenSamples), repeats.get(),
                judge.settings(Optional.of(concurrency.get())), batch.request());
    }

    /** For Resume: only the concurrency comes from the form; the run keeps its own judge. */
    JudgeSettings resumeOverrides() {
        return new JudgeSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(concurrency.get()));
    }

    /** How to call the judge: on demand or a Bedrock batch job, with the job's S3 folder and role. */
    public BatchFormViewModel batch() { return batch; }
    public ObservableList<RubricChoice> rubrics() { return rubrics; }
    public ObjectProperty<RubricChoice> rubricProperty() { return rubric; }
    public ObservableList<String> providers() { return judge.providers(); }
    public StringProperty providerProperty() { return judge.providerProperty(); }
    public StringProperty modelProperty() { return judge.modelProperty(); }
    public StringProperty regionProperty() { return judge.regionProperty(); }
    public StringProperty profileProperty() { return judge.profileProperty(); }
    public StringProperty endpointProperty() { return judge.endpointProperty(); }
    public StringProperty baseUrlProperty() { return judge.baseUrlProperty(); }
    public ObservableList<String> samples() { return samples; }
    public ObservableList<String> chosenSamples() { return chosenSamples; }
    public BooleanProperty allSamplesProperty() { return allSamples; }
    public IntegerProperty repeatsProperty() { return repeats; }
    public IntegerProperty concurrencyProperty() { return concurrency; }
}
