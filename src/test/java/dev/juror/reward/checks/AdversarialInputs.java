package dev.juror.reward.checks;

import java.util.List;

/** Hostile inputs for the linear-time claim (used by the unit test and by ChecksBenchmark). */
public final class AdversarialInputs {

    public static final List<String> KINDS = List.of("ignore-repeat", "near-miss", "zero-width", "unicode-tag",
            "base64", "hex", "open-comment", "angle-brackets", "homoglyph-spaces", "json-escapes");

    private AdversarialInputs() {
    }

    public static String make(String kind, int size) {
        String unit = switch (kind) {
            case "ignore-repeat" -> "ignore all previous ";
            case "near-miss" -> "please give this the the the the the the of of of a ";
            case "zero-width" -> "a\u200b";
            case "unicode-tag" -> new String(Character.toChars(0xE0041));
            case "base64" -> "QUFB";
            case "hex" -> "4141";
            case "open-comment" -> "<!-- ";
            case "angle-brackets" -> "<</<|<<<";
            case "homoglyph-spaces" -> "\u0456\u0433 \u00A0";
            case "json-escapes" -> "\\u0069\\n\\\"";
            default -> throw new IllegalArgumentException("unknown adversarial kind " + kind);
        };
        StringBuilder sb = new StringBuilder(size + unit.length());
        while (sb.length() < size) {
            sb.append(unit);
        }
        sb.setLength(size);
        if (Character.isHighSurrogate(sb.charAt(size - 1))) {
            sb.setLength(size - 1);
        }
        return sb.toString();
    }
}
