package dev.juror.cli;

import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /** A text file named by an option; a missing or unreadable file is input the user can fix. */
    static String readText(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserInputException(option + ": file not found: " + file);
        } catch (IOException e) {
            throw new UserInputException(option + ": cannot read " + file + " as UTF-8 text: " + e.getMessage(), e);
        }
    }
}
