package dev.juror.judge;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Adapts a {@link Judge} to the {@link JudgeClient} the retry layer and the batch executor drive:
 * the executor's task carries only a placeholder request whose key names the call, and the real
 * work (rendering the prompt, calling the model) happens here, on the worker thread, at the
 * attempt. So a 60,000-call run never holds 60,000 rendered prompts in memory, and rendering runs
 * in parallel with the calls.
 */
public final class CallClient implements JudgeClient {

    private final Judge judge;
    private final Function<String, JudgeCall> calls;

    public CallClient(Judge judge, Map<String, JudgeCall> calls) {
        this(judge, Objects.requireNonNull(calls, "calls")::get);
    }

    /**
     * @param calls the call of a key, or null for an unknown key; may load the call's item (it runs
     *              on the worker thread, at the attempt)
     */
    public CallClient(Judge judge, Function<String, JudgeCall> calls) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /** The stand-in request of a call's task: it only carries the key. */
    public static JudgeRequest placeholder(JudgeCall call, String model) {
        return placeholder(call.key(), model);
    }

    /** The stand-in request of the call with this key. */
    public static JudgeRequest placeholder(String key, String model) {
        return JudgeRequest.of(key, model.isBlank() ? "unknown" : model, "", "", key, 0.0, 1);
    }

    @Override
    public JudgeResponse call(JudgeRequest request) {
        JudgeCall call = calls.apply(request.key());
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
