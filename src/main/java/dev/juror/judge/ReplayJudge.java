package dev.juror.judge;

import dev.juror.judge.output.JudgeOutputParser;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers from recorded raw outputs instead of a model, keyed by (rubric version, model, prediction
 * content hash) and repeat. The recorded text goes through the same parser as a live answer, so a
 * replayed run re-scores deterministically and offline (regression suites, a parser change, a
 * changed aggregation). A missing recording is a failed call ({@code api_error}, "no recording for
 * ..."), never a made-up score. No tokens are spent, so usage is zero.
 */
public final class ReplayJudge implements Judge {

    public static final String PROVIDER = "replay";

    private final ReplaySource source;
    private final String model;
    private final JudgeOutputParser parser;
    private final ConcurrencyLimiter limiter = new FixedLimiter(Runtime.getRuntime().availableProcessors());
    private final ConcurrentHashMap<Rubric, String> versions = new ConcurrentHashMap<>();

    /** @param model the judge model whose recordings are replayed */
    public ReplayJudge(ReplaySource source, String model, JudgeOutputParser parser) {
        this.source = Objects.requireNonNull(source, "source");
        this.model = Objects.requireNonNull(model, "model");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    public ReplayJudge(ReplaySource source, String model) {
        this(source, model, new JudgeOutputParser());
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public JudgeResponse attempt(JudgeCall call) {
        long start = System.nanoTime();
        String version = versions.computeIfAbsent(call.item().rubric(), CanonicalForm::version);
        ReplayKey key = new ReplayKey(version, model, call.item().contentHash());
        ReplaySource.Recording recording = source.find(key, call.repeat()).orElseThrow(() ->
                JudgeCallException.of(FailureKind.VALIDATION_ERROR, "NoRecording", 0, "no recording for " + key
                        + ", repeat " + call.repeat() + " (item " + call.item().key()
                        + "); run this rubric version with a live judge first"));
        Duration latency = Judge.since(start);
        return new JudgeResponse(recording.rawOutput(), "end_turn", TokenUsage.ZERO, latency);
    }

    @Override
    public RetryPolicy retryPolicy() {
        return RetryPolicy.NONE;
    }

    @Override
    public ConcurrencyLimiter limiter() {
        return limiter;
    }

    @Override
    public JudgeOutputParser parser() {
        return parser;
    }
}
