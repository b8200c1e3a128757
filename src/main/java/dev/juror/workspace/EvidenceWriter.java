package dev.juror.workspace;

import dev.juror.rubric.Rubric;
import dev.juror.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes a bundle's {@code evidence/} folder (docs/export.md). An interface here because the
 * evidence is the calibration's ({@code workspace.evidence} over {@code workspace.calibration}),
 * which itself uses this package: {@code workspace.evidence.ExportServices} wires the two.
 */
@FunctionalInterface
public interface EvidenceWriter {

    /** @return the files written under {@code bundle} */
    List<Path> write(Path bundle, Optional<Workspace> workspace, Rubric rubric, String model) throws IOException;
}
