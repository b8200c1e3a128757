package dev.juror.export;

import dev.juror.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code juror export training-data}: one Nova RFT training row per sample (contract §1.9): system
 * and user turns only (the documents between tags in the user turn), the {@code reference_answer},
 * no assistant turn.
 */
public final class TrainingDataExporter {

    private TrainingDataExporter() {
    }

    /** Writes the rows; returns how many. */
    public static int export(List<ExportSample> samples, Path out) throws IOException {
        AtomicFiles.writeText(out, w -> {
            for (ExportSample s : samples) {
                w.write(NovaRows.JSON.writeValueAsString(NovaRows.trainingRow(s)));
                w.write('\n');
            }
        });
        return samples.size();
    }
}
