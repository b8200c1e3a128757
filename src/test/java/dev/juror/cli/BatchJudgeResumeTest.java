package dev.juror.cli;

import static dev.juror.cli.BatchJudgeFixture.jurorWithKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.store.BatchJobRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.Repositories;
import dev.juror.store.Workspace;
import dev.juror.testing.ChildJava;
import dev.juror.workspace.judging.BatchRequest;
import dev.juror.workspace.judging.JudgeRunLauncher;
import dev.juror.workspace.judging.NewRun;
import dev.juror.workspace.judging.PreparedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run killed while it watches its job finds the job again by its stored ARN, and a cancelled
 * one stops its job, keeps what the job finished and continues on demand.
 */
class BatchJudgeResumeTest {

    @TempDir
    Path temp;

    @Test
    void killedWhileWatchingItsJobAResumeFindsTheJobAndStartsNoOther() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        Path rubric = JudgeCliFixture.responseRubric(temp);
        try (BatchJudgeFixture stubs = new BatchJudgeFixture()) {
            stubs.bedrock.startDelay(Duration.ofSeconds(3));
            List<String> command = new ArrayList<>(List.of("dev.juror.Main"));
            command.addAll(stubs.batchArgs("--workspace", ws.toString(), "--rubric", rubric.toString(), "--repeats", "2"));
            Process child = new ProcessBuilder(ChildJava.command(List.of(
                    "-Daws.accessKeyId=" + DummyAwsCredentials.ACCESS_KEY_ID,
                    "-Daws.secretAccessKey=" + DummyAwsCredentials.SECRET_ACCESS_KEY), command.toArray(String[]::new)))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(temp.resolve("child.err").toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (stubs.bedrock.requests().stream().noneMatch(r -> r.method().equals("GET"))
                        && System.nanoTime() < deadline && child.isAlive()) {
                    Thread.sleep(10);
                }
                assertThat(child.isAlive()).as(Files.readString(temp.resolve("child.err"))).isTrue();
            } finally {
                child.destroyForcibly(); // SIGKILL, while the job is still Submitted
                child.waitFor();
            }
            assertThat(stubs.bedrock.jobsStarted()).isEqualTo(1);
            String arn = stubs.bedrock.jobArns().get(0);
            try (Workspace opened = Workspace.open(ws)) {
                assertThat(Repositories.of(opened).batchJobs().jobs(1)).singleElement()
                        .satisfies(job -> assertThat(job.jobArn()).hasValue(arn));
                assertThat(Repositories.of(opened).judgeResults().resultsOf(1)).isEmpty();
            }

            JudgeCliFixture.Run resumed = jurorWithKeys(List.of("judge", "--workspace", ws.toString(), "--resume", "1",
                    "--poll-seconds", "0.05"));
            assertThat(resumed.exit()).as(resumed.err()).isZero();
            assertThat(resumed.out()).contains("run 1 finished").contains("100/100 results");
            assertThat(stubs.bedrock.jobsStarted()).isEqualTo(1);
            assertThat(stubs.bedrock.requests()).filteredOn(r -> r.method().equals("POST")
                    && r.path().equals("/model-invocation-job")).hasSize(1);
        }
    }

    @Test
    void cancelStopsTheJobKeepsWhatItFinishedAndTheRestGoesOnDemand() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        System.setProperty("aws.accessKeyId", DummyAwsCredentials.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", DummyAwsCredentials.SECRET_ACCESS_KEY);
        try (BatchJudgeFixture stubs = new BatchJudgeFixture(); ConverseTestServer converse = ConverseTestServer.start();
             Workspace opened = Workspace.open(ws)) {
            converse.respondWith(BatchJudgeFixture::converseAnswer);
            stubs.bedrock.pace(40);
            JudgeRunLauncher launcher = new JudgeRunLauncher(opened);
            JudgeSettings settings = new JudgeSettings(Optional.of("us-east-1"), Optional.empty(),
                    Optional.of(converse.endpoint().toString()), Optional.empty(), Optional.empty(), Optional.empty());
            BatchRequest batch = BatchRequest.batch(BatchJudgeFixture.PREFIX, BatchJudgeFixture.ROLE)
                    .withEndpoints(Optional.of(stubs.bedrock.endpoint().toString()),
                            Optional.of(stubs.s3.endpoint().toString()))
                    .withFirstPoll(Duration.ofMillis(50));
            PreparedRun prepared = launcher.create(new NewRun(JudgeCliFixture.RESPONSE_RUBRIC, "whole-review.yaml",
                    "bedrock", null, List.of(), 2, settings, OptionalInt.empty(),
                    dev.juror.judge.run.FailureThreshold.NONE, batch));
            AtomicReference<String> stage = new AtomicReference<>("");
            JudgeRunLauncher.Session session = launcher.start(prepared, p -> stage.set(p.stage()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!stage.get().matches(".*InProgress: ([2-9]\\d|\\d{3}) of 100 records processed.*")
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            JudgeRunLauncher.Finished stopped = session.cancelAndAwait();

            assertThat(stopped.status()).isEqualTo(JudgeRunStatus.INTERRUPTED);
            int kept = Repositories.of(opened).judgeResults().resultsOf(prepared.run().id()).size();
            assertThat(kept).isBetween(20, 99);
            BatchJobRepository jobs = Repositories.of(opened).batchJobs();
            assertThat(jobs.jobs(prepared.run().id())).singleElement().satisfies(job -> {
                assertThat(job.status()).isEqualTo("Stopped");
                assertThat(job.joined()).isTrue();
            });
            assertThat(stubs.bedrock.status(stubs.bedrock.jobArns().get(0))).isEqualTo("Stopped");

            // Fewer calls are left than a job takes: resuming in batch mode says so and what to do.
            PreparedRun again = launcher.resume(prepared.run().id(), JudgeSettings.NONE).orElseThrow();
            assertThatThrownBy(() -> launcher.start(again, p -> { }))
                    .isInstanceOf(JudgeSetupException.class)
                    .hasMessageContaining("a Bedrock batch job takes at least 100 records")
                    .hasMessageContaining("--mode online");
            PreparedRun online = launcher.resume(prepared.run().id(), JudgeSettings.NONE, Optional.empty(), false,
                    Optional.of(BatchRequest.ONLINE)).orElseThrow();
            JudgeRunLauncher.Finished finished = launcher.start(online, p -> { }).await();
            assertThat(finished.status()).isEqualTo(JudgeRunStatus.FINISHED);
            assertThat(converse.receivedCount()).isEqualTo(100 - kept);
            assertThat(stubs.bedrock.jobsStarted()).isEqualTo(1);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
