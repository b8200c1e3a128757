package dev.juror.reward.checks;

import java.util.HashMap;
import java.util.Map;

/**
 * Answers "does this folded text contain that anchor?" for all the patterns of one scan. Many
 * patterns share anchors ("ignor" in English, French and Spanish), so each is looked up once;
 * anchors in Han script are answered without a search when the text has no character of the CJK
 * blocks (one pass), which takes the Chinese lexicon off the cost of every other prediction.
 */
final class AnchorIndex {

    private final String text;
    private final Map<String, Boolean> seen = new HashMap<>();
    private int cjk = -1;

    AnchorIndex(String text) {
        this.text = text;
    }

    boolean contains(String anchor) {
        if (anchor.charAt(0) >= 0x2E80 && !hasCjk()) {
            return false;
        }
        Boolean known = seen.get(anchor);
        if (known == null) {
            known = text.contains(anchor);
            seen.put(anchor, known);
        }
        return known;
    }

    private boolean hasCjk() {
        if (cjk < 0) {
            cjk = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= 0x2E80) {
                    cjk = 1;
                    break;
                }
            }
        }
        return cjk == 1;
    }
}
