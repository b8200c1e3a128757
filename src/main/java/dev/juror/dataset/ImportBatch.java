package dev.juror.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything read from one import file: the good lines as samples or rollout additions, and every
 * refused line with its reason. The store imports a batch in one transaction; a batch with errors
 * is refused whole unless the user asked to skip invalid lines.
 */
public record ImportBatch(Path source, ImportFormat format, List<SampleInput> samples,
                          List<RolloutAddition> additions, List<LineError> errors, int linesRead) {

    public ImportBatch {
        samples = List.copyOf(samples);
        additions = List.copyOf(additions);
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
