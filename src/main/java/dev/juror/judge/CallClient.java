package dev.juror.judge;

import java.util.Map;
import java.util.Objects;

/**
 * Adapts a {@link Judge} to the {@link JudgeClient} the retry layer and the batch executor drive:
 * the executor's task carries only a placeholder request whose key names the call, and the real
 * work (rendering the prompt, calling the model) happens here, on the worker thread, at the
 * attempt. So a 60,000-call run never holds 60,000 rendered prompts in memory, and rendering runs
 * in parallel with the calls.
 */
public final class CallClient implements JudgeClient {

    private final Judge judge;
    private final Map<String, JudgeCall> calls;

    public CallClient(Judge judge, Map<String, JudgeCall> calls) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /** The stand-in request of a call's task: it only carries the key. */
    public static JudgeRequest placeholder(JudgeCall call, String model) {
        return JudgeRequest.of(call.key(), model.isBlank() ? "unknown" : model, "", "", call.key(), 0.0, 1);
    }

    @Override
    public JudgeResponse call(JudgeRequest request) {
        JudgeCall call = calls.get(request.key());
        if (call == null) {
            throw JudgeCallException.of(FailureKind.UNKNOWN, "UnknownCall", 0, "no judge call with key " + request.key());
        }
        return judge.attempt(call);
    }

    @Override
    public String name() {
        return judge.provider() + ":" + judge.model();
    }
}
