package dev.juror.dataset;

/**
 * Limits of one import.
 *
 * @param maxLineBytes     longest accepted line in bytes (UTF-8, without the line break); a longer line
 *                         is skipped without being held in memory and reported as an error
 * @param maxErrors        reading stops after this many errors (a binary or wrong file would otherwise
 *                         produce one error per line); a final error says so
 * @param maxDocumentBytes largest document file ({@code {"path": ...}}) in bytes; a larger one is a line
 *                         error, so a huge or endless file never reaches the memory
 */
public record ImportLimits(int maxLineBytes, int maxErrors, long maxDocumentBytes) {

    public static final int DEFAULT_MAX_LINE_BYTES = 50 * 1024 * 1024;
    public static final int DEFAULT_MAX_ERRORS = 1000;
    /** 20 MB: a long contract is well under 1 MB; the cap stops a wrong or hostile file, not real ones. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;

    public ImportLimits {
        if (maxLineBytes < 1 || maxErrors < 1 || maxDocumentBytes < 1) {
            throw new IllegalArgumentException("import limits must be positive: maxLineBytes=" + maxLineBytes
                    + ", maxErrors=" + maxErrors + ", maxDocumentBytes=" + maxDocumentBytes);
        }
    }

    public ImportLimits(int maxLineBytes, int maxErrors) {
        this(maxLineBytes, maxErrors, DEFAULT_MAX_DOCUMENT_BYTES);
    }

    public static ImportLimits defaults() {
        return new ImportLimits(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_ERRORS, DEFAULT_MAX_DOCUMENT_BYTES);
    }

    public ImportLimits withMaxDocumentBytes(long bytes) {
        return new ImportLimits(maxLineBytes, maxErrors, bytes);
    }
}
