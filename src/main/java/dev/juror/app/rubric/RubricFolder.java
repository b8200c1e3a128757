package dev.juror.app.rubric;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rubric files of a workspace ({@code <workspace>/rubrics/*.yaml}). */
final class RubricFolder {

    static final String FOLDER = "rubrics";

    private RubricFolder() {
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
}
