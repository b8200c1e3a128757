package dev.juror.app.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.app.settings.Settings;
import dev.juror.app.settings.Theme;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.tasks.RunningTask;
import dev.juror.app.tasks.TaskHandle;
import dev.juror.app.tasks.TaskProgress;
import dev.juror.app.tasks.Work;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aRunCancelledAfterTheThirdRolloutStoresNothingAndSaysSo() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            CancelAfter tasks = new CancelAfter(3);
            RegressionViewModel vm = new RegressionViewModel(tasks, () -> ws, Settings::defaults, Clock.systemUTC());
            vm.load();
            assertThat(vm.suites()).hasSize(1);
            vm.run();

            assertThat(tasks.updates).hasSize(3).allSatisfy(u -> assertThat(u).endsWith("rollouts scored"));
            assertThat(vm.messageProperty().get()).isEqualTo("Cancelled: nothing was stored.");
            assertThat(vm.cases()).isEmpty();
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(new CalibrationRepository(ws).latestRegression(vm.rubricProperty().get().version(),
                    HeuristicJudge.MODEL)).isEmpty();
        }
    }

    @Test
    void aSuiteForAnotherRubricIsRefusedWithTheRubricItNeeds() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            RegressionViewModel vm = new RegressionViewModel(new InlineBackgroundTasks(), () -> ws, Settings::defaults,
                    Clock.systemUTC());
            vm.load();
            var other = vm.rubrics().stream().filter(r -> r.rubric().name().equals("boolean-checklist")).findFirst();
            assertThat(other).as("the shipped boolean-checklist rubric").isPresent();
            vm.rubricProperty().set(other.get());
            vm.run();
            assertThat(vm.messageProperty().get()).contains("is written for rubric 'contract-review'");
            assertThat(vm.cases()).isEmpty();
        }
    }

    /*
     * Issue #11: the Regression screen built its Bedrock judge by hand, with the default chain and no
     * endpoint, ignoring the profile and region of the Settings dialog. Now it builds it like the
     * judge screen: the call reaches the endpoint typed on the screen, signed with the Settings'
     * profile for the Settings' region.
     */
    @Test
    void aBedrockSuiteUsesTheSettingsRegionAndProfileAndTheEndpointOfTheScreen() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[juror-regress]\naws_access_key_id = AKIDFROMPROFILE\naws_secret_access_key = not-a-real-secret\n");
        Path config = Files.writeString(dir.resolve("config"), "[profile juror-regress]\nregion = eu-west-1\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", config.toString());
        Settings settings = Settings.defaults().withPreferences(Theme.LIGHT, Settings.DEFAULT_FONT_SIZE,
                Settings.DEFAULT_CONCURRENCY, "eu-west-1", "juror-regress", "http://localhost:8000/v1");
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"));
             ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text("{\"comments\": []}"));
            RegressionViewModel vm = new RegressionViewModel(new InlineBackgroundTasks(), () -> ws, () -> settings,
                    Clock.systemUTC());
            vm.load();
            assertThat(vm.regionProperty().get()).isEqualTo("eu-west-1");
            assertThat(vm.profileProperty().get()).isEqualTo("juror-regress");
            vm.providerProperty().set("bedrock");
            vm.modelProperty().set("us.amazon.nova-pro-v1:0");
            vm.endpointProperty().set(server.endpoint().toString());
            vm.run();

            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(server.receivedCount()).as("the judge calls reach the endpoint of the screen").isPositive();
            assertThat(server.lastRequest().modelId()).isEqualTo("us.amazon.nova-pro-v1:0");
            assertThat(server.lastRequest().header("Authorization"))
                    .as("signed with the Settings' profile, for the Settings' region")
                    .contains("Credential=AKIDFROMPROFILE/").contains("/eu-west-1/bedrock/aws4_request");
            assertThat(vm.summaryProperty().get()).contains("judged live");
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void cancelShowsStoppingUntilTheSuiteHasReallyStopped() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            InlineBackgroundTasks tasks = InlineBackgroundTasks.queued();
            RegressionViewModel vm = new RegressionViewModel(tasks, () -> ws, Settings::defaults, Clock.systemUTC());
            vm.load();
            tasks.runQueued();
            List<String> seen = new ArrayList<>();
            vm.progressProperty().addListener((obs, old, now) -> {
                if (now.doubleValue() > 0 && seen.isEmpty()) {
                    vm.cancel(); // from the first progress the screen sees, while the suite is still running
                    seen.add(vm.messageProperty().get() + " | running=" + vm.runningProperty().get());
                }
            });
            vm.run();
            tasks.runQueued();

            assertThat(seen).containsExactly("Cancelling: stopping the judge calls in flight… | running=true");
            assertThat(vm.messageProperty().get()).isEqualTo("Cancelled: nothing was stored.");
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.cases()).isEmpty();
        }
    }

    /** Runs work inline and reports cancelled once it has seen {@code limit} progress updates. */
    private static final class CancelAfter implements BackgroundTasks {
        private final int limit;
        final List<String> updates = new ArrayList<>();

        CancelAfter(int limit) {
            this.limit = limit;
        }

        @Override
        public <T> TaskHandle run(String title, Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<Throwable> onFailure) {
            TaskProgress progress = new TaskProgress() {
                @Override
                public void update(long done, long total, String message) {
                    updates.add(message);
                }

                @Override
                public boolean isCancelled() {
                    return updates.size() >= limit;
                }
            };
            try {
                onSuccess.accept(work.call(progress));
            } catch (Exception e) {
                onFailure.accept(e);
            }
            return new TaskHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isDone() {
                    return true;
                }
            };
        }

        @Override
        public <T> TaskHandle runQuietly(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            return new InlineBackgroundTasks().runQuietly(work, onSuccess, onFailure);
        }

        @Override
        public ObservableList<RunningTask> running() {
            return FXCollections.observableArrayList();
        }
    }
}
