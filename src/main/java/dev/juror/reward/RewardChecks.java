package dev.juror.reward;

import dev.juror.dataset.Prediction;
import dev.juror.reward.checks.CheckResult;
import dev.juror.reward.checks.CommentCountCheck;
import dev.juror.reward.checks.FormatCheck;
import dev.juror.reward.checks.InjectionScanner;
import dev.juror.reward.checks.LanguageCheck;
import dev.juror.reward.checks.LengthCheck;
import dev.juror.reward.checks.SafetyCheck;
import dev.juror.reward.checks.ScannerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deterministic checks a {@link RewardConfig} turns on, built once: the injection scan (always,
 * also watching for the prompt's own delimiters and the rubric's dimension names), format, length,
 * comment count, language and safety. Thread-safe.
 */
final class RewardChecks {

    private final RewardConfig config;
    private final InjectionScanner scanner;
    private final FormatCheck formatCheck = new FormatCheck(false);
    private final Optional<LengthCheck> lengthCheck;
    private final Optional<CommentCountCheck> commentCountCheck;
    private final LanguageCheck languageCheck = new LanguageCheck();
    private final Optional<SafetyCheck> safetyCheck;

    RewardChecks(RewardConfig config) {
        this.config = config;
        this.scanner = new InjectionScanner(ScannerConfig.defaults()
                .withExtraDelimiters(List.of("</TargetDocument>", "</Reference>", "</SystemPrompt>"))
                .withExtraVerdictKeys(config.rubric().dimensionNames()));
        this.lengthCheck = config.lengthBand().map(LengthCheck::new);
        this.commentCountCheck = config.maxComments().isPresent()
                ? Optional.of(new CommentCountCheck(config.maxComments().getAsInt())) : Optional.empty();
        this.safetyCheck = config.safetyRules().map(SafetyCheck::new);
    }

    /** Every configured check's result for one prediction; the injection scan always comes first. */
    List<CheckResult> run(RewardInput input, Prediction prediction) {
        List<CheckResult> results = new ArrayList<>();
        results.add(scanner.scanPrediction(prediction));
        if (config.formatEnabled()) {
            results.add(formatCheck.check(input.prediction()));
        }
        lengthCheck.ifPresent(check -> results.add(check.check(input.prediction())));
        commentCountCheck.ifPresent(check -> results.add(check.check(prediction.comments().size())));
        if (config.languageEnabled()) {
            String source = input.targetDocument().isBlank() ? input.systemPrompt() : input.targetDocument();
            String prose = prediction.comments().isEmpty() ? input.prediction() : LanguageCheck.predictionProse(prediction);
            results.add(languageCheck.check(source, prose));
        }
        safetyCheck.ifPresent(check -> results.add(check.check(input.prediction())));
        return results;
    }
}
