package dev.juror.app.align;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.align.AlignInputException;
import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.workspace.align.AlignRunException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlignViewModelTest {

    private final FakeAlignPort port = new FakeAlignPort();
    private final List<Path> opened = new ArrayList<>();
    private final Settings settings = Settings.defaults().withPreferences(Settings.defaults().theme(), 13, 4,
            "eu-west-1", "juror-dev", "http://127.0.0.1:8080/v1");

    private AlignViewModel model(InlineBackgroundTasks tasks) {
        AlignViewModel model = new AlignViewModel(tasks, port, () -> settings, opened::add);
        model.rubricProperty().set(Path.of("rubrics", "contract-review.yaml"));
        return model;
    }

    @Test
    void theFormTakesTheJudgeFromTheSettingsAndTheCapsAsTyped() {
        AlignViewModel model = model(new InlineBackgroundTasks());
        model.judge().providerProperty().set("bedrock");
        model.judge().modelProperty().set("m1");
        model.maxCostProperty().set("2.5");
        model.splitSeedProperty().set("7");
        model.proposalsProperty().set(false);
        model.typedEdits().add(Path.of("my-edit.yaml"));

        AlignForm form = model.form().orElseThrow();

        assertThat(form.provider()).isEqualTo("bedrock");
        assertThat(form.settings().region()).contains("eu-west-1");
        assertThat(form.settings().profile()).contains("juror-dev");
        assertThat(form.maxCalls()).isEqualTo(1000);
        assertThat(form.maxCost().getAsDouble()).isEqualTo(2.5);
        assertThat(form.splitSeed()).isEqualTo(7);
        assertThat(form.fewShot()).isTrue();
        assertThat(form.proposals()).isFalse();
        assertThat(form.reuseTestSplit()).as("off by default").isFalse();
        assertThat(form.typedEdits()).containsExactly(Path.of("my-edit.yaml"));
    }

    @Test
    void badCapsAreSaidInPlainWordsAndNothingIsAsked() {
        AlignViewModel model = model(new InlineBackgroundTasks());
        model.maxCallsProperty().set("0");
        model.maxCostProperty().set("cheap");

        model.checkCost();
        model.run();

        assertThat(model.errorProperty().get()).contains("Max calls must be a whole number, 1 or more, was '0'")
                .contains("Max cost must be a number, 0 or more");
        assertThat(port.estimated).isEmpty();
        assertThat(port.ran).isEmpty();
    }

    @Test
    void noRubricOpenIsAProblemToo() {
        AlignViewModel model = model(new InlineBackgroundTasks());
        model.rubricProperty().set(null);
        model.run();
        assertThat(model.errorProperty().get()).startsWith("Open a rubric in the editor first");
        assertThat(port.ran).isEmpty();
    }

    @Test
    void checkCostShowsTheEstimateAndWhetherTheCapsAllowIt() {
        AlignViewModel model = model(new InlineBackgroundTasks());
        model.checkCost();
        assertThat(model.estimateProperty().get()).isEqualTo("3 candidates on 4 validation samples, the chosen one on 4"
                + " test samples: at most 16 judge calls, estimated 0.0123 USD. Within the caps. Nothing was sent.");
        assertThat(port.ran).isEmpty();

        port.refusal = "the round is estimated at 0.0123 USD, over the cap of 0.0100 (--max-cost); nothing was sent";
        model.checkCost();
        assertThat(model.estimateProperty().get()).endsWith("Over budget: the round is estimated at 0.0123 USD, over"
                + " the cap of 0.0100 (Max cost); nothing was sent");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aRoundShowsItsProgressCandidatesTestComparisonDiffAndJoinsThePastRounds() {
        AlignViewModel model = model(new InlineBackgroundTasks());
        model.run();

        assertThat(model.progressLines()).containsExactly(
                "judging candidate few-shot-1 on the validation split (4 samples)",
                "chosen few-shot-1; judging it once on the test split (4 samples)", "done: round 1");
        assertThat(model.candidates()).extracting(AlignRows.CandidateRow::id, AlignRows.CandidateRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("baseline", "baseline"),
                        org.assertj.core.groups.Tuple.tuple("few-shot-1", "chosen"),
                        org.assertj.core.groups.Tuple.tuple("my-edit", "rejected: changes the scale of Accuracy"));
        assertThat(model.dimensions()).containsExactly("Actionability", "Accuracy");
        assertThat(model.candidates().get(1).lower("Actionability")).isEqualTo("0.630");
        assertThat(model.candidates().get(2).lower("Actionability")).as("rejected: not judged").isEmpty();
        assertThat(model.comparison()).containsExactly(new AlignRows.DimensionRow("Actionability", "24", "0.390",
                "0.610 [0.400, 0.780]", "+0.220 [0.050, 0.370]", "0.700 [0.550, 0.830]"));
        assertThat(model.diffProperty().get()).contains("+examples:");
        assertThat(model.summaryProperty().get()).contains("Chosen: few-shot-1, new version v2");
        assertThat(model.rounds()).hasSize(1);
        assertThat(model.rounds().get(0).toString()).isEqualTo("#1 contract-review: few-shot-1 → v2 (3 candidates, 40 calls, test used 1×)");
        assertThat(model.busyProperty().get()).isFalse();

        assertThat(model.canOpenNewVersionProperty().get()).isTrue();
        model.openNewVersion();
        assertThat(opened).containsExactly(Path.of("alignment", "001-contract-review", "contract-review.aligned.yaml"));
    }

    @Test
    void aRoundThatKeptTheBaselineOffersNoNewVersion() {
        port.stored.add(FakeAlignPort.round(1, ""));
        AlignViewModel model = model(new InlineBackgroundTasks());
        model.reload();
        model.show(model.rounds().get(0).round());

        assertThat(model.summaryProperty().get()).contains("No candidate ranked above the baseline");
        assertThat(model.comparison()).isEmpty();
        assertThat(model.diffProperty().get()).isEmpty();
        assertThat(model.canOpenNewVersionProperty().get()).isFalse();
        model.openNewVersion();
        assertThat(opened).isEmpty();
    }

    @Test
    void pastRoundsAreListedNewestFirst() {
        port.stored.add(FakeAlignPort.round(1, ""));
        port.stored.add(FakeAlignPort.round(2, "few-shot-1"));
        AlignViewModel model = model(new InlineBackgroundTasks());
        model.reload();
        assertThat(model.rounds()).extracting(l -> l.round().id()).containsExactly(2, 1);
    }

    @Test
    void failuresAreOneSentenceWithWhatToDo() {
        AlignViewModel model = model(new InlineBackgroundTasks());
        port.failure = new AlignInputException("baseline-run", "no finished judge run of rubric contract-review"
                + " version v1 with model heuristic; judge the baseline first (juror judge --rubric FILE ...) or name a"
                + " run with --baseline-run");
        model.run();
        assertThat(model.errorProperty().get()).startsWith("No baseline run yet: run a judge first")
                .doesNotContain("--baseline-run");

        port.failure = new AlignInputException("labels", "alignment needs labelled items in at least 6 samples"
                + " (2 per split); found 3");
        model.checkCost();
        assertThat(model.errorProperty().get()).isEqualTo("Too few labels for an honest round: alignment needs"
                + " labelled items in at least 6 samples (2 per split); found 3");

        port.failure = new AlignInputException("budget", "the round needs 120 calls, over the cap of 100"
                + " (--max-calls); nothing was sent.");
        model.run();
        assertThat(model.errorProperty().get()).startsWith("Over budget, nothing was judged:")
                .contains("(Max calls)");

        port.failure = new AlignInputException("test-split", "the test split was judged by 1 earlier round."
                + " Pass --reuse-test-split to accept that");
        model.run();
        assertThat(model.errorProperty().get()).contains("Tick \"Reuse the test split\" to accept");

        port.failure = new AlignRunException("judge run 9 did not finish: throttled");
        model.run();
        assertThat(model.errorProperty().get()).isEqualTo("The round stopped: judge run 9 did not finish: throttled");

        port.failure = new JudgeSetupException("region", "is not set");
        model.run();
        assertThat(model.errorProperty().get()).isEqualTo("Cannot set up the judge: region is not set");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void cancelStopsTheRoundAndSaysWhatIsKept() {
        InlineBackgroundTasks tasks = InlineBackgroundTasks.queued();
        AlignViewModel model = model(tasks);
        model.run();
        assertThat(model.busyProperty().get()).isTrue();
        model.cancel();
        tasks.runQueued();
        assertThat(model.errorProperty().get()).startsWith("Cancelled.");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.shownProperty().get()).isNull();
    }

    @Test
    void theEstimateTextSaysWhenTheCostIsUnknown() {
        String text = AlignViewModel.describe(new dev.juror.workspace.align.AlignExperiment.Estimate(2, 3, 3, 9,
                Optional.empty(), "", "no price for model x", "", List.of("few-shot: pairwise rubric")));
        assertThat(text).contains("cost unknown (no price for model x)").endsWith("\nfew-shot: pairwise rubric");
    }
}
