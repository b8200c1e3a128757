package dev.juror.judge;

import java.util.Objects;
import java.util.Optional;

/**
 * A single item judged to its end ({@link Judge#judgeWithCause}): the recorded result plus, when
 * the call failed, the transport's {@link FailureKind}. The result's status alone cannot tell an
 * answer cut off at the output-token limit ({@link FailureKind#MAX_TOKENS}, status
 * {@code parse_error}) from one that came back complete but unreadable; the reward needs that
 * difference to charge the failure to the prediction or to the service.
 *
 * @param failureKind empty when the model answered completely (the result may still be a
 *                    {@code parse_error} or {@code schema_error} of the parser)
 */
public record JudgedItem(JudgeResult result, Optional<FailureKind> failureKind) {

    public JudgedItem {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(failureKind, "failureKind");
    }
}
