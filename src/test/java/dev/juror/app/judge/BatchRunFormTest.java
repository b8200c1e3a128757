package dev.juror.app.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.app.ShippedRubric;
import dev.juror.app.settings.Settings;
import dev.juror.app.settings.SettingsStore;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.batch.BatchException;
import dev.juror.batch.BatchMode;
import dev.juror.judge.BatchProgress;
import dev.juror.judge.TokenUsage;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.judge.run.RunProgress;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.Workspace;
import dev.juror.workspace.judging.BatchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge screen's batch part without a screen: the "How to call the judge" choice, its fields and
 * their errors, what is remembered, the stage of a batch run as progress, and how a batch failure reads.
 */
class BatchRunFormTest {

    @TempDir
    Path dir;

    private static RunFormViewModel form(Settings settings) {
        return new JudgeRunsViewModel(new InlineBackgroundTasks(), () -> settings).form();
    }

    @Test
    void batchNeedsTheBedrockProviderAndFallsBackToOnDemandWithAnyOther() {
        RunFormViewModel form = form(Settings.defaults());
        BatchFormViewModel batch = form.batch();
        assertThat(batch.modeProperty().get()).isEqualTo(CallMode.ON_DEMAND);
        assertThat(batch.modes()).containsExactly(CallMode.ON_DEMAND, CallMode.BATCH, CallMode.AUTO);
        assertThat(form.providerProperty().get()).isEqualTo("heuristic");
        assertThat(batch.availableBinding().get()).isFalse();
        assertThat(batch.hintBinding().get()).isEqualTo("Batch jobs and Auto need the bedrock provider.");

        form.providerProperty().set("bedrock");
        batch.modeProperty().set(CallMode.BATCH);
        assertThat(batch.availableBinding().get()).isTrue();
        assertThat(batch.batchChosenBinding().get()).isTrue();
        assertThat(batch.hintBinding().get()).contains("about half the price", "results in hours", "100 calls");

        form.providerProperty().set("openai");
        assertThat(batch.modeProperty().get()).isEqualTo(CallMode.ON_DEMAND);
        assertThat(batch.batchChosenBinding().get()).isFalse();
        assertThat(form.request().batch()).isEqualTo(BatchRequest.ONLINE);
    }

    @Test
    void eachBatchFieldSaysWhatIsWrongBesideItAndTheErrorGoesWhenItIsEdited() {
        RunFormViewModel form = form(Settings.defaults());
        BatchFormViewModel batch = form.batch();
        form.providerProperty().set("bedrock");
        batch.modeProperty().set(CallMode.BATCH);
        form.rubricProperty().set(new dev.juror.app.workspace.RubricChoice(ShippedRubric.FILE,
                ShippedRubric.contractReview(), "v"));

        assertThat(form.problem()).isPresent();
        assertThat(batch.s3PrefixErrorProperty().get()).startsWith("Give the S3 folder");
        assertThat(batch.roleArnErrorProperty().get()).startsWith("Give the service role").contains("batch-permissions.md");

        batch.s3PrefixProperty().set("my-bucket/judge");
        batch.roleArnProperty().set("role/juror-batch");
        assertThat(batch.s3PrefixErrorProperty().get()).as("cleared by the edit").isEmpty();
        assertThat(form.problem()).isPresent();
        assertThat(batch.s3PrefixErrorProperty().get()).contains("is not an S3 location").contains("s3://bucket/prefix");
        assertThat(batch.roleArnErrorProperty().get()).contains("is not a role ARN");

        batch.s3PrefixProperty().set(" s3://my-bucket/judge ");
        batch.roleArnProperty().set("arn:aws:iam::123456789012:role/juror-batch");
        assertThat(form.problem()).isEmpty();
        BatchRequest request = form.request().batch();
        assertThat(request.mode()).isEqualTo(BatchMode.BATCH);
        assertThat(request.s3Prefix()).contains("s3://my-bucket/judge");
        assertThat(request.roleArn()).contains("arn:aws:iam::123456789012:role/juror-batch");

        batch.modeProperty().set(CallMode.AUTO);
        assertThat(form.request().batch().mode()).isEqualTo(BatchMode.AUTO);
    }

    @Test
    void theLaunchersRefusalLandsBesideItsFieldInTheFormsWords() {
        BatchFormViewModel batch = form(Settings.defaults()).batch();
        assertThat(batch.showSetupProblem(new JudgeSetupException("mode", "this run has 12 calls, and a Bedrock batch"
                + " job takes at least 100 records: use --mode online, or --mode auto"))).isTrue();
        assertThat(batch.modeErrorProperty().get()).endsWith("use On demand, or Auto");
        assertThat(batch.showSetupProblem(new JudgeSetupException("role-arn", "\"x\" is not a role ARN"))).isTrue();
        assertThat(batch.roleArnErrorProperty().get()).isEqualTo("\"x\" is not a role ARN");
        assertThat(batch.showSetupProblem(new JudgeSetupException("repeats", "must be 1 to 20"))).isFalse();
    }

    @Test
    void theFolderAndRoleComeFromTheSettingsAndAMovedDividerKeepsWhatWasTyped() throws Exception {
        Settings remembered = Settings.defaults().withBatch("s3://team-bucket/juror", "arn:aws:iam::1:role/b");
        AtomicReference<Settings> current = new AtomicReference<>(remembered);
        JudgeRunsViewModel vm = new JudgeRunsViewModel(new InlineBackgroundTasks(), current::get);
        BatchFormViewModel batch = vm.form().batch();
        assertThat(batch.s3PrefixProperty().get()).isEqualTo("s3://team-bucket/juror");
        assertThat(batch.roleArnProperty().get()).isEqualTo("arn:aws:iam::1:role/b");

        batch.s3PrefixProperty().set("s3://other/x");
        current.set(current.get().withDividers("judge", List.of(0.5)));
        vm.applySettings();
        assertThat(batch.s3PrefixProperty().get()).isEqualTo("s3://other/x");

        // Stored in settings.json with the rest, and read back.
        Path file = dir.resolve("settings.json");
        new SettingsStore(file).save(remembered);
        Settings read = new SettingsStore(file).load();
        assertThat(read.batchS3Prefix()).isEqualTo("s3://team-bucket/juror");
        assertThat(read.batchRoleArn()).isEqualTo("arn:aws:iam::1:role/b");
    }

    @Test
    void aBatchRunTooSmallForAJobIsRefusedBesideTheChoiceNothingStoredAndTheFieldsRemembered() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            List<UnaryOperator<Settings>> remembered = new ArrayList<>();
            JudgeRunsViewModel vm = new JudgeRunsViewModel(new InlineBackgroundTasks(), Settings::defaults,
                    remembered::add);
            vm.load(ws);
            RunFormViewModel form = vm.form();
            form.providerProperty().set("bedrock");
            form.modelProperty().set("anthropic.claude-3-haiku-20240307-v1:0");
            form.batch().modeProperty().set(CallMode.BATCH);
            form.batch().s3PrefixProperty().set("s3://team-bucket/juror");
            form.batch().roleArnProperty().set("arn:aws:iam::123456789012:role/juror-batch");

            vm.start();

            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(new JudgeRunRepository(ws).list()).as("refused before anything is stored").isEmpty();
            assertThat(form.batch().modeErrorProperty().get()).contains("at least 100 records", "On demand", "Auto")
                    .doesNotContain("--mode");
            assertThat(vm.messageProperty().get()).startsWith("Cannot start the run: how to call the judge: this run has");
            assertThat(remembered).hasSize(1);
            Settings after = remembered.get(0).apply(Settings.defaults());
            assertThat(after.batchS3Prefix()).isEqualTo("s3://team-bucket/juror");
            assertThat(after.batchRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/juror-batch");
        }
    }

    @Test
    void aBatchRunSaysSoInTheRunsListWithItsLatestJobsStatus() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            JudgeRunsViewModel vm = new JudgeRunsViewModel(new InlineBackgroundTasks(), Settings::defaults);
            vm.load(ws);
            vm.allSamplesProperty().set(false);
            vm.chosenSamples().setAll(vm.samples().get(0));
            vm.start();
            long id = new JudgeRunRepository(ws).list().get(0).id();
            RunReader reads = RunReader.of(ws);
            assertThat(reads.runLines().get(0).calling()).as("judged on demand").isEmpty();

            var batchJobs = dev.juror.store.Repositories.of(ws).batchJobs();
            batchJobs.createRun(new dev.juror.store.BatchJobRepository.BatchRun(id, "s3://team-bucket/p/", "arn:aws:iam::1:role/r",
                    24, Optional.empty(), Optional.empty()));
            assertThat(reads.runLines().get(0).toString()).startsWith("#" + id + "  finished  batch  contract-review@");
            var job = batchJobs.newJob(id, 1, "token-1", "juror-run-1", dev.juror.batch.S3Location.parse(
                    "s3://team-bucket/p/in/records.jsonl"), dev.juror.batch.S3Location.parseFolder("s3://team-bucket/p/out/"), 120);
            batchJobs.status(job.id(), dev.juror.batch.JobStatus.IN_PROGRESS, "");
            assertThat(reads.runLines().get(0).toString()).contains("  batch InProgress  ");
        }
    }

    @Test
    void aBatchRunsStageIsShownInsteadOfCallsInFlight() {
        BatchProgress nothingYet = new BatchProgress(200, 0, 0, 0, 0, 0, 0, 0, 0, TokenUsage.ZERO, Duration.ofSeconds(40),
                Optional.of(Duration.ofMinutes(3)), 4);
        String stage = "batch job abc InProgress: 1,200 of 20,000 records processed; next look in 30 s";
        RunProgressViewModel.Shown shown = RunProgressViewModel.Shown.of(new RunProgress(nothingYet, Map.of(), 200, 0,
                stage));
        RunProgressViewModel progress = new RunProgressViewModel();
        progress.show(shown);
        assertThat(progress.countsTextProperty().get()).isEqualTo(stage);
        assertThat(progress.etaProperty().get()).isEmpty();

        RunProgressViewModel.Shown online = RunProgressViewModel.Shown.of(new RunProgress(nothingYet, Map.of(), 200, 0));
        assertThat(online.countsText()).startsWith("0/200 done · 0 failed");
    }

    @Test
    void aBatchFailureReadsAsAMessageThatOffersResume() {
        String text = RunProblems.describe(new BatchException("the job's output folder s3://b/p/out/ cannot be read"
                + " (AccessDenied)."), 12);
        assertThat(text).isEqualTo("The batch job cannot go on: the job's output folder s3://b/p/out/ cannot be read"
                + " (AccessDenied). Run 12 is interrupted; Resume continues it (finished records are kept).");
        assertThat(text).doesNotContain("Exception", "\tat ");
        assertThat(RunProblems.describe(new JudgeSetupException("s3-prefix", "\"x\" is not an S3 location"), -1))
                .isEqualTo("Cannot start the run: the S3 folder \"x\" is not an S3 location");
    }
}
