package dev.juror.workspace.watch;

import dev.juror.watch.WatchFileKind;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to import: the kind of the file when it should not be told by content, the calls per step for
 * placing records by invocation order (kept with the run once given), and the bundle the records must
 * come from when one was named ({@code --bundle}: its handler id; binds a new run to it).
 */
public record WatchImportOptions(Optional<WatchFileKind> kind, OptionalInt callsPerStep, Optional<String> bundle) {

    public WatchImportOptions(Optional<WatchFileKind> kind, OptionalInt callsPerStep) {
        this(kind, callsPerStep, Optional.empty());
    }

    public static WatchImportOptions defaults() {
        return new WatchImportOptions(Optional.empty(), OptionalInt.empty());
    }
}
