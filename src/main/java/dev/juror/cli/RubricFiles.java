package dev.juror.cli;

import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.dataset.ImportLimits;
import dev.juror.io.InputFileException;
import dev.juror.io.InputFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** File reading shared by the rubric commands. */
final class RubricFiles {

    private RubricFiles() {
    }

    /** The rubric, or empty after printing every problem of the file to {@code err}. */
    static Optional<Rubric> load(Path file, PrintWriter err) {
        try {
            return Optional.of(new RubricYaml().read(file));
        } catch (RubricException e) {
            e.lines().forEach(line -> err.println("juror: " + line));
            err.flush();
            return Optional.empty();
        }
    }

    /**
     * A text file named by an option (a document, a prediction, a rubric's text): a regular UTF-8 file of
     * at most {@link #MAX_TEXT_BYTES}; anything else is input the user can fix (exit 2, one sentence).
     */
    static String readText(Path file, String option) {
        try {
            return InputFiles.readUtf8(file, TEXT_LIMIT, option + " " + file);
        } catch (InputFileException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** The cap on a document given to a command: the same as on an imported document file. */
    static final long MAX_TEXT_BYTES = ImportLimits.DEFAULT_MAX_DOCUMENT_BYTES;
    private static final InputFiles.ReadLimit TEXT_LIMIT = new InputFiles.ReadLimit(MAX_TEXT_BYTES,
            "give a smaller file");
}
