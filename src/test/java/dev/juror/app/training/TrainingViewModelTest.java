package dev.juror.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.workspace.watch.CheckpointForReview;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Training screen's view model over a port answering from memory; tasks run inline. */
class TrainingViewModelTest {

    private final List<CheckpointForReview> opened = new ArrayList<>();

    private TrainingViewModel model(TrainingData data) {
        AtomicReference<TrainingData> open = new AtomicReference<>(data);
        TrainingViewModel vm = new TrainingViewModel(new InlineBackgroundTasks(), open::get, opened::add);
        vm.reload();
        return vm;
    }

    @Test
    void aWorkspaceWithoutRunsSaysHowToImportOne() {
        TrainingViewModel vm = model(new FakeTrainingData());

        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.runs()).isEmpty();
        assertThat(vm.chartsProperty().get()).isNull();
        assertThat(TrainingViewModel.EMPTY_COMMAND).isEqualTo("juror watch import --run NAME FILE");
        assertThat(TrainingViewModel.EMPTY_TEXT).contains("reward Lambda").contains("import them");
    }

    @Test
    void listsTheRunsAndReadsTheNewestInAListedTask() {
        FakeTrainingData data = FakeTrainingData.withOneRun(300);
        data.runs.add(0, new TrainingRunChoice("older", 0, java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(), "record"));
        TrainingViewModel vm = model(data);

        assertThat(vm.emptyProperty().get()).isFalse();
        assertThat(vm.runs()).extracting(TrainingRunChoice::toString)
                .containsExactly("older · 0 records", "rft-1 · 3,600 records · steps 1–300");
        assertThat(vm.runProperty().get().name()).isEqualTo("rft-1");
        assertThat(data.calls).containsExactly("runs", "report rft-1");
        assertThat(vm.messageProperty().get()).startsWith("rft-1: 3,600 records over 300 steps; each record carried"
                + " its own step. 2 alarms.");
        assertThat(vm.notes()).containsExactly("score_shift: the bundle's evidence has no score distribution.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void theChartsCarryTheReportsSeriesBandAndCheckpointWhiskers() {
        TrainingViewModel vm = model(FakeTrainingData.withOneRun(300));
        TrainingCharts charts = vm.chartsProperty().get();

        assertThat(charts.firstStep()).isEqualTo(1);
        assertThat(charts.lastStep()).isEqualTo(300);
        TrainingCharts.Panel reward = charts.panel(TrainingChartsBuilder.REWARD);
        assertThat(reward.lines().get(0).y()).hasSize(300);
        assertThat(reward.lines().get(0).y()[9]).isEqualTo(0.41, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(reward.band().low()[0]).isEqualTo(0.1);
        assertThat(reward.band().high()[0]).isEqualTo(0.9);
        assertThat(charts.panel(TrainingChartsBuilder.FALLBACK).lines().get(0).y()[2]).isEqualTo(25.0);
        assertThat(charts.panel(TrainingChartsBuilder.SCORE_SHIFT).hasData()).isFalse();
        TrainingCharts.Panel agreement = charts.panel(TrainingChartsBuilder.AGREEMENT);
        assertThat(agreement.whiskers()).extracting(TrainingCharts.Whiskers::name).containsExactly("coverage", "grounding");
        TrainingCharts.Whiskers coverage = agreement.whiskers().get(0);
        assertThat(coverage.x()).containsExactly(100, 200);
        assertThat(coverage.y()).containsExactly(0.66, 0.44);
        assertThat(coverage.low()).containsExactly(0.51, 0.29);
        assertThat(coverage.high()).containsExactly(0.78, 0.6);
        assertThat(coverage.tips()[1]).contains("ckpt-200 at step 200").contains("kappa 0.44").contains("40 rollouts");
    }

    @Test
    void alarmsAreMarkedOnTheirDetectorsPanelAndListed() {
        TrainingViewModel vm = model(FakeTrainingData.withOneRun(300));
        TrainingCharts charts = vm.chartsProperty().get();

        TrainingCharts.Marker verbosity = charts.panel(TrainingChartsBuilder.LENGTH).markers().get(0);
        assertThat(verbosity.step()).isEqualTo(120);
        assertThat(verbosity.y()).isEqualTo(800 + 2 * 120);
        assertThat(verbosity.tip()).startsWith("verbosity at step 120\nreward rose 0.12");
        TrainingCharts.Marker divergence = charts.panel(TrainingChartsBuilder.AGREEMENT).markers().get(0);
        assertThat(divergence.step()).isEqualTo(200);
        assertThat(divergence.y()).as("on the lowest point of the checkpoint").isEqualTo(0.44);
        assertThat(charts.panel(TrainingChartsBuilder.REWARD).markers()).isEmpty();
        assertThat(vm.alarms()).extracting(Object::toString).containsExactly(
                "Step 120 · verbosity\nreward rose 0.12 while the mean length rose 30 % over steps 80-120",
                "Step 200 · expert_divergence\nkappa 0.44 on coverage, below the validated 0.60");
    }

    @Test
    void aStepListsItsHighestThenLowestRecordsAndItsNearestCheckpoint() {
        FakeTrainingData data = FakeTrainingData.withOneRun(300);
        TrainingViewModel vm = model(data);

        vm.selectStep(160);

        assertThat(vm.selectedStepProperty().get()).isEqualTo(160);
        assertThat(vm.stepTitleProperty().get()).isEqualTo("Step 160: 12 records; the 5 highest and 5 lowest rewards");
        assertThat(vm.stepRecords()).extracting(StepRecordRow::rank, StepRecordRow::sampleId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("highest", "s-11"), org.assertj.core.groups.Tuple.tuple("highest", "s-10"),
                org.assertj.core.groups.Tuple.tuple("highest", "s-9"), org.assertj.core.groups.Tuple.tuple("highest", "s-8"),
                org.assertj.core.groups.Tuple.tuple("highest", "s-7"), org.assertj.core.groups.Tuple.tuple("lowest", "s-0"),
                org.assertj.core.groups.Tuple.tuple("lowest", "s-1"), org.assertj.core.groups.Tuple.tuple("lowest", "s-2"),
                org.assertj.core.groups.Tuple.tuple("lowest", "s-3"), org.assertj.core.groups.Tuple.tuple("lowest", "s-4"));
        StepRecordRow top = vm.stepRecords().get(0);
        assertThat(top.checks()).isEqualTo("quotes_reference, injection");
        assertThat(top.prediction()).contains("prediction 11");
        assertThat(vm.stepRecords().get(5).fallback()).isTrue();
        assertThat(vm.stepRecords().get(5).prediction()).isNull();
        // ckpt-200 has no metadata.step: the report's agreement says it was taken at step 200
        assertThat(vm.checkpointProperty().get().checkpoint()).isEqualTo("ckpt-200");
        assertThat(vm.checkpointTextProperty().get()).startsWith("Nearest checkpoint: ckpt-200 (step 200, 64 rollouts), no review queue yet");

        vm.openInReview();
        assertThat(opened).extracting(CheckpointForReview::checkpoint).containsExactly("ckpt-200");
    }

    @Test
    void aClickBetweenStepsSnapsToTheNearestStepWithRecords() {
        FakeTrainingData data = FakeTrainingData.withOneRun(10);
        TrainingViewModel vm = model(data);

        vm.selectStep(40);

        assertThat(vm.selectedStepProperty().get()).isEqualTo(10);
        assertThat(data.calls).endsWith("step rft-1 10");
        assertThat(vm.checkpointProperty().get().checkpoint()).isEqualTo("ckpt-100");
    }

    @Test
    void theArrowKeysMoveToTheNextAndPreviousStepWithRecords() {
        TrainingViewModel vm = model(FakeTrainingData.withOneRun(10));

        vm.moveStep(1);
        assertThat(vm.selectedStepProperty().get()).as("from none, the first step").isEqualTo(1);
        vm.moveStep(1);
        vm.moveStep(1);
        assertThat(vm.selectedStepProperty().get()).isEqualTo(3);
        vm.moveStep(-1);
        assertThat(vm.selectedStepProperty().get()).isEqualTo(2);
        vm.selectStep(10);
        vm.moveStep(1);
        assertThat(vm.selectedStepProperty().get()).as("stays on the last step").isEqualTo(10);
        assertThat(vm.stepRecords()).hasSize(10);
    }

    @Test
    void withoutCheckpointRolloutsNothingOpensAndTheScreenSaysWhy() {
        FakeTrainingData data = FakeTrainingData.withOneRun(50);
        data.checkpoints.clear();
        TrainingViewModel vm = model(data);

        vm.selectStep(20);
        vm.openInReview();

        assertThat(vm.checkpointProperty().get()).isNull();
        assertThat(vm.checkpointTextProperty().get())
                .isEqualTo("No checkpoint rollouts in this workspace to open in the review desk.");
        assertThat(opened).isEmpty();
    }

    @Test
    void readingARunCanBeCancelled() {
        FakeTrainingData data = FakeTrainingData.withOneRun(20);
        // queued: the read is handed its task before it runs, as on the workbench's pool
        InlineBackgroundTasks tasks = InlineBackgroundTasks.queued();
        TrainingViewModel vm = new TrainingViewModel(tasks, () -> data, opened::add);
        List<String> seen = new ArrayList<>();
        data.whileReading = () -> {
            seen.add(vm.busyProperty().get() + " " + tasks.running().get(0).title());
            vm.cancel(); // as the Stop reading button or the status bar's Cancel does
        };

        vm.reload();
        tasks.runQueued();

        assertThat(seen).containsExactly("true Reading training run rft-1");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.chartsProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).startsWith("Stopped reading training run rft-1.");
    }

    @Test
    void aRunThatCannotBeReadSaysWhy() {
        FakeTrainingData data = FakeTrainingData.withOneRun(20);
        data.reports.clear();
        TrainingViewModel vm = model(data);

        assertThat(vm.chartsProperty().get()).isNull();
        assertThat(vm.messageProperty().get())
                .isEqualTo("Could not read training run rft-1: There is no training run rft-1 in this workspace.");
    }
}
