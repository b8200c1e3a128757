package dev.juror.judge;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** An in-memory client answering from a script; after the script, answers OK. Thread-safe. */
final class ScriptedClient implements JudgeClient {

    private final Deque<Supplier<JudgeResponse>> script = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();

    static JudgeResponse ok(String text) {
        return new JudgeResponse(text, "end_turn", new TokenUsage(10, 2, 0, 0), Duration.ofMillis(5));
    }

    static JudgeCallException failure(FailureKind kind) {
        return JudgeCallException.of(kind, kind.name(), kind == FailureKind.THROTTLED ? 429 : 500, "scripted " + kind);
    }

    synchronized ScriptedClient thenFail(FailureKind... kinds) {
        for (FailureKind kind : kinds) {
            script.add(() -> {
                throw failure(kind);
            });
        }
        return this;
    }

    synchronized ScriptedClient thenThrow(JudgeCallException e) {
        script.add(() -> {
            throw e;
        });
        return this;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public JudgeResponse call(JudgeRequest request) {
        calls.incrementAndGet();
        Supplier<JudgeResponse> next;
        synchronized (this) {
            next = script.poll();
        }
        return next == null ? ok("{\"score\": 1}") : next.get();
    }

    @Override
    public String name() {
        return "scripted";
    }
}
