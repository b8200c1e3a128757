package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Documents stored once by content hash (system prompts, targets, references). */
public final class DocumentRepository {

    private final Workspace workspace;

    public DocumentRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The text stored under {@code hash}; the empty hash {@code ""} is the empty text. */
    public Optional<String> text(String hash) {
        if (hash == null || hash.isEmpty()) {
            return Optional.of("");
        }
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("SELECT text FROM documents WHERE hash = ?")) {
            select.setString(1, hash);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read document " + hash, e);
        }
    }

    /** The three texts of a sample; a document missing from the store would be a bug, so it fails loudly. */
    public SampleDocuments documentsOf(StoredSample sample) {
        return new SampleDocuments(required(sample.systemPromptHash(), sample.id()),
                required(sample.targetHash(), sample.id()), required(sample.referenceHash(), sample.id()));
    }

    private String required(String hash, String sampleId) {
        return text(hash).orElseThrow(() -> new StoreException(
                "Document " + hash + " of sample " + sampleId + " is missing from the workspace", null));
    }

    public long count() {
        return WorkspaceStats.single(workspace, "SELECT COUNT(*) FROM documents");
    }

    /** Sum of the UTF-8 sizes of all stored documents. */
    public long totalBytes() {
        return WorkspaceStats.single(workspace, "SELECT COALESCE(SUM(CAST(byte_length AS BIGINT)), 0) FROM documents");
    }
}
