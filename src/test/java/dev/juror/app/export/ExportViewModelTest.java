package dev.juror.app.export;

import dev.juror.workspace.evidence.ExportServices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.app.SeededWorkspace;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.Workspace;
import dev.juror.workspace.ExportKind;
import dev.juror.workspace.ExportService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {

    @TempDir
    Path dir;

    private ExportViewModel loaded(Workspace ws) {
        ExportViewModel vm = new ExportViewModel(new InlineBackgroundTasks(), () -> ws, ExportServices.withEvidence(Clock.systemUTC()));
        vm.load();
        return vm;
    }

    @Test
    void aValidatedJudgePassesTheGateWithoutTheOverrideAndThePromptBundleSaysValidated() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            ExportViewModel vm = loaded(ws);
            vm.kindProperty().set(ExportKind.PROMPT_BUNDLE);
            vm.outputFolderProperty().set(dir.resolve("prompt").toString());
            var rubric = vm.rubricProperty().get();
            new CalibrationRepository(ws).saveVerdict(new CalibrationRepository.StoredVerdict(0, rubric.rubric().name(),
                    rubric.version(), vm.modelProperty().get(), "run-1", "VALIDATED", "[]", Instant.now()));
            vm.next();
            assertThat(vm.gateProperty().get().validated()).isTrue();
            assertThat(vm.overrideUnvalidatedProperty().get()).isFalse();
            assertThat(vm.canNextBinding().get()).isTrue();
            vm.next();
            vm.export();
            // six files of the prompt, eight of evidence/ (score-distribution.json the last added), MANIFEST.json
            assertThat(vm.written()).hasSize(15);
            var manifest = new ObjectMapper().readTree(dir.resolve("prompt/prompt-settings.json").toFile());
            assertThat(manifest.get("status").asText()).isEqualTo("VALIDATED");
            assertThat(dir.resolve("prompt/UNVALIDATED.txt")).doesNotExist();
        }
    }

    @Test
    void aFailedVerdictListsItsConditionsAndTheExportIsRefusedWithoutTheOverride() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            ExportViewModel vm = loaded(ws);
            vm.kindProperty().set(ExportKind.PROMPT_BUNDLE);
            var rubric = vm.rubricProperty().get();
            new CalibrationRepository(ws).saveVerdict(new CalibrationRepository.StoredVerdict(0, rubric.rubric().name(),
                    rubric.version(), vm.modelProperty().get(), "run-1", "NOT_VALIDATED",
                    "[{\"name\": \"min_items\", \"passed\": false, \"summary\": \"FAIL min_items = 12 (required >= 50)\"}]",
                    Instant.now()));
            vm.next();
            assertThat(vm.gateReasons()).containsExactly("FAIL min_items = 12 (required >= 50)");
            assertThat(vm.canNextBinding().get()).isFalse();
            vm.next();
            assertThat(vm.stepProperty().get()).isEqualTo(ExportViewModel.GATE);
        }
    }

    @Test
    void trainingDataNeedsNoVerdictAndWritesOneRowPerSample() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            ExportViewModel vm = loaded(ws);
            vm.kindProperty().set(ExportKind.TRAINING_DATA);
            vm.outputFolderProperty().set(dir.resolve("rows").toString());
            vm.next();
            assertThat(vm.canNextBinding().get()).isTrue();
            vm.next();
            vm.export();
            assertThat(Files.readAllLines(dir.resolve("rows/training-data.jsonl"))).hasSize(9);
            assertThat(vm.messageProperty().get()).startsWith("Wrote 1 file(s)");
        }
    }

    @Test
    void aFieldThatIsNotANumberIsNamedAndLeavesNoPlan() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            ExportViewModel vm = loaded(ws);
            assertThat(vm.budget().planProperty().get()).isNotNull();
            vm.budget().input(BudgetField.STEPS).set("many");
            assertThat(vm.budget().planProperty().get()).isNull();
            assertThat(vm.budget().errorProperty().get()).isEqualTo("Training steps (max_steps): 'many' is not a whole number"
                    + " of 1 or more");
            assertThat(vm.budget().lines()).isEmpty();
            vm.budget().input(BudgetField.STEPS).set("10");
            vm.budget().input(BudgetField.JUDGE_TPM).set("0");
            assertThat(vm.budget().planProperty().get().inputs().training().steps()).isEqualTo(10);
            assertThat(vm.budget().lines().get(1).value()).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", 64 * 8 * 10));
        }
    }

    @Test
    void aWildcardJudgeModelIsRefusedBeforeTheGateForTheLambdaPackage() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            ExportViewModel vm = loaded(ws);
            vm.kindProperty().set(ExportKind.LAMBDA_PACKAGE);
            vm.outputFolderProperty().set(dir.resolve("bundle").toString());
            vm.modelProperty().set("*");
            vm.next();
            assertThat(vm.stepProperty().get()).isEqualTo(ExportViewModel.WHAT);
            assertThat(vm.messageIsProblemProperty().get()).isTrue();
            assertThat(vm.messageProperty().get()).startsWith("The judge model id '*' holds an IAM wildcard");
            vm.modelProperty().set("amazon.nova-pro-v1:0");
            vm.next();
            assertThat(vm.stepProperty().get()).isEqualTo(ExportViewModel.GATE);
        }
    }

    @Test
    void theBudgetShowsTheLambdaBatchSizeMeasuredOnTheWorkspaceSamples() throws Exception {
        try (Workspace ws = SeededWorkspace.open(dir.resolve("ws"))) {
            ExportViewModel vm = loaded(ws);
            vm.kindProperty().set(ExportKind.LAMBDA_PACKAGE);
            var plan = vm.budget().planProperty().get();
            assertThat(plan.inputs().eventSize().measured()).isTrue();
            assertThat(plan.eventBytesPerInvocation()).isLessThanOrEqualTo(dev.juror.export.BudgetPlan.payloadBudgetBytes());
            assertThat(vm.budget().lines()).anySatisfy(line -> {
                assertThat(line.name()).isEqualTo("lambda_batch_size (samples per invocation)");
                assertThat(line.value()).startsWith(Integer.toString(plan.lambdaBatchSize()));
            });
            assertThat(vm.budget().lines()).anySatisfy(line -> assertThat(line.name())
                    .isEqualTo("Lambda event bytes per sample, largest"));
        }
    }
}
