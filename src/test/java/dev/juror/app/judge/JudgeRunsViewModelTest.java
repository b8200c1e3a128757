package dev.juror.app.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge runs view model without a screen: tasks run inline, the heuristic judge needs no service. */
class JudgeRunsViewModelTest {

    @TempDir
    Path dir;

    private static JudgeRunsViewModel loaded(Workspace ws, Settings settings) {
        JudgeRunsViewModel vm = new JudgeRunsViewModel(new InlineBackgroundTasks(), () -> settings);
        vm.load(ws);
        return vm;
    }

    @Test
    void theFormListsRubricsAndSamplesAndRefusesToStartWithoutASample() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            JudgeRunsViewModel vm = loaded(ws, Settings.defaults());
            assertThat(vm.rubrics()).extracting(r -> r.fileName()).contains("contract-review.yaml");
            assertThat(vm.rubricProperty().get()).isNotNull();
            assertThat(vm.samples()).isNotEmpty();

            vm.allSamplesProperty().set(false);
            vm.start();

            assertThat(vm.messageProperty().get()).isEqualTo("Choose at least one sample, or tick All samples.");
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(new JudgeRunRepository(ws).list()).isEmpty();
        }
    }

    @Test
    void aHeuristicRunOnOneSampleFinishesIsSelectedAndShowsItsResultsAndScores() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            JudgeRunsViewModel vm = loaded(ws, Settings.defaults());
            vm.form().rubricProperty().set(vm.rubrics().stream()
                    .filter(r -> r.fileName().equals("contract-review.yaml")).findFirst().orElseThrow());
            vm.allSamplesProperty().set(false);
            vm.chosenSamples().setAll(vm.samples().get(0));

            vm.start();

            StoredJudgeRun stored = new JudgeRunRepository(ws).list().get(0);
            assertThat(stored.status()).isEqualTo(JudgeRunStatus.FINISHED);
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.messageProperty().get()).startsWith("Run " + stored.id() + " finished: ");
            assertThat(vm.runs()).extracting(line -> line.run().id()).containsExactly(stored.id());
            assertThat(vm.selectedRunProperty().get().run().id()).isEqualTo(stored.id());
            assertThat(vm.results()).hasSize(stored.expectedResults())
                    .allSatisfy(row -> assertThat(row.sampleId()).isEqualTo(vm.samples().get(0)));
            assertThat(vm.doneProperty().get()).isEqualTo(stored.expectedResults());
            assertThat(vm.progressProperty().get()).isEqualTo(1.0);
            assertThat(vm.progressUpdatesProperty().get()).isPositive();
            assertThat(vm.canResumeBinding().get()).as("a finished run is not resumed").isFalse();

            ResultRow ok = vm.results().stream().filter(r -> r.status().equals("ok")).findFirst().orElseThrow();
            vm.selectedResultProperty().set(ok);
            assertThat(vm.scores()).isNotEmpty();
            assertThat(vm.rawOutputProperty().get()).isEqualTo(ok.result().rawOutput());
            assertThat(vm.resultProblemProperty().get()).isEmpty();
        }
    }

    @Test
    void theFormStartsFromTheSettingsAndPassesOnlyTheChosenProvidersConnection() {
        Settings settings = Settings.defaults().withPreferences(Settings.defaults().theme(), 13, 7, "eu-west-1",
                "team", "http://localhost:8080/v1");
        JudgeRunsViewModel vm = new JudgeRunsViewModel(new InlineBackgroundTasks(), () -> settings);
        RunFormViewModel form = vm.form();
        assertThat(form.concurrencyProperty().get()).isEqualTo(7);
        assertThat(form.regionProperty().get()).isEqualTo("eu-west-1");

        form.providerProperty().set("bedrock");
        form.endpointProperty().set("  ");
        JudgeSettings bedrock = form.request().settings();
        assertThat(bedrock.region()).contains("eu-west-1");
        assertThat(bedrock.profile()).contains("team");
        assertThat(bedrock.endpoint()).as("blank means none").isEmpty();
        assertThat(bedrock.baseUrl()).isEmpty();
        assertThat(bedrock.concurrency()).contains(7);

        form.providerProperty().set("openai");
        JudgeSettings openai = form.request().settings();
        assertThat(openai.baseUrl()).contains("http://localhost:8080/v1");
        assertThat(openai.region()).isEmpty();
        assertThat(openai.profile()).isEmpty();
        assertThat(form.request().sampleIds()).as("all samples").isEmpty();
    }

    @Test
    void durationsReadAsSecondsThenMinutes() {
        assertThat(RunProgressViewModel.duration(java.time.Duration.ofMillis(42_400))).isEqualTo("42 s");
        assertThat(RunProgressViewModel.duration(java.time.Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
        assertThat(Optional.of(RunProgressViewModel.duration(java.time.Duration.ofSeconds(-3)))).contains("0 s");
    }
}
