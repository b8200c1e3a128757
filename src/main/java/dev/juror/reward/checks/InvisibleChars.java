package dev.juror.reward.checks;

/**
 * Classifies the code points that render as nothing (or reorder text) but that a language model
 * still reads: the carriers of hidden instructions (calibration-stats §5.1 A16).
 */
final class InvisibleChars {

    enum Kind { VISIBLE, ZERO_WIDTH, BIDI, TAG, VARIATION_SELECTOR }

    static final int TAG_FIRST = 0xE0000;
    static final int TAG_LAST = 0xE007F;
    static final int CANCEL_TAG = 0xE007F;
    static final int WAVING_BLACK_FLAG = 0x1F3F4;

    private InvisibleChars() {
    }

    static Kind classify(int cp) {
        if (cp < 0xAD) {
            return Kind.VISIBLE;
        }
        if (cp == 0x00AD || cp == 0x180E || (cp >= 0x200B && cp <= 0x200D) || (cp >= 0x2060 && cp <= 0x2064)
                || cp == 0xFEFF || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0) {
            return Kind.ZERO_WIDTH;
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C) {
            return Kind.BIDI;
        }
        if (cp >= TAG_FIRST && cp <= TAG_LAST) {
            return Kind.TAG;
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return Kind.VARIATION_SELECTOR;
        }
        return Kind.VISIBLE;
    }

    /** The byte a variation selector encodes in the "emoji smuggling" scheme (FE00-FE0F = 0-15, E0100.. = 16..). */
    static int variationSelectorByte(int cp) {
        return cp <= 0xFE0F ? cp - 0xFE00 : cp - 0xE0100 + 16;
    }
}
