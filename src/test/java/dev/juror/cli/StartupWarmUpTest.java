package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupWarmUpTest {

    @Test
    void aBedrockJudgeRunOrAResumeWarmsTheSdkUp() {
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("judge", "--rubric", "r.yaml", "--provider", "bedrock"))).isTrue();
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("judge", "--provider=bedrock", "--rubric", "r.yaml"))).isTrue();
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("judge", "--resume", "3"))).isTrue();
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("judge", "--resume=3"))).isTrue();
    }

    @Test
    void otherCommandsProvidersAndHelpDoNot() {
        assertThat(StartupWarmUp.judgesOnBedrock(List.of())).isFalse();
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("stats"))).isFalse();
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("regress", "--provider", "bedrock"))).isFalse();
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("judge", "--provider", "heuristic"))).isFalse();
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("judge", "--provider", "openai", "--model", "bedrock"))).isFalse();
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("judge", "--provider", "bedrock", "--help"))).isFalse();
        assertThat(StartupWarmUp.judgesOnBedrock(List.of("judge", "--provider"))).isFalse();
    }
}
