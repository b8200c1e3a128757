package dev.juror.rubric;

import java.util.List;

/**
 * A judge prompt ready to send. The user message is split so the judge can put a prompt-cache
 * point (Bedrock Converse {@code cachePoint}) between the two parts:
 *
 * @param system        the system prompt: rubric, rules, output schema (same for every call of a
 *                      rubric version)
 * @param userPrefix    the sample's documents; byte-identical for every rollout of one sample
 * @param userSuffix    the candidate(s) in nonce-tagged blocks and the closing reminder; differs
 *                      every call
 * @param candidateTags the tag name of each candidate block (e.g. {@code candidate_3f9a...}), in
 *                      candidate order
 * @param rubricVersion the version of the rubric the prompt was rendered from
 */
public record RenderedPrompt(String system, String userPrefix, String userSuffix, List<String> candidateTags,
                             String rubricVersion) {

    public RenderedPrompt {
        candidateTags = List.copyOf(candidateTags);
    }

    /** The whole user message, for judges without prompt caching. */
    public String userMessage() {
        return userPrefix + userSuffix;
    }
}
