package dev.juror.store;

import java.util.List;

/**
 * What a label pack import did.
 *
 * @param read           labels in the pack
 * @param imported       labels new to this workspace (stored)
 * @param alreadyPresent labels whose uid was already here (skipped: importing twice changes nothing)
 * @param conflicts      labels not imported (unknown item, different prediction) and score differences
 */
public record LabelPackResult(int read, int imported, int alreadyPresent, List<LabelPackConflict> conflicts) {

    public LabelPackResult {
        conflicts = List.copyOf(conflicts);
    }

    public long refused() {
        return conflicts.stream().filter(c -> !c.imported()).count();
    }
}
