package dev.juror.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.RecordedRequest;
import dev.juror.judge.testserver.Reply;
import dev.juror.testing.batch.BatchAnswer;
import dev.juror.testing.batch.LoopbackBedrockBatch;
import dev.juror.testing.batch.LoopbackS3;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the batch command tests share: the loopback S3 and Bedrock control plane, a judge answer that
 * depends on the rollout judged (so a wrong join shows), the same answer for on-demand calls, and the
 * arguments of a batch run against the stubs.
 */
final class BatchJudgeFixture implements AutoCloseable {

    static final String PREFIX = "s3://juror-test/runs";
    static final String ROLE = "arn:aws:iam::123456789012:role/JurorBatchInference";
    private static final Pattern CANDIDATE = Pattern.compile("<(candidate_[0-9a-f]{32})>\\n(.*)</\\1>", Pattern.DOTALL);

    final LoopbackS3 s3 = LoopbackS3.start();
    final LoopbackBedrockBatch bedrock = LoopbackBedrockBatch.start(s3);

    BatchJudgeFixture() {
        bedrock.answerWith((recordId, input) -> BatchAnswer.text(answerFor(BatchAnswer.promptText(input)), "end_turn",
                1200, 90));
    }

    /** The answer for a prompt: both scores 1..5 from the candidate's text, so each rollout gets its own. */
    static String answerFor(String prompt) {
        Matcher m = CANDIDATE.matcher(prompt);
        String candidate = m.find() ? m.group(2) : "";
        int grounding = 1 + Math.floorMod(candidate.hashCode(), 5);
        int usefulness = 1 + Math.floorMod(candidate.hashCode() / 5, 5);
        double comment = (grounding + usefulness) / 2.0;
        return """
                {"comments": [{"comment_id": "response",
                  "Grounding": {"score": %d, "justification": "quotes checked"},
                  "Usefulness": {"score": %d, "justification": "actions read"},
                  "Comment_Score": %s}],
                 "Aggregate_Score": {"score": %s, "total_comments": 1, "rationale": "one entry"}}"""
                .formatted(grounding, usefulness, comment, comment);
    }

    /** The same answer for an on-demand Converse call, with the same token counts. */
    static Reply converseAnswer(RecordedRequest request) {
        StringBuilder prompt = new StringBuilder();
        for (JsonNode block : request.body().path("messages").get(0).path("content")) {
            prompt.append(block.path("text").asText(""));
        }
        return Reply.text(answerFor(prompt.toString())).withUsage(1200, 90, 0, 0);
    }

    /** {@code juror judge} arguments of a batch run against the stubs (add --workspace, --rubric, ...). */
    List<String> batchArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("judge", "--provider", "bedrock", "--region", "us-east-1",
                "--mode", "batch", "--s3-prefix", PREFIX, "--role-arn", ROLE,
                "--bedrock-endpoint", bedrock.endpoint().toString(), "--s3-endpoint", s3.endpoint().toString(),
                "--poll-seconds", "0.05"));
        args.addAll(List.of(more));
        return args;
    }

    /** Runs {@code juror} in this JVM with dummy AWS keys in the default chain's system properties. */
    static JudgeCliFixture.Run jurorWithKeys(List<String> args) {
        System.setProperty("aws.accessKeyId", DummyAwsCredentials.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", DummyAwsCredentials.SECRET_ACCESS_KEY);
        try {
            return JudgeCliFixture.juror(args.toArray(String[]::new));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Override
    public void close() {
        bedrock.close();
        s3.close();
    }
}
