package dev.juror.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a temporary folder Juror made, with everything in it. */
public final class TempFolders {

    private TempFolders() {
    }

    /** Deletes the folder and its content; quiet, because a temporary folder left behind is harmless. */
    public static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // nothing more to do: it stays where the system keeps temporary files
        }
    }
}
