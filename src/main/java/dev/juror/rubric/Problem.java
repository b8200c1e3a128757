package dev.juror.rubric;

/**
 * One thing wrong with a rubric file.
 *
 * @param path    where in the file, e.g. {@code dimensions[2].levels.3} (empty for the whole file)
 * @param message what is wrong and what to do about it
 */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
