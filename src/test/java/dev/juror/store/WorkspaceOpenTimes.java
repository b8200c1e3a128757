package dev.juror.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Measuring program (not a test): milliseconds to open and close a new workspace, from the build's
 * template and through the Flyway migrations, and to reopen an existing one. Three rounds of N
 * each, in one JVM; the first round includes class loading. See docs/benchmarks.md.
 *
 * <p>Argument: N (default 15).
 */
public final class WorkspaceOpenTimes {

    private WorkspaceOpenTimes() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path parent = Files.createTempDirectory("workspace-open-times");
        for (int round = 1; round <= 3; round++) {
            double template = millisPerOpen(n, () -> Workspace.open(Files.createTempDirectory(parent, "ws")));
            double migrations = millisPerOpen(n, () -> Workspace.open(Files.createTempDirectory(parent, "ws"),
                    Optional.empty()));
            Path existing = Files.createTempDirectory(parent, "ws");
            Workspace.open(existing).close();
            double reopen = millisPerOpen(n, () -> Workspace.open(existing));
            System.out.printf("round %d: new from template %.0f ms, new through the migrations %.0f ms, reopen %.0f ms%n",
                    round, template, migrations, reopen);
        }
        try (var files = Files.walk(parent)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private interface Opening {
        Workspace open() throws Exception;
    }

    private static double millisPerOpen(int n, Opening opening) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            opening.open().close();
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }
}
