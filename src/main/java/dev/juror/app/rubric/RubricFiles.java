package dev.juror.app.rubric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The rubric files of a workspace ({@code <workspace>/rubrics/*.yaml}) and their safe saving. */
final class RubricFiles {

    static final String FOLDER = "rubrics";

    private RubricFiles() {
    }

    static List<Path> list(Path workspaceDir) throws IOException {
        Path folder = workspaceDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.{yaml,yml}")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /**
     * Writes {@code text} to a temporary file beside {@code file} and moves it over the file, so a
     * crash mid-save leaves the old file or the new one, never half of one.
     */
    static void writeAtomically(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
