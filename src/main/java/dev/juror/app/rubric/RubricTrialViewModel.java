package dev.juror.app.rubric;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.judge.Judge;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.RetryPolicy;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.store.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rubric editor's sample side: which sample and rollout the preview renders against, and
 * "Try on this sample" (one judge call under the current draft, with the judge chosen here).
 * The draft itself belongs to {@link RubricEditorViewModel}, which hands it in.
 *
 * <p>Threading: call on the FX thread; reads and the judge call go through {@link BackgroundTasks}.
 */
public final class RubricTrialViewModel {

    /** The judges "Try on this sample" offers, in menu order. */
    public static final List<String> TRIAL_PROVIDERS = List.of(HeuristicJudge.PROVIDER, "bedrock", "openai");

    private final BackgroundTasks tasks;
    private final DraftYaml draftYaml;
    private final Consumer<String> status;
    private final Runnable inputsChanged;
    private final Runnable inputsCleared;
    private final ObservableList<SampleChoice> samples = FXCollections.observableArrayList();
    private final ObservableList<RolloutChoice> rollouts = FXCollections.observableArrayList();
    private final ObjectProperty<SampleChoice> sample = new SimpleObjectProperty<>(this, "sample");
    private final ObjectProperty<RolloutChoice> rollout = new SimpleObjectProperty<>(this, "rollout");
    private final ReadOnlyObjectWrapper<TrialResult> trial = new ReadOnlyObjectWrapper<>(this, "trial");
    private final ReadOnlyBooleanWrapper trying = new ReadOnlyBooleanWrapper(this, "trying");
    /** The judge "Try on this sample" asks: heuristic (no credentials), bedrock or openai. */
    private final ObjectProperty<String> trialProvider =
            new SimpleObjectProperty<>(this, "trialProvider", HeuristicJudge.PROVIDER);
    /** Provider settings from the workbench's Settings (region, profile, base URL); never credentials. */
    private Supplier<JudgeSettings> judgeSettings = () -> JudgeSettings.NONE;
    private Workspace workspace;
    private SampleInputs inputs = SampleInputs.NONE;

    /**
     * @param status        where failures to read samples are reported (the editor's status line)
     * @param inputsChanged called when another rollout's inputs were read (the preview renders again at once)
     * @param inputsCleared called when no rollout is chosen any more (the preview follows once edits pause)
     */
    RubricTrialViewModel(BackgroundTasks tasks, DraftYaml draftYaml, Consumer<String> status, Runnable inputsChanged,
                         Runnable inputsCleared) {
        this.tasks = tasks;
        this.draftYaml = draftYaml;
        this.status = status;
        this.inputsChanged = inputsChanged;
        this.inputsCleared = inputsCleared;
        sample.addListener((obs, old, now) -> loadRollouts(now));
        rollout.addListener((obs, old, now) -> loadInputs(now));
    }

    /** Forgets the samples of the workspace shown so far (another one is being opened). */
    void forget() {
        samples.clear();
        rollouts.clear();
        inputs = SampleInputs.NONE;
    }

    /** Lists the samples of a workspace and picks the first with rollouts (null: nothing open). */
    void load(Workspace opened) {
        this.workspace = opened;
        forget();
        if (opened == null) {
            return;
        }
        SampleSource source = new SampleSource(opened);
        tasks.runQuietly(progress -> source.samples(), list -> {
            samples.setAll(list);
            sample.set(list.stream().filter(s -> s.rollouts() > 0).findFirst().orElse(null));
        }, failure -> status.accept("Cannot list the samples: " + failure.getMessage()));
    }

    /** The inputs of the chosen rollout, or {@link SampleInputs#NONE}. */
    SampleInputs inputs() {
        return inputs;
    }

    /** Forgets the last trial (another rubric was opened). */
    void clearTrial() {
        trial.set(null);
    }

    private void loadRollouts(SampleChoice choice) {
        rollouts.clear();
        if (choice == null || workspace == null) {
            return;
        }
        SampleSource source = new SampleSource(workspace);
        tasks.runQuietly(progress -> source.rollouts(choice.id()), list -> {
            if (choice.equals(sample.get())) {
                rollouts.setAll(list);
                rollout.set(list.isEmpty() ? null : list.get(0));
            }
        }, failure -> status.accept("Cannot read the rollouts of " + choice.id() + ": " + failure.getMessage()));
    }

    private void loadInputs(RolloutChoice choice) {
        if (choice == null || workspace == null) {
            inputs = SampleInputs.NONE;
            inputsCleared.run();
            return;
        }
        SampleSource source = new SampleSource(workspace);
        tasks.runQuietly(progress -> source.inputs(choice), loaded -> {
            if (choice.equals(rollout.get())) {
                inputs = loaded;
                trial.set(null);
                inputsChanged.run();
            }
        }, failure -> status.accept("Cannot read " + choice + ": " + failure.getMessage()));
    }

    /** Where the Bedrock region/profile and the OpenAI-compatible base URL come from (the Settings dialog). */
    public void setJudgeSettings(Supplier<JudgeSettings> settings) {
        this.judgeSettings = settings;
    }

    /** Grades the chosen rollout with the chosen judge under {@code current} (checked first). */
    void tryOn(RubricDraft current, String source) {
        SampleInputs against = inputs;
        if (current == null) {
            return;
        }
        if (against.isPlaceholder()) {
            trial.set(TrialResult.refused("choose a sample and a rollout first"));
            return;
        }
        trying.set(true);
        String provider = trialProvider.get() == null ? HeuristicJudge.PROVIDER : trialProvider.get();
        JudgeSettings settingsNow = judgeSettings.get();
        tasks.run("Trying the rubric on " + against.label(), progress -> grade(current, source, against, provider,
                settingsNow), result -> {
            trying.set(false);
            trial.set(result);
        }, failure -> {
            trying.set(false);
            trial.set(TrialResult.refused(failure instanceof CancellationException ? "cancelled"
                    : "the judge failed: " + failure.getMessage()));
        });
    }

    /** Off the FX thread: checks the draft, builds the judge and makes the one call. */
    private TrialResult grade(RubricDraft current, String source, SampleInputs against, String provider,
                              JudgeSettings settingsNow) throws Exception {
        DraftYaml.Validation validation = draftYaml.validate(current, source);
        if (!validation.valid()) {
            int n = validation.problems().size();
            return TrialResult.refused("the rubric has " + n + " problem" + (n == 1 ? "" : "s")
                    + "; fix those marked in red first");
        }
        Rubric rubric = validation.rubric().get();
        if (provider.equals(HeuristicJudge.PROVIDER)) {
            Optional<String> unsupported = HeuristicJudge.supports(rubric);
            if (unsupported.isPresent()) {
                return TrialResult.refused(unsupported.get());
            }
        }
        String model = JudgeFactory.model(provider, null, rubric.judge().modelId());
        Judge judge;
        try {
            // A person waits for this one call: a dead endpoint is reported in seconds.
            judge = JudgeFactory.judge(provider, model, settingsNow, null, RetryPolicy.INTERACTIVE);
        } catch (JudgeSetupException e) {
            return TrialResult.refused(provider + ": " + e.detail() + " (set it in File > Settings)");
        }
        try (judge) {
            JudgeResult result = judge.judge(JudgeItem.pointwise(against.rolloutKey(), rubric,
                    against.systemPrompt(), against.target(), against.reference(), against.prediction()));
            return TrialResult.of(model, against.label(), CanonicalForm.version(rubric), result);
        }
    }

    public ObjectProperty<String> trialProviderProperty() {
        return trialProvider;
    }

    public ObservableList<SampleChoice> samples() {
        return samples;
    }

    public ObservableList<RolloutChoice> rollouts() {
        return rollouts;
    }

    public ObjectProperty<SampleChoice> sampleProperty() {
        return sample;
    }

    public ObjectProperty<RolloutChoice> rolloutProperty() {
        return rollout;
    }

    public ReadOnlyObjectProperty<TrialResult> trialProperty() {
        return trial.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tryingProperty() {
        return trying.getReadOnlyProperty();
    }
}
