package dev.juror.workspace.watch;

import dev.juror.watch.WatchFileKind;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to import: the kind of the file when it should not be told by content, and the calls per
 * step for placing records by invocation order (kept with the run once given).
 */
public record WatchImportOptions(Optional<WatchFileKind> kind, OptionalInt callsPerStep) {

    public static WatchImportOptions defaults() {
        return new WatchImportOptions(Optional.empty(), OptionalInt.empty());
    }
}
