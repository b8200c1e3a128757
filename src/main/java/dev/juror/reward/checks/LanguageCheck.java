package dev.juror.reward.checks;

import dev.juror.dataset.Comment;
import dev.juror.dataset.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Does the prediction use the input's language? Both sides are detected with
 * {@link LanguageDetector}. When both languages are known they must be equal; when only scripts are
 * known (e.g. Cyrillic) the scripts must be equal; anything else is undetermined and scored as a
 * match (benefit of the doubt, reported as {@code language.undetermined}).
 *
 * <p>Metrics: {@code language_match} (1/0; 1 when undetermined), {@code language_determined} (1/0),
 * {@code input_language_confidence}, {@code prediction_language_confidence}.
 */
public final class LanguageCheck {

    public static final String CHECK_NAME = "language";

    private final LanguageDetector detector;

    public LanguageCheck() {
        this(new LanguageDetector());
    }

    public LanguageCheck(LanguageDetector detector) {
        this.detector = detector;
    }

    /** The prose of a contract-review prediction: comments and actions, not the quoted excerpts. */
    public static String predictionProse(Prediction prediction) {
        if (!prediction.isParsed()) {
            return prediction.raw();
        }
        return prediction.comments().stream().map(LanguageCheck::prose).collect(Collectors.joining("\n"));
    }

    private static String prose(Comment c) {
        return c.comment() + "\n" + c.recommendedAction();
    }

    public CheckResult check(String input, String prediction) {
        LanguageGuess in = detector.detect(input);
        LanguageGuess out = detector.detect(prediction);
        List<CheckFinding> findings = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("input_language_confidence", in.confidence());
        metrics.put("prediction_language_confidence", out.confidence());
        Boolean match = null;
        if (in.determined() && out.determined()) {
            match = in.language().equals(out.language());
        } else if (in.script() != null && out.script() != null && in.script() != out.script()
                && !(isCjk(in.script()) && isCjk(out.script()))) {
            match = false; // different scripts are a mismatch even when the languages are unknown
        }
        if (match == null) {
            findings.add(new CheckFinding(Rules.LANGUAGE_UNDETERMINED, "input " + describe(in) + "; prediction "
                    + describe(out), -1));
            metrics.put("language_determined", 0.0);
            metrics.put("language_match", 1.0);
        } else {
            metrics.put("language_determined", 1.0);
            metrics.put("language_match", match ? 1.0 : 0.0);
            if (!match) {
                findings.add(new CheckFinding(Rules.LANGUAGE_MISMATCH, "input " + describe(in) + ", prediction "
                        + describe(out), -1));
            }
        }
        return new CheckResult(CHECK_NAME, findings, metrics);
    }

    private static boolean isCjk(LanguageDetector.Script s) {
        return s == LanguageDetector.Script.HAN || s == LanguageDetector.Script.KANA;
    }

    private static String describe(LanguageGuess g) {
        if (g.determined()) {
            return g.language();
        }
        return "undetermined" + (g.script() == null ? "" : " " + g.script().name().toLowerCase(java.util.Locale.ROOT)
                + " script") + " (" + g.reason() + ")";
    }
}
