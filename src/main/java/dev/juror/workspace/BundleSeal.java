package dev.juror.workspace;

import dev.juror.export.GateVerdict;
import dev.juror.export.bundle.BundleManifest;
import dev.juror.export.bundle.ManifestHeader;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finishes a prompt or Lambda bundle the exporter wrote: {@code evidence/} from the workspace, then
 * {@code MANIFEST.json} over every file, last, so the manifest covers the evidence too.
 */
final class BundleSeal {

    private final Clock clock;
    private final EvidenceWriter evidence;

    BundleSeal(Clock clock, EvidenceWriter evidence) {
        this.clock = clock;
        this.evidence = evidence;
    }

    /**
     * @param failedGate the gate's verdict when the bundle is exported UNVALIDATED; empty when validated
     * @return the exporter's files, the evidence and the manifest
     */
    List<Path> seal(ExportRequest r, ExportWorkspace workspace, Rubric rubric, Optional<GateVerdict> failedGate,
                    List<Path> files) throws IOException {
        List<Path> all = new ArrayList<>(files);
        all.addAll(evidence.write(r.out(), workspace.workspace(), rubric, r.model()));
        Optional<String> reason = failedGate.map(g -> "exported with --unvalidated: "
                + String.join("; ", g.failedConditions()));
        all.add(BundleManifest.write(r.out(), new ManifestHeader(r.kind().folder(), clock.instant(),
                ManifestHeader.runningJurorVersion(), failedGate.isEmpty(), reason, rubric.name(),
                CanonicalForm.version(rubric), r.model())));
        return all;
    }
}
