package dev.juror.cli;

import static dev.juror.cli.JudgeCliFixture.juror;
import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.RecordedRequest;
import dev.juror.judge.testserver.Reply;
import dev.juror.rubric.PromptInputs;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.DocumentRepository;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.RolloutRepository;
import dev.juror.store.SampleDocuments;
import dev.juror.store.SampleRepository;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import dev.juror.testing.ChildJava;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A judge run killed with SIGKILL in the middle resumes without redoing finished calls and without
 * duplicates. The run happens in a child JVM ({@code dev.juror.Main judge ...}) against a slow local
 * Converse server; the resume happens in this JVM against the same server.
 */
class JudgeResumeAfterKillTest {

    private static final Pattern CANDIDATE = Pattern.compile("<(candidate_[0-9a-f]{32})>\\n(.*)</\\1>", Pattern.DOTALL);

    @TempDir
    Path temp;

    @Test
    void killedRunResumesWithoutRedoingFinishedCallsOrDuplicates() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        Path rubricFile = JudgeCliFixture.responseRubric(temp);
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text(JudgeCliFixture.RESPONSE_ANSWER).withDelay(Duration.ofMillis(150)));
            Process child = new ProcessBuilder(ChildJava.command(List.of(
                    "-Daws.accessKeyId=" + DummyAwsCredentials.ACCESS_KEY_ID,
                    "-Daws.secretAccessKey=" + DummyAwsCredentials.SECRET_ACCESS_KEY), "dev.juror.Main",
                    "judge", "--workspace", ws.toString(), "--rubric", rubricFile.toString(), "--provider", "bedrock",
                    "--endpoint", server.endpoint().toString(), "--region", "us-east-1", "--concurrency", "2",
                    "--repeats", "2"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (server.receivedCount() < 20 && System.nanoTime() < deadline && child.isAlive()) {
                    Thread.sleep(20);
                }
                assertThat(child.isAlive()).as("child still running when killed").isTrue();
                // Beside the live run (mixed mode): it shows as running, owned by the child, and is not
                // taken for abandoned; resuming it here, under the child, is refused.
                try (Workspace opened = Workspace.open(ws)) {
                    StoredJudgeRun live = new JudgeRunRepository(opened).list().get(0);
                    assertThat(live.status().code()).isEqualTo("running");
                    assertThat(live.owner()).hasValueSatisfying(o -> assertThat(o.pid()).isEqualTo(child.pid()));
                }
                JudgeCliFixture.Run underIt = juror("judge", "--workspace", ws.toString(), "--resume", "1",
                        "--endpoint", server.endpoint().toString());
                assertThat(underIt.exit()).isEqualTo(CliRunner.BAD_INPUT);
                assertThat(underIt.err()).contains("run 1 is being judged now by process " + child.pid());
                assertThat(child.isAlive()).isTrue();
            } finally {
                child.destroyForcibly(); // SIGKILL
                child.waitFor();
            }
            // Counted by what the server recorded, once it has settled: a request the kill cut off while the
            // server read its body was received but never recorded, and one read just before the kill is
            // recorded a moment after it.
            int requestsBeforeResume = settledRequestCount(server);
            // The delay only made sure the kill landed mid-run; the resume needs no slow server.
            server.setDefault(Reply.text(JudgeCliFixture.RESPONSE_ANSWER));

            Set<String> finishedBefore;
            long runId;
            try (Workspace opened = Workspace.open(ws)) {
                JudgeRunRepository runs = new JudgeRunRepository(opened);
                runId = runs.list().get(0).id();
                // Issue #18: the killed run used to show "running" forever; its owner is gone, so opening
                // the workspace marked it interrupted.
                assertThat(runs.find(runId).orElseThrow().status().code()).isEqualTo("interrupted");
                assertThat(runs.find(runId).orElseThrow().owner()).isEmpty();
                finishedBefore = new JudgeResultRepository(opened).finishedKeys(runId);
            }
            assertThat(finishedBefore).hasSizeGreaterThanOrEqualTo(10).hasSizeLessThan(100);

            // The SDK's default chain reads these system properties; dummy values, never real credentials.
            System.setProperty("aws.accessKeyId", DummyAwsCredentials.ACCESS_KEY_ID);
            System.setProperty("aws.secretAccessKey", DummyAwsCredentials.SECRET_ACCESS_KEY);
            JudgeCliFixture.Run resumed;
            try {
                resumed = juror("judge", "--workspace", ws.toString(), "--resume", Long.toString(runId),
                        "--endpoint", server.endpoint().toString());
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
            assertThat(resumed.exit()).as(resumed.err()).isZero();
            assertThat(resumed.out()).contains("run " + runId + " finished").contains("100/100 results");

            try (Workspace opened = Workspace.open(ws)) {
                List<JudgeResultRow> results = new JudgeResultRepository(opened).resultsOf(runId);
                Map<String, Long> perKey = results.stream().collect(Collectors.groupingBy(
                        r -> r.rolloutId() + "#" + r.repeat(), Collectors.counting()));
                assertThat(perKey).hasSize(100).allSatisfy((key, n) -> assertThat(n).isEqualTo(1L));
                assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo("ok"));

                // No request after the resume was for a (rollout, repeat) finished before it.
                List<RecordedRequest> all = server.requests();
                List<RecordedRequest> after = all.subList(requestsBeforeResume, all.size());
                // One request per unfinished call (the server never fails, so nothing is retried): none for finished ones.
                assertThat(after).hasSize(100 - finishedBefore.size());
                Map<String, List<Long>> rolloutsByCandidate = candidates(opened);
                Map<String, Long> resumedRequestsPerRollout = after.stream()
                        .map(r -> candidate(r))
                        .filter(c -> rolloutsByCandidate.get(c) != null && rolloutsByCandidate.get(c).size() == 1)
                        .collect(Collectors.groupingBy(c -> Long.toString(rolloutsByCandidate.get(c).get(0)),
                                Collectors.counting()));
                for (Map.Entry<String, Long> e : resumedRequestsPerRollout.entrySet()) {
                    long finishedRepeats = finishedBefore.stream().filter(k -> k.startsWith(e.getKey() + "#")).count();
                    assertThat(e.getValue()).as("requests after resume for rollout %s", e.getKey())
                            .isLessThanOrEqualTo(2 - finishedRepeats);
                }
            }
        }
    }

    private static int settledRequestCount(ConverseTestServer server) throws InterruptedException {
        int seen = server.requests().size();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < Duration.ofMillis(500).toNanos()) {
            Thread.sleep(50);
            int now = server.requests().size();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
        return seen;
    }

    private static String candidate(RecordedRequest request) {
        String suffix = request.body().get("messages").get(0).get("content").get(2).get("text").asText();
        Matcher m = CANDIDATE.matcher(suffix);
        return m.find() ? m.group(2) : "";
    }

    /** Candidate block body of every rollout, rendered the same way the judge renders it. */
    private static Map<String, List<Long>> candidates(Workspace ws) throws Exception {
        Rubric rubric = new RubricYaml().read(JudgeCliFixture.RESPONSE_RUBRIC, "whole-review.yaml");
        PromptRenderer renderer = new PromptRenderer(new SplittableRandom(1));
        SampleRepository samples = new SampleRepository(ws);
        DocumentRepository documents = new DocumentRepository(ws);
        RolloutRepository rollouts = new RolloutRepository(ws);
        Map<String, List<Long>> byCandidate = new java.util.HashMap<>();
        Set<String> sampleIds = new HashSet<>();
        samples.list(0, 1000).forEach(s -> sampleIds.add(s.id()));
        for (String id : sampleIds) {
            SampleDocuments docs = documents.documentsOf(samples.find(id).orElseThrow());
            for (StoredRollout r : rollouts.ofSample(id)) {
                String suffix = renderer.render(rubric, PromptInputs.pointwise(docs.systemPrompt(), docs.target(),
                        docs.reference(), r.prediction())).userSuffix();
                Matcher m = CANDIDATE.matcher(suffix);
                assertThat(m.find()).isTrue();
                byCandidate.computeIfAbsent(m.group(2), k -> new java.util.ArrayList<>()).add(r.id());
            }
        }
        return byCandidate;
    }
}
