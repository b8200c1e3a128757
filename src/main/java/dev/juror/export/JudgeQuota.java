package dev.juror.export;

/**
 * The judge model's Bedrock quota as the user entered it (Service Quotas, per Region and model).
 *
 * @param requestsPerMinute {@code --judge-rpm}
 * @param tokensPerMinute   {@code --judge-tpm}; 0 = not given (then only requests are compared)
 */
public record JudgeQuota(int requestsPerMinute, long tokensPerMinute) {

    public JudgeQuota {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("--judge-rpm must be at least 1, was " + requestsPerMinute);
        }
        if (tokensPerMinute < 0) {
            throw new IllegalArgumentException("--judge-tpm must be 0 (not given) or more, was " + tokensPerMinute);
        }
    }
}
