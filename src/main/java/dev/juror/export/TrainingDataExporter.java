package dev.juror.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (ExportSample s : samples) {
                w.write(NovaRows.JSON.writeValueAsString(NovaRows.trainingRow(s)));
                w.write('\n');
            }
        }
        return samples.size();
    }
}
