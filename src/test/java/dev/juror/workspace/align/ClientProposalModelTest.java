package dev.juror.workspace.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientProposalModelTest {

    private static JudgeSettings openAi(String baseUrl) {
        return new JudgeSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(baseUrl),
                Optional.empty(), Optional.of(1), false);
    }

    @Test
    void asksTheConfiguredModelWithTheSystemAndUserTurnsAndCountsTheCall() {
        try (ConverseTestServer server = ConverseTestServer.start();
             ClientProposalModel model = new ClientProposalModel("openai", "m", openAi(server.endpoint().toString()))) {
            server.setDefault(Reply.text("edge_cases: [x]"));
            assertThat(model.ask("you propose rubric edits", "the disagreements")).isEqualTo("edge_cases: [x]");
            assertThat(server.lastRequest().body().at("/messages/0/content").asText()).isEqualTo("you propose rubric edits");
            assertThat(server.lastRequest().body().at("/messages/1/content").asText()).isEqualTo("the disagreements");
            assertThat(server.lastRequest().modelId()).isEqualTo("m");
            assertThat(model.calls()).isEqualTo(1);
        }
    }

    @Test
    void aProviderThatCallsNoModelIsASetupProblem() {
        assertThatThrownBy(() -> new ClientProposalModel("heuristic", "m", openAi("http://127.0.0.1:9/v1")))
                .isInstanceOf(JudgeSetupException.class).hasMessageContaining("calls no model");
    }
}
