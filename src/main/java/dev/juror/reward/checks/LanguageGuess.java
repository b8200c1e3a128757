package dev.juror.reward.checks;

/**
 * The detected language of a text.
 *
 * @param language   ISO 639-1 code ("en", "de", "ja", ...), or "und" when undetermined
 * @param script     the dominant script, or {@code null} when there are too few letters
 * @param confidence share of the decisive evidence in [0, 1] (0 when undetermined)
 * @param reason     why it is undetermined (empty when determined)
 */
public record LanguageGuess(String language, LanguageDetector.Script script, double confidence, String reason) {

    public static final String UNDETERMINED = "und";

    public boolean determined() {
        return !UNDETERMINED.equals(language);
    }

    static LanguageGuess undetermined(LanguageDetector.Script script, String reason) {
        return new LanguageGuess(UNDETERMINED, script, 0.0, reason);
    }
}
