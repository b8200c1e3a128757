package dev.juror.reward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue #18 §5: a judge failure's message reaches the reward explanation and the Lambda log masked. */
class JudgeScoresRedactionTest {

    @Test
    void aFailureMessageIsKeptWithoutItsSecrets() {
        JudgeScores.Failed failed = new JudgeScores.Failed("api_error",
                "judge call failed: 401 for https://bob:pa55word@judge.example.com, Authorization: Bearer sk-live-0123456789abcdef");
        assertThat(failed.message()).isEqualTo("judge call failed: 401 for https://[REDACTED]@judge.example.com,"
                + " Authorization: Bearer [REDACTED]");
        assertThat(new JudgeScores.Failed("timeout", "slow").message()).isEqualTo("slow");
    }
}
