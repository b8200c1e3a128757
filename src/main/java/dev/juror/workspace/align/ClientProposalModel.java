package dev.juror.workspace.align;

import dev.juror.align.ProposalModel;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.JudgeOutcome;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.JudgeTask;
import dev.juror.judge.RetryPolicy;
import dev.juror.judge.RetryingJudgeCaller;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The configured judge model as a {@link ProposalModel}: the client, limiter and retries every judge of
 * the provider uses ({@link JudgeFactory}), so a proposal is sent where and how the judge's calls are.
 * Counts its calls and tokens for the experiment. Close it when the round ends.
 */
public final class ClientProposalModel implements ProposalModel, AutoCloseable {

    /** Room for a rubric change as YAML. */
    static final int MAX_TOKENS = 4096;

    private final JudgeClient client;
    private final RetryingJudgeCaller caller;
    private final String model;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();

    /** @throws dev.juror.judge.run.JudgeSetupException the provider calls no model, or a setting is wrong */
    public ClientProposalModel(String provider, String model, JudgeSettings settings) {
        String p = JudgeFactory.normalise(provider);
        this.client = JudgeFactory.client(p, settings);
        this.caller = new RetryingJudgeCaller(client, RetryPolicy.DEFAULT, JudgeFactory.limiters(p, settings).get());
        this.model = model;
    }

    @Override
    public String ask(String system, String user) {
        long n = calls.incrementAndGet();
        JudgeRequest request = JudgeRequest.of("align-proposal-" + n, model, system, "", user, 0.0, MAX_TOKENS);
        JudgeOutcome outcome = caller.call(new JudgeTask(request.key(), request));
        if (outcome instanceof JudgeOutcome.Succeeded ok) {
            inputTokens.addAndGet(ok.response().usage().inputTokens());
            outputTokens.addAndGet(ok.response().usage().outputTokens());
            return ok.response().text();
        }
        throw new IllegalStateException("proposal call " + n + " to " + model + " failed: "
                + (outcome instanceof JudgeOutcome.Failed f ? f.failure().toString() : "cancelled"));
    }

    public long calls() {
        return calls.get();
    }

    public long inputTokens() {
        return inputTokens.get();
    }

    public long outputTokens() {
        return outputTokens.get();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            // closing a transport that failed to close leaves nothing to undo
        }
    }
}
