package dev.juror.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where an imported label came from: one row of {@code label_imports} (migration V8), shared by
 * every label of one pack import.
 *
 * @param packSha256 SHA-256 (hex) of the pack file's bytes
 * @param fileName   the pack's file name (no folder)
 * @param importedBy who imported it ({@code --imported-by}, else the computer's account name)
 * @param importedAt when it was imported, by this workspace's clock
 */
public record LabelImport(long id, String packSha256, String fileName, String importedBy, Instant importedAt) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** The first 8 hex digits of the pack's hash: enough to tell packs apart on screen. */
    public String shortHash() {
        return packSha256.length() > 8 ? packSha256.substring(0, 8) : packSha256;
    }

    /** "imported from pack 1a2b3c4d (ann.jsonl) by carol on 2026-12-07", for the desk and the reports. */
    public String describe() {
        return "imported from pack " + shortHash() + " (" + fileName + ") by " + importedBy + " on "
                + DAY.format(importedAt);
    }
}
