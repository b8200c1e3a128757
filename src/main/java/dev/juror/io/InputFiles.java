package dev.juror.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Every file a user names (a document, a rubric, an event, a ratings CSV, a package) is read through
 * here, so one set of rules holds everywhere:
 * <ul>
 *   <li>only regular files, after following symbolic links: a FIFO would block the read forever and a
 *       device such as {@code /dev/zero} never ends, so both are refused before they are opened;</li>
 *   <li>bounded: at most {@link ReadLimit#maxBytes()} bytes are read; the size on disk is checked first
 *       and the read itself stops one byte past the limit, so a file that lies about its size
 *       ({@code /proc} files report 0) or grows while read cannot exhaust the memory;</li>
 *   <li>every refusal is an {@link InputFileException} whose message is one sentence naming the file and
 *       what to do.</li>
 * </ul>
 */
public final class InputFiles {

    public static final long KB = 1024;
    public static final long MB = 1024 * KB;

    /**
     * A size cap and how the user may raise it.
     *
     * @param maxBytes largest accepted file in bytes
     * @param raise    what to do about a larger file, e.g. "raise the cap with --max-document-mb N"
     */
    public record ReadLimit(long maxBytes, String raise) {
        public ReadLimit {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
            }
        }
    }

    private InputFiles() {
    }

    /**
     * Checks that {@code file} is a regular file (symbolic links followed) of at most the limit's size and
     * returns its real path (links resolved), which callers may compare with allowed folders.
     *
     * @param what names the file in messages, its path included: {@code "--target contracts/x.txt"} or
     *             {@code "target_document.path \"x.txt\""}
     */
    public static Path checkRegular(Path file, ReadLimit limit, String what) throws InputFileException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new InputFileException(InputFileException.Kind.MISSING,
                    what + " does not exist; check the path");
        } catch (AccessDeniedException e) {
            throw new InputFileException(InputFileException.Kind.UNREADABLE,
                    what + " cannot be read (permission denied); fix its permissions");
        } catch (IOException e) {
            throw new InputFileException(InputFileException.Kind.UNREADABLE,
                    what + " cannot be read (" + reason(e) + "); check the path");
        }
        if (Files.isDirectory(real)) {
            throw new InputFileException(InputFileException.Kind.NOT_REGULAR,
                    what + " is a folder; give a file");
        }
        if (!Files.isRegularFile(real)) {
            throw new InputFileException(InputFileException.Kind.NOT_REGULAR,
                    what + " is not a regular file (a device, pipe or socket cannot be read as one);"
                            + " give a file");
        }
        long size;
        try {
            size = Files.size(real);
        } catch (IOException e) {
            throw new InputFileException(InputFileException.Kind.UNREADABLE,
                    what + " cannot be read (" + reason(e) + "); check the file");
        }
        if (size > limit.maxBytes()) {
            throw tooLarge(size, limit, what);
        }
        return real;
    }

    /** The bytes of a regular file of at most {@code limit.maxBytes()}. */
    public static byte[] readBytes(Path file, ReadLimit limit, String what) throws InputFileException {
        Path real = checkRegular(file, limit, what);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real)) {
            // One byte more than allowed tells "too large" from "exactly at the cap".
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limit.maxBytes() + 1));
        } catch (AccessDeniedException e) {
            throw new InputFileException(InputFileException.Kind.UNREADABLE,
                    what + " cannot be read (permission denied); fix its permissions");
        } catch (IOException e) {
            throw new InputFileException(InputFileException.Kind.UNREADABLE,
                    what + " cannot be read (" + reason(e) + "); check the file");
        }
        if (bytes.length > limit.maxBytes()) {
            throw tooLarge(-1, limit, what);
        }
        return bytes;
    }

    /** The text of a regular UTF-8 file of at most {@code limit.maxBytes()}; a byte-order mark is dropped. */
    public static String readUtf8(Path file, ReadLimit limit, String what) throws InputFileException {
        String text = strictUtf8(readBytes(file, limit, what));
        if (text == null) {
            throw new InputFileException(InputFileException.Kind.NOT_UTF8,
                    what + " is not valid UTF-8 text; save it as UTF-8");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8 (no replacement characters). */
    public static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Opens a regular file for a reader that bounds what it keeps itself (a streaming JSONL or CSV
     * reader); the size on disk is not limited here.
     */
    public static InputStream open(Path file, String what) throws InputFileException {
        Path real = checkRegular(file, new ReadLimit(Long.MAX_VALUE, ""), what);
        try {
            return Files.newInputStream(real);
        } catch (IOException e) {
            throw new InputFileException(InputFileException.Kind.UNREADABLE,
                    what + " cannot be read (" + reason(e) + "); check the file");
        }
    }

    /** A size for messages: {@code 512 bytes}, {@code 12.0 KB}, {@code 20.0 MB}, {@code 3.0 GB}. */
    public static String size(long bytes) {
        if (bytes < KB) {
            return bytes + " bytes";
        }
        if (bytes < MB) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / (double) KB);
        }
        if (bytes < 1024 * MB) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1024 * MB));
    }

    private static InputFileException tooLarge(long size, ReadLimit limit, String what) {
        String actual = size >= 0 ? "is " + size(size) + ", above" : "holds more than";
        return new InputFileException(InputFileException.Kind.TOO_LARGE,
                what + " " + actual + " the limit of " + size(limit.maxBytes())
                        + (limit.raise().isEmpty() ? "" : "; " + limit.raise()));
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }
}
