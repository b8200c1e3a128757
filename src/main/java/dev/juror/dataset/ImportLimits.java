package dev.juror.dataset;

/**
 * Limits of one import.
 *
 * @param maxLineBytes longest accepted line in bytes (UTF-8, without the line break); a longer line
 *                     is skipped without being held in memory and reported as an error
 * @param maxErrors    reading stops after this many errors (a binary or wrong file would otherwise
 *                     produce one error per line); a final error says so
 */
public record ImportLimits(int maxLineBytes, int maxErrors) {

    public static final int DEFAULT_MAX_LINE_BYTES = 50 * 1024 * 1024;
    public static final int DEFAULT_MAX_ERRORS = 1000;

    public ImportLimits {
        if (maxLineBytes < 1 || maxErrors < 1) {
            throw new IllegalArgumentException("import limits must be positive: maxLineBytes=" + maxLineBytes
                    + ", maxErrors=" + maxErrors);
        }
    }

    public static ImportLimits defaults() {
        return new ImportLimits(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_ERRORS);
    }
}
