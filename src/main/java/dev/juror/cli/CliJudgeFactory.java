package dev.juror.cli;

import dev.juror.judge.Judge;
import dev.juror.judge.ReplaySource;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;

/** The shared {@link JudgeFactory}, with its problems worded as command-line options ({@code --provider}, ...). */
final class CliJudgeFactory {

    private CliJudgeFactory() {
    }

    static String normalise(String provider) {
        try {
            return JudgeFactory.normalise(provider);
        } catch (JudgeSetupException e) {
            throw asOption(e);
        }
    }

    static Judge judge(String provider, String model, JudgeSettings settings, ReplaySource replay) {
        try {
            return JudgeFactory.judge(provider, model, settings, replay);
        } catch (JudgeSetupException e) {
            throw asOption(e);
        }
    }

    /** {@code provider gpt is not known} becomes {@code --provider gpt is not known}. */
    static UserInputException asOption(JudgeSetupException e) {
        // The batch settings' details are sentences of their own; the others continue the option's name.
        boolean sentence = BATCH_SETTINGS.contains(e.setting());
        return new UserInputException("--" + e.setting() + (sentence ? ": " : " ") + e.detail(), e);
    }

    private static final java.util.Set<String> BATCH_SETTINGS = java.util.Set.of("mode", "s3-prefix", "role-arn",
            "bedrock-endpoint", "s3-endpoint", "job-timeout-hours");
}
