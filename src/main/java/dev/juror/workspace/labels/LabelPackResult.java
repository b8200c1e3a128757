package dev.juror.workspace.labels;

import java.util.List;

/**
 * What a label pack import did.
 *
 * @param read           labels in the pack
 * @param imported       labels new to this workspace (stored)
 * @param alreadyPresent labels whose uid was already here (skipped: importing twice changes nothing)
 * @param conflicts      labels not imported (unknown item, different prediction) and score changes
 * @param packSha256     SHA-256 (hex) of the pack file, recorded with every imported label
 */
public record LabelPackResult(int read, int imported, int alreadyPresent, List<LabelPackConflict> conflicts,
                              String packSha256) {

    public LabelPackResult {
        conflicts = List.copyOf(conflicts);
    }

    public long refused() {
        return conflicts.stream().filter(c -> !c.imported()).count();
    }
}
