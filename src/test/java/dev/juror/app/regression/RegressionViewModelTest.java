package dev.juror.app.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.tasks.RunningTask;
import dev.juror.app.tasks.TaskHandle;
import dev.juror.app.tasks.TaskProgress;
import dev.juror.app.tasks.Work;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.Workspace;
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
            RegressionViewModel vm = new RegressionViewModel(tasks, () -> ws, Runnable::run, Clock.systemUTC());
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
            RegressionViewModel vm = new RegressionViewModel(new InlineBackgroundTasks(), () -> ws, Runnable::run,
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
