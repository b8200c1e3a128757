package dev.juror.export;

import java.util.List;

/**
 * What the export gate needs to know about a rubric version and judge model.
 *
 * @param validated        true only for a recorded VALIDATED verdict
 * @param failedConditions why not, one readable line each (empty when validated)
 */
public record GateVerdict(boolean validated, List<String> failedConditions) {

    public GateVerdict {
        failedConditions = List.copyOf(failedConditions);
    }

    public static GateVerdict validatedVerdict() {
        return new GateVerdict(true, List.of());
    }
}
