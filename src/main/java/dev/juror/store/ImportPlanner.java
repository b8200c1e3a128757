package dev.juror.store;

import dev.juror.dataset.ContentHash;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.LineError;
import dev.juror.dataset.PredictionParser;
import dev.juror.dataset.RolloutAddition;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a batch against the workspace and works out what to write. The store's own refusals are
 * decided here: a sample id already stored (or repeated in the batch) with different content, a
 * rollouts line for a sample the workspace does not have, and values too long for their column.
 * Runs inside the import's transaction, so what it reads is what the import then writes against.
 */
final class ImportPlanner {

    /** H2's limit for CHARACTER VARYING columns (predictions, metadata, comment fields). */
    static final int MAX_TEXT_CHARS = 1_000_000;
    static final int MAX_ID_CHARS = 512;
    private static final int IDS_PER_QUERY = 5_000;

    private final Map<String, String> hashOfText = new HashMap<>();

    ImportPlan plan(Connection c, ImportBatch batch) throws SQLException {
        List<LineError> errors = new ArrayList<>(batch.errors());
        Set<String> referencedIds = new LinkedHashSet<>();
        batch.samples().forEach(s -> referencedIds.add(s.id()));
        batch.additions().forEach(a -> referencedIds.add(a.sampleId()));
        referencedIds.remove(null);
        Map<String, StoredIdentity> stored = storedSamples(c, referencedIds);

        int unchanged = 0;
        Map<String, ImportPlan.NewSample> accepted = new LinkedHashMap<>();
        List<SampleInput> acceptedInputs = new ArrayList<>();
        Map<String, ImportPlan.NewSample> seenInBatch = new HashMap<>();
        for (SampleInput input : batch.samples()) {
            String problem = sampleProblem(input);
            if (problem != null) {
                errors.add(new LineError(input.line(), problem));
                continue;
            }
            ImportPlan.NewSample sample = prepare(input);
            ImportPlan.NewSample earlier = seenInBatch.putIfAbsent(input.id(), sample);
            StoredIdentity existing = stored.get(input.id());
            if (earlier != null && !earlier.contentHash().equals(sample.contentHash())) {
                errors.add(new LineError(input.line(), "sample id \"" + input.id() + "\" already appears on line "
                        + earlier.line() + " of this file with different content; give one of them a new id"));
            } else if (earlier != null) {
                unchanged++;
            } else if (existing != null && existing.contentHash().equals(sample.contentHash())) {
                unchanged++;
            } else if (existing != null) {
                errors.add(new LineError(input.line(), "sample id \"" + input.id()
                        + "\" is already in the workspace with different content (imported from "
                        + existing.origin() + "); give the sample a new id, or import into another workspace"));
            } else {
                accepted.put(input.id(), sample);
                acceptedInputs.add(input);
            }
        }

        RolloutSlots slots = rolloutSlots(c, stored.keySet(), accepted.values());
        List<ImportPlan.NewRollout> additions = new ArrayList<>();
        int rolloutsUnchanged = 0;
        for (RolloutAddition addition : batch.additions()) {
            String problem = additionProblem(addition, stored, accepted);
            if (problem != null) {
                errors.add(new LineError(addition.line(), problem));
                continue;
            }
            ImportPlan.NewRollout rollout = prepare(addition.sampleId(), -1, addition.line(), addition.rollout());
            if (slots.takeExisting(addition.sampleId(), rollout.contentHash())) {
                rolloutsUnchanged++;
            } else {
                additions.add(withIndex(rollout, slots.nextIndex(addition.sampleId())));
            }
        }

        Map<String, String> wanted = new LinkedHashMap<>();
        for (SampleInput input : acceptedInputs) {
            ImportPlan.NewSample sample = accepted.get(input.id());
            putDocument(wanted, sample.systemPromptHash(), input.systemPrompt());
            putDocument(wanted, sample.targetHash(), input.targetDocument());
            putDocument(wanted, sample.referenceHash(), input.referenceDocument());
        }
        Set<String> alreadyStored = storedDocuments(c, wanted.keySet());
        Map<String, String> newDocuments = new LinkedHashMap<>(wanted);
        newDocuments.keySet().removeAll(alreadyStored);

        errors.sort(Comparator.comparingInt(LineError::line));
        return new ImportPlan(List.copyOf(accepted.values()), additions, newDocuments, alreadyStored.size(),
                unchanged, rolloutsUnchanged, errors);
    }

    private static void putDocument(Map<String, String> documents, String hash, String text) {
        if (hash != null) {
            documents.putIfAbsent(hash, text);
        }
    }

    private static String sampleProblem(SampleInput input) {
        if (input.id() == null || input.id().isBlank()) {
            return "sample id is empty; every sample needs a unique id";
        }
        if (input.id().length() > MAX_ID_CHARS) {
            return "sample id is " + input.id().length() + " characters long; the limit is " + MAX_ID_CHARS;
        }
        if (input.referenceAnswer() != null && input.referenceAnswer().length() > MAX_TEXT_CHARS) {
            return "reference_answer is " + input.referenceAnswer().length() + " characters long; the limit is "
                    + MAX_TEXT_CHARS;
        }
        if (MetadataJson.write(input.metadata()).length() > MAX_TEXT_CHARS) {
            return "sample metadata is longer than " + MAX_TEXT_CHARS + " characters as JSON";
        }
        for (int i = 0; i < input.rollouts().size(); i++) {
            String problem = rolloutProblem(input.rollouts().get(i));
            if (problem != null) {
                return "rollout " + (i + 1) + ": " + problem;
            }
        }
        return null;
    }

    private static String additionProblem(RolloutAddition addition, Map<String, StoredIdentity> stored,
                                          Map<String, ImportPlan.NewSample> accepted) {
        String id = addition.sampleId();
        if (id == null || id.isBlank()) {
            return "sample_id is empty; say which sample this rollout belongs to";
        }
        if (!stored.containsKey(id) && !accepted.containsKey(id)) {
            return "sample_id \"" + id + "\" is not in the workspace; import the samples file first";
        }
        return rolloutProblem(addition.rollout());
    }

    private static String rolloutProblem(RolloutInput rollout) {
        if (rollout.prediction().length() > MAX_TEXT_CHARS) {
            return "prediction is " + rollout.prediction().length() + " characters long; the limit is "
                    + MAX_TEXT_CHARS;
        }
        String model = MetadataJson.model(rollout.metadata());
        if (model != null && model.length() > MAX_ID_CHARS) {
            return "metadata.model is longer than " + MAX_ID_CHARS + " characters";
        }
        if (MetadataJson.write(rollout.metadata()).length() > MAX_TEXT_CHARS) {
            return "rollout metadata is longer than " + MAX_TEXT_CHARS + " characters as JSON";
        }
        return null;
    }

    private ImportPlan.NewSample prepare(SampleInput input) {
        String systemHash = documentHash(input.systemPrompt());
        String targetHash = documentHash(input.targetDocument());
        String referenceHash = documentHash(input.referenceDocument());
        String metadata = MetadataJson.write(input.metadata());
        List<ImportPlan.NewRollout> rollouts = new ArrayList<>();
        List<String> parts = new ArrayList<>(List.of(Sql.emptyIfNull(systemHash), Sql.emptyIfNull(targetHash),
                Sql.emptyIfNull(referenceHash)));
        parts.add(input.referenceAnswer());
        parts.add(metadata);
        for (int i = 0; i < input.rollouts().size(); i++) {
            ImportPlan.NewRollout rollout = prepare(input.id(), i, input.line(), input.rollouts().get(i));
            rollouts.add(rollout);
            parts.add(rollout.contentHash());
        }
        return new ImportPlan.NewSample(input.id(), input.line(), systemHash, targetHash, referenceHash,
                input.referenceAnswer(), metadata, ContentHash.ofParts(parts.toArray(String[]::new)), rollouts);
    }

    private static ImportPlan.NewRollout prepare(String sampleId, int index, int line, RolloutInput input) {
        String predictionHash = ContentHash.of(input.prediction());
        String metadata = MetadataJson.write(input.metadata());
        return new ImportPlan.NewRollout(sampleId, index, line, predictionHash, PredictionParser.parse(input.prediction()),
                metadata, MetadataJson.model(input.metadata()), ContentHash.ofParts(predictionHash, metadata));
    }

    private static ImportPlan.NewRollout withIndex(ImportPlan.NewRollout r, int index) {
        return new ImportPlan.NewRollout(r.sampleId(), index, r.line(), r.predictionHash(), r.prediction(),
                r.metadataJson(), r.model(), r.contentHash());
    }

    /** Hash of a document's text, or null for an empty one; equal texts are hashed once per import. */
    private String documentHash(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return hashOfText.computeIfAbsent(text, ContentHash::of);
    }

    private record StoredIdentity(String contentHash, String sourceFile, int sourceLine) {
        String origin() {
            return (sourceFile == null || sourceFile.isEmpty() ? "an earlier import" : sourceFile) + " line " + sourceLine;
        }
    }

    private static Map<String, StoredIdentity> storedSamples(Connection c, Set<String> ids) throws SQLException {
        Map<String, StoredIdentity> stored = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, content_hash, source_file, source_line FROM samples WHERE id = ANY(?)")) {
                select.setArray(1, varchars(c, chunk));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.put(rows.getString(1), new StoredIdentity(rows.getString(2), rows.getString(3),
                                rows.getInt(4)));
                    }
                }
            }
        }
        return stored;
    }

    private static Set<String> storedDocuments(Connection c, Set<String> hashes) throws SQLException {
        Set<String> stored = new LinkedHashSet<>();
        for (List<String> chunk : chunks(hashes)) {
            try (PreparedStatement select = c.prepareStatement("SELECT hash FROM documents WHERE hash = ANY(?)")) {
                select.setArray(1, varchars(c, chunk));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            }
        }
        return stored;
    }

    /**
     * Rollouts each sample already has, as a multiset of content hashes, and the next free index.
     * A rollouts-file line equal to one of them is "already present"; a line repeated in the file
     * is added as often as it is repeated beyond what is stored.
     */
    private static RolloutSlots rolloutSlots(Connection c, Set<String> storedIds,
                                             Iterable<ImportPlan.NewSample> newSamples) throws SQLException {
        RolloutSlots slots = new RolloutSlots();
        for (List<String> chunk : chunks(storedIds)) {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT sample_id, content_hash, COUNT(*), MAX(idx) FROM rollouts
                    WHERE sample_id = ANY(?) GROUP BY sample_id, content_hash
                    """)) {
                select.setArray(1, varchars(c, chunk));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        slots.addExisting(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getInt(4));
                    }
                }
            }
        }
        for (ImportPlan.NewSample sample : newSamples) {
            for (ImportPlan.NewRollout rollout : sample.rollouts()) {
                slots.addExisting(sample.id(), rollout.contentHash(), 1, rollout.index());
            }
        }
        return slots;
    }

    private static final class RolloutSlots {
        private final Map<String, Map<String, Integer>> remaining = new HashMap<>();
        private final Map<String, Integer> next = new HashMap<>();

        void addExisting(String sampleId, String contentHash, int count, int maxIndex) {
            remaining.computeIfAbsent(sampleId, id -> new HashMap<>()).merge(contentHash, count, Integer::sum);
            next.merge(sampleId, maxIndex + 1, Math::max);
        }

        boolean takeExisting(String sampleId, String contentHash) {
            Map<String, Integer> counts = remaining.get(sampleId);
            Integer left = counts == null ? null : counts.get(contentHash);
            if (left == null || left == 0) {
                return false;
            }
            counts.put(contentHash, left - 1);
            return true;
        }

        int nextIndex(String sampleId) {
            int index = next.getOrDefault(sampleId, 0);
            next.put(sampleId, index + 1);
            return index;
        }
    }

    private static Array varchars(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("VARCHAR", values.toArray());
    }

    private static List<List<String>> chunks(Set<String> values) {
        List<String> all = new ArrayList<>(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
        }
        return chunks;
    }
}
