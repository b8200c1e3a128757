package dev.juror.calibration.rating;

/**
 * Item keys are plain strings so the engine needs no database: {@code sampleId/rolloutIndex/position}
 * for a comment ({@code position} -1 for a response-level item), and {@code sampleId/rolloutIndex}
 * for the rollout it belongs to. Sample ids may contain '/', so the rollout is everything before the
 * last '/'.
 */
public final class ItemKeys {

    private ItemKeys() {
    }

    public static String rollout(String sampleId, int rolloutIndex) {
        return sampleId + "/" + rolloutIndex;
    }

    public static String comment(String sampleId, int rolloutIndex, int commentPosition) {
        return rollout(sampleId, rolloutIndex) + "/" + commentPosition;
    }

    /** The rollout key of a comment key ({@code "s1/0/2"} -> {@code "s1/0"}). */
    public static String rolloutOf(String itemKey) {
        int slash = itemKey.lastIndexOf('/');
        return slash < 0 ? itemKey : itemKey.substring(0, slash);
    }
}
