package dev.juror.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No source file of the main code is longer than {@value #MAX_LINES} lines: a longer class does
 * more than one thing, and is split along its responsibilities rather than left to grow. Plain file
 * reading, not ArchUnit: the rule is about source text, which compiled classes do not show.
 */
class FileSizeRuleTest {

    static final int MAX_LINES = 400;

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    @Test
    void noMainSourceFileIsLongerThanTheLimit() {
        assertThat(tooLong(MAIN_SOURCES, MAX_LINES, Set.of()))
                .as("files under src/main/java over %d lines; split them along their responsibilities", MAX_LINES)
                .isEmpty();
    }

    @Test
    void theRuleFindsALongFileAndHonoursTheAllowList(@TempDir Path root) throws IOException {
        Path pkg = Files.createDirectories(root.resolve("dev/juror/x"));
        Files.writeString(pkg.resolve("Short.java"), "class Short {}\n".repeat(400));
        Files.writeString(pkg.resolve("Long.java"), "class Long {}\n".repeat(401));
        Files.writeString(pkg.resolve("Allowed.java"), "class Allowed {}\n".repeat(500));
        Files.writeString(pkg.resolve("notes.txt"), "text\n".repeat(500));

        assertThat(tooLong(root, MAX_LINES, Set.of("dev/juror/x/Allowed.java")))
                .containsExactly("dev/juror/x/Long.java: 401 lines");
    }

    /** Java files under {@code root} over {@code max} lines and not allowed, as "path: N lines", sorted. */
    static List<String> tooLong(Path root, int max, Set<String> allowed) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> new Counted(root.relativize(p).toString().replace('\\', '/'), lines(p)))
                    .filter(f -> f.lines() > max && !allowed.contains(f.name()))
                    .map(f -> f.name() + ": " + f.lines() + " lines")
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Counted(String name, long lines) {
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
