package dev.juror.judge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.Judge;
import dev.juror.judge.heuristic.HeuristicJudge;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one judge factory: what it takes from the settings, and what it refuses. */
class JudgeFactoryTest {

    private static JudgeSettings bedrock(String region, String profile, String endpoint, Integer concurrency) {
        return new JudgeSettings(Optional.ofNullable(region), Optional.ofNullable(profile),
                Optional.ofNullable(endpoint), Optional.empty(), Optional.empty(), Optional.ofNullable(concurrency));
    }

    @Test
    void theBedrockConnectionTakesRegionProfileAndEndpointFromTheSettings() {
        BedrockJudgeConfig config = JudgeFactory.bedrockConfig(bedrock("eu-west-1", "legal-ml",
                "http://127.0.0.1:4010", 8));
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.profileName()).contains("legal-ml");
        assertThat(config.endpointOverride()).contains(URI.create("http://127.0.0.1:4010"));
        assertThat(config.maxConnections()).isEqualTo(BedrockJudgeConfig.DEFAULT_MAX_CONNECTIONS);
        assertThat(JudgeFactory.bedrockConfig(bedrock("eu-west-1", null, null, 300)).maxConnections())
                .as("at least the concurrency cap").isEqualTo(300);
    }

    @Test
    void anEndpointThatWouldSendTheSignatureInClearToAnotherHostIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> JudgeFactory.judge("bedrock", "m", bedrock("us-east-1", null,
                "http://bedrock.example.com", null), null))
                .isInstanceOf(JudgeSetupException.class)
                .satisfies(e -> assertThat(((JudgeSetupException) e).setting()).isEqualTo("endpoint"));
    }

    @Test
    void providersModelsAndWhichOnesCallAModel() {
        assertThat(JudgeFactory.normalise(" Bedrock ")).isEqualTo("bedrock");
        assertThatThrownBy(() -> JudgeFactory.normalise("gpt")).isInstanceOf(JudgeSetupException.class);
        assertThat(JudgeFactory.model("heuristic", "x", "rubric-model")).isEqualTo(HeuristicJudge.MODEL);
        assertThat(JudgeFactory.model("bedrock", " ", "rubric-model")).isEqualTo("rubric-model");
        assertThat(JudgeFactory.PROVIDERS).filteredOn(JudgeFactory::isLive).containsExactly("bedrock", "openai");
        assertThat(JudgeFactory.PROVIDERS).filteredOn(p -> !JudgeFactory.needsModel(p)).containsExactly("heuristic");
        assertThat(JudgeFactory.replayFirst("heuristic", HeuristicJudge.MODEL, null)).isNull();
        assertThat(JudgeFactory.replayFirst("bedrock", "m", (key, repeat) -> Optional.empty())).isInstanceOf(dev.juror.judge.ReplayJudge.class);
        try (Judge judge = JudgeFactory.judge("heuristic", HeuristicJudge.MODEL, JudgeSettings.NONE, null)) {
            assertThat(judge).isInstanceOf(HeuristicJudge.class);
        }
    }

    @Test
    void aCallAPersonWaitsForGetsTheShortRetryPolicyAndARunTheDefault() {
        JudgeSettings openAi = new JudgeSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("http://127.0.0.1:9/v1"), Optional.empty(), Optional.empty());
        try (Judge trial = JudgeFactory.judge("openai", "m", openAi, null, dev.juror.judge.RetryPolicy.INTERACTIVE);
             Judge run = JudgeFactory.judge("openai", "m", openAi, null);
             Judge bedrock = JudgeFactory.judge("bedrock", "m", bedrock("us-east-1", null, null, null), null,
                     dev.juror.judge.RetryPolicy.INTERACTIVE)) {
            assertThat(trial.retryPolicy()).isEqualTo(dev.juror.judge.RetryPolicy.INTERACTIVE);
            assertThat(bedrock.retryPolicy()).isEqualTo(dev.juror.judge.RetryPolicy.INTERACTIVE);
            assertThat(run.retryPolicy()).isEqualTo(dev.juror.judge.RetryPolicy.DEFAULT);
        }
    }
}
