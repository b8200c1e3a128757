package dev.juror.export.bundle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code MANIFEST.json} says about a bundle besides its files.
 *
 * @param kind              {@code prompt-bundle} or {@code reward-lambda}
 * @param exportedAt        when the export ran
 * @param jurorVersion      the Juror build that wrote it
 * @param validated         a VALIDATED verdict let the export through
 * @param unvalidatedReason why not (present exactly when not validated)
 * @param rubric            the rubric's name
 * @param rubricVersion     its canonical version
 * @param judgeModel        the judge model or inference profile
 */
public record ManifestHeader(String kind, Instant exportedAt, String jurorVersion, boolean validated,
                             Optional<String> unvalidatedReason, String rubric, String rubricVersion, String judgeModel) {

    public ManifestHeader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(unvalidatedReason, "unvalidatedReason");
        if (validated == unvalidatedReason.isPresent()) {
            throw new IllegalArgumentException("an unvalidated bundle has a reason, a validated one none");
        }
    }

    /** The running Juror's version, as the jar manifest names it. */
    public static String runningJurorVersion() {
        String version = ManifestHeader.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
