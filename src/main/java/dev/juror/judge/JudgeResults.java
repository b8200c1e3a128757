package dev.juror.judge;

import dev.juror.judge.output.JudgeOutputParser;
import dev.juror.judge.output.ParsedJudgement;
import java.util.Optional;

/** Turns a transport outcome into a recorded {@link JudgeResult}: parses successful answers. */
public final class JudgeResults {

    private JudgeResults() {
    }

    /** @return empty for a cancelled call (not a result: a resume redoes it) */
    public static Optional<JudgeResult> of(JudgeCall call, JudgeOutcome outcome, JudgeOutputParser parser, String model) {
        return switch (outcome) {
            case JudgeOutcome.Succeeded s -> {
                String raw = s.response().text();
                ParsedJudgement parsed = parser.parse(call.item().rubric(), call.item().comments(), raw);
                yield Optional.of(new JudgeResult(call.key(), parsed.status(), Optional.of(parsed), raw,
                        parsed.errorSummary(), s.elapsed(), s.response().usage(), model, s.attempts()));
            }
            case JudgeOutcome.Failed f -> {
                JudgeFailure failure = f.failure();
                String raw = failure.partialResponse().map(JudgeResponse::text).orElse("");
                String type = failure.errorType().isEmpty() ? failure.kind().name() : failure.errorType();
                // Servers echo headers and URLs in their errors: nothing secret-shaped is stored.
                String error = Secrets.redact(type + ": " + failure.message().replace('\n', ' '));
                yield Optional.of(new JudgeResult(call.key(), failure.status(), Optional.empty(), raw, error,
                        f.elapsed(), f.usage(), model, f.attempts()));
            }
            case JudgeOutcome.Cancelled c -> Optional.empty();
        };
    }
}
