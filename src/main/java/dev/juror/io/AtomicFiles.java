package dev.juror.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Writes a file through a hidden temporary sibling and a move, so nobody ever sees half a file: after
 * a crash either the old file or the complete new one is there. Every file Juror writes goes through
 * here (an ArchUnit rule checks it). By default the temporary file is created with the process's
 * ordinary permissions (not the owner-only ones of {@code Files.createTempFile}), so a report or an
 * export is as readable as any other file the user saves; {@link Permissions#OWNER_ONLY} keeps a file
 * private where that was asked for.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text to a writer; the writer is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    /** Who may read the written file. */
    public enum Permissions {
        /** The process's umask, like any file the user saves. */
        ORDINARY,
        /** Read and write for the owner alone ({@code rw-------}) where the file system has POSIX permissions. */
        OWNER_ONLY
    }

    /**
     * A file written in full beside its target but not yet in place: for a file that must appear only
     * once something else has happened (an import report, after the import commits).
     */
    public static final class Staged {
        private final Path temporary;
        private final Path target;

        private Staged(Path temporary, Path target) {
            this.temporary = temporary;
            this.target = target;
        }

        /** The complete file, under its hidden temporary name, until {@link #publish()} moves it. */
        public Path temporary() {
            return temporary;
        }

        public Path target() {
            return target;
        }

        /** Moves the file over its target in one step; on failure the temporary file is left where it is. */
        public void publish() throws IOException {
            move(temporary, target);
        }

        /**
         * Puts the file at its target only if nothing is there: a hard link where the file system has
         * them (one step, refused if the target exists), else a move that refuses an existing target.
         *
         * @throws FileAlreadyExistsException if the target exists
         */
        public void publishIfAbsent() throws IOException {
            try {
                Files.createLink(target, temporary);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                Files.move(temporary, target);
            }
        }

        /** Deletes the temporary file; quiet, because a stray hidden file matters less than what failed. */
        public void discard() {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Nothing more to do: the file is hidden and named as temporary.
            }
        }
    }

    private AtomicFiles() {
    }

    public static void write(Path file, String text) throws IOException {
        write(file, text, Permissions.ORDINARY);
    }

    public static void write(Path file, String text, Permissions permissions) throws IOException {
        writeBytes(file, permissions, utf8(out -> out.write(text)));
    }

    public static void writeText(Path file, Text text) throws IOException {
        writeBytes(file, Permissions.ORDINARY, utf8(text));
    }

    /** The content may be written incrementally (a zip, a copy loop): it is visible only once complete. */
    public static void writeBytes(Path file, Content content) throws IOException {
        writeBytes(file, Permissions.ORDINARY, content);
    }

    public static void writeBytes(Path file, Permissions permissions, Content content) throws IOException {
        Staged staged = stageBytes(file, permissions, content);
        try {
            staged.publish();
        } finally {
            staged.discard();
        }
    }

    /** Writes the text in full beside {@code file}; the caller publishes or discards it. */
    public static Staged stage(Path file, Permissions permissions, Text text) throws IOException {
        return stageBytes(file, permissions, utf8(text));
    }

    /** Writes the bytes in full beside {@code file}; the caller publishes or discards it. */
    public static Staged stageBytes(Path file, Permissions permissions, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            create(tmp, permissions);
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
                content.writeTo(out);
            }
            return new Staged(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void create(Path tmp, Permissions permissions) throws IOException {
        if (permissions == Permissions.OWNER_ONLY
                && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
    }

    private static Content utf8(Text text) {
        return out -> {
            Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.writeTo(writer);
            writer.flush();
        };
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
