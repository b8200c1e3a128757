package dev.juror.workspace.evidence;

import dev.juror.workspace.ExportService;
import java.time.Clock;

/** The export use case with the calibration's evidence, as the command line and the workbench use it. */
public final class ExportServices {

    private ExportServices() {
    }

    public static ExportService withEvidence(Clock clock) {
        return new ExportService(clock, new BundleEvidence(clock));
    }
}
