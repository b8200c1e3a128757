package dev.juror.export;

/**
 * The training job's shape as far as the reward is concerned (Nova RFT recipe / Forge overrides).
 *
 * @param promptsPerStep       {@code global_batch_size}: prompts per training step
 * @param rolloutsPerPrompt    {@code number_generation}: responses generated per prompt
 * @param steps                {@code max_steps}
 * @param samplesPerInvocation samples the trainer puts in one Lambda invocation ({@code lambda_batch_size}
 *                             in the SMTJ sample recipe; 1 if your trainer sends one sample per invocation)
 */
public record TrainingShape(int promptsPerStep, int rolloutsPerPrompt, int steps, int samplesPerInvocation) {

    public TrainingShape {
        positive(promptsPerStep, "prompts per step (global_batch_size, --prompts-per-step)");
        positive(rolloutsPerPrompt, "rollouts per prompt (number_generation, --rollouts)");
        positive(steps, "steps (max_steps, --steps)");
        positive(samplesPerInvocation, "samples per invocation (lambda_batch_size, --batch-size)");
    }

    private static void positive(int v, String what) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + v);
        }
    }

    /** Rollouts the trainer asks rewards for in one step. */
    public long rolloutsPerStep() {
        return (long) promptsPerStep * rolloutsPerPrompt;
    }
}
