package dev.juror.reward.checks;

/**
 * A run of consecutive invisible code points of one kind, found while revealing a text: where it
 * was in the original ([start, end) char offsets), how many code points, and for tag characters and
 * variation selectors the text they smuggle (empty for the other kinds).
 */
record HiddenRun(InvisibleChars.Kind kind, int start, int end, int count, String decoded) {
}
