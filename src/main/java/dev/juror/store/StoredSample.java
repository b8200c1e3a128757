package dev.juror.store;

import java.time.Instant;
import java.util.Map;

/**
 * A sample as stored, without its document texts (fetch those with
 * {@link DocumentRepository#documentsOf(StoredSample)}). A document hash is {@code ""} when that
 * part of the sample is empty; {@code referenceAnswer} is {@code ""} when the file gave none.
 *
 * @param contentHash  hash of the sample as its import line described it (see docs/store.md)
 * @param sourceFile   file the sample was imported from ({@code ""} if unknown)
 * @param sourceLine   1-based line of that file
 * @param rolloutCount rollouts stored for this sample, including later additions
 */
public record StoredSample(String id, String systemPromptHash, String targetHash, String referenceHash,
                           String referenceAnswer, Map<String, Object> metadata, String contentHash,
                           long importId, String sourceFile, int sourceLine, Instant importedAt,
                           int rolloutCount) {

    public StoredSample {
        metadata = Map.copyOf(metadata);
    }

    public boolean hasReferenceAnswer() {
        return !referenceAnswer.isEmpty();
    }
}
