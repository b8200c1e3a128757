package dev.juror.judge;

/**
 * What a Converse answer's stop reason means for the judgement, the same for on-demand calls
 * ({@link BedrockJudgeClient}) and batch records: only {@code end_turn} is a complete answer; a
 * truncated, filtered or otherwise stopped one is a failure that keeps its text and tokens.
 */
public final class ConverseStops {

    private ConverseStops() {
    }

    /**
     * @return the response when it ended normally
     * @throws JudgeCallException {@link FailureKind#MAX_TOKENS}, {@link FailureKind#REFUSED} or
     *                            {@link FailureKind#UNEXPECTED_STOP}, with the response as partial answer
     */
    public static JudgeResponse accept(JudgeResponse response) {
        return switch (response.stopReason()) {
            case "end_turn" -> response;
            case "max_tokens" -> throw JudgeCallException.stopped(FailureKind.MAX_TOKENS, response);
            case "guardrail_intervened", "content_filtered" -> throw JudgeCallException.stopped(FailureKind.REFUSED, response);
            default -> throw JudgeCallException.stopped(FailureKind.UNEXPECTED_STOP, response);
        };
    }
}
