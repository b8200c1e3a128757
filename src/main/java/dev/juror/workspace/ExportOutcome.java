package dev.juror.workspace;

import dev.juror.export.BudgetPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an export wrote, for the command line to print and the export screen to show.
 *
 * @param files        the files written, in the order the exporter lists them
 * @param unvalidated  the gate did not find a VALIDATED verdict and the export is marked UNVALIDATED
 * @param samples      samples in the sample event (Lambda) or training rows written; 0 for the prompt bundle
 * @param budget       the Lambda package's plan (empty for the other kinds)
 * @param pricesSource the price table the plan used, when loading it wrote the workspace's {@code prices.yaml}
 */
public record ExportOutcome(ExportKind kind, List<Path> files, boolean unvalidated, int samples,
                            Optional<BudgetPlan> budget, Optional<String> pricesSource) {

    public ExportOutcome {
        Objects.requireNonNull(kind, "kind");
        files = List.copyOf(files);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(pricesSource, "pricesSource");
    }
}
