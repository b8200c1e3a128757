package dev.juror.app.judge;

import dev.juror.app.settings.Settings;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The judge runs screen's "New run" form: rubric, judge (provider, model and its connection
 * settings), samples, repeats and concurrency. Connection settings and concurrency start from the
 * workbench's Settings; what the form holds becomes the run's {@link JudgeSettings}, never a
 * credential.
 */
public final class RunFormViewModel {

    /** What the form asks for, read on the FX thread before the run starts. */
    record Request(RubricChoice rubric, String provider, String model, List<String> sampleIds, int repeats,
                   JudgeSettings settings) {
    }

    private final Supplier<Settings> settings;
    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final ObservableList<String> providers = FXCollections.observableArrayList(JudgeFactory.PROVIDERS);
    private final StringProperty provider = new SimpleStringProperty(this, "provider", "heuristic");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
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
        region.set(s.bedrockRegion());
        profile.set(s.bedrockProfile());
        baseUrl.set(s.openAiBaseUrl());
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
        return Optional.empty();
    }

    /** The run the form describes; call once {@link #problem()} is empty. */
    Request request() {
        String chosenProvider = provider.get();
        return new Request(rubric.get(), chosenProvider, model.get(),
                allSamples.get() ? List.of() : List.copyOf(chosenSamples), repeats.get(), settingsFor(chosenProvider));
    }

    /** For Resume: only the concurrency comes from the form; the run keeps its own judge. */
    JudgeSettings resumeOverrides() {
        return new JudgeSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(concurrency.get()));
    }

    private JudgeSettings settingsFor(String chosenProvider) {
        boolean bedrock = chosenProvider.equals("bedrock");
        return new JudgeSettings(bedrock ? text(region) : Optional.empty(), bedrock ? text(profile) : Optional.empty(),
                bedrock ? text(endpoint) : Optional.empty(),
                chosenProvider.equals("openai") ? text(baseUrl) : Optional.empty(), Optional.empty(),
                Optional.of(concurrency.get()));
    }

    private static Optional<String> text(StringProperty p) {
        String v = p.get() == null ? "" : p.get().strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public ObservableList<RubricChoice> rubrics() { return rubrics; }
    public ObjectProperty<RubricChoice> rubricProperty() { return rubric; }
    public ObservableList<String> providers() { return providers; }
    public StringProperty providerProperty() { return provider; }
    public StringProperty modelProperty() { return model; }
    public StringProperty regionProperty() { return region; }
    public StringProperty profileProperty() { return profile; }
    public StringProperty endpointProperty() { return endpoint; }
    public StringProperty baseUrlProperty() { return baseUrl; }
    public ObservableList<String> samples() { return samples; }
    public ObservableList<String> chosenSamples() { return chosenSamples; }
    public BooleanProperty allSamplesProperty() { return allSamples; }
    public IntegerProperty repeatsProperty() { return repeats; }
    public IntegerProperty concurrencyProperty() { return concurrency; }
}
