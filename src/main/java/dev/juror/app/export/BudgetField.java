package dev.juror.app.export;

import dev.juror.workspace.ExportDefaults;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The budget planner's inputs on the export screen, pre-filled with {@link ExportDefaults} (the
 * command line's defaults). Latency and calls in flight start empty: measured and derived, as when
 * {@code --judge-latency-ms} and {@code --concurrency} are not given.
 */
public enum BudgetField {
    PROMPTS_PER_STEP("Prompts per step (global_batch_size)", ExportDefaults.PROMPTS_PER_STEP),
    ROLLOUTS("Rollouts per prompt (number_generation)", ExportDefaults.ROLLOUTS_PER_PROMPT),
    STEPS("Training steps (max_steps)", ExportDefaults.STEPS),
    JUDGE_RPM("Judge quota, requests per minute", ExportDefaults.JUDGE_RPM),
    JUDGE_TPM("Judge quota, tokens per minute (0 = not given)", ExportDefaults.JUDGE_TPM),
    LATENCY_MS("Judge latency, ms (empty = measured, else 5000)"),
    CONCURRENCY("Judge calls in flight per invocation (empty = derived)"),
    BATCH_SIZE("Samples per invocation (lambda_batch_size)", ExportDefaults.SAMPLES_PER_INVOCATION);

    private final String label;
    private final OptionalLong defaultValue;

    BudgetField(String label, long defaultValue) {
        this.label = label;
        this.defaultValue = OptionalLong.of(defaultValue);
    }

    /** A field that may stay empty: the planner measures or derives the value. */
    BudgetField(String label) {
        this.label = label;
        this.defaultValue = OptionalLong.empty();
    }

    public String label() {
        return label;
    }

    /** Node id of its text field. */
    public String id() {
        return "budget-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String defaultText() {
        return defaultValue.isPresent() ? Long.toString(defaultValue.getAsLong()) : "";
    }

    boolean mayBeEmpty() {
        return defaultValue.isEmpty();
    }

    boolean mayBeZero() {
        return this == JUDGE_TPM;
    }

    long max() {
        return this == JUDGE_TPM ? Long.MAX_VALUE : Integer.MAX_VALUE;
    }
}
