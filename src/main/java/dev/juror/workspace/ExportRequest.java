package dev.juror.workspace;

import dev.juror.export.S3Prefix;
import dev.juror.rubric.Rubric;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One export, as the command line and the export screen ask for it. Build it with {@link #builder};
 * whatever is not set keeps its {@link ExportDefaults} value, the same for every caller.
 *
 * @param kind             what to write
 * @param rubric           the rubric (empty for training data)
 * @param rubricYaml       its YAML text, packaged verbatim ("" for training data)
 * @param model            the judge model or inference profile; the rubric's {@code judge.model_id} when not set
 * @param out              the bundle's folder; for training data the {@code .jsonl} file
 * @param allowUnvalidated write it without a VALIDATED verdict, marked UNVALIDATED ({@code --unvalidated})
 * @param samplesFile      samples (JSONL) to use instead of the workspace's
 * @param trainingLimit    training rows read from the workspace at most
 * @param lambda           the Lambda package's own settings
 * @param budget           the reward budget settings
 * @param expertIssuesAsReference training data: a sample's reference answer is the issues experts recorded
 *                         on it (opt-in; samples without any keep theirs)
 */
public record ExportRequest(ExportKind kind, Optional<Rubric> rubric, String rubricYaml, String model, Path out,
                            boolean allowUnvalidated, Optional<Path> samplesFile, int trainingLimit,
                            LambdaSettings lambda, BudgetSettings budget, boolean expertIssuesAsReference) {

    /**
     * The Lambda package's settings besides the budget.
     *
     * @param functionName must contain {@code SageMaker}
     * @param region       Region for ARNs; empty = placeholders
     * @param account      AWS account id for ARNs; empty = placeholder
     * @param memoryMb     Lambda memory
     * @param provisioned  provisioned concurrency instead of SnapStart; empty = SnapStart, with the
     *                     planner's {@code lambda_concurrency_limit} as the template's provisioned default
     * @param envelope     answer with the statusCode/body envelope
     * @param batchFolder  the S3 folder of batch judge runs the batch IAM policies are scoped to; empty = placeholders
     */
    public record LambdaSettings(String functionName, Optional<String> region, Optional<String> account, int memoryMb,
                                 Optional<Integer> provisioned, boolean envelope, Optional<S3Prefix> batchFolder) {

        public LambdaSettings {
            Objects.requireNonNull(batchFolder, "batchFolder");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(provisioned, "provisioned");
        }

        public static LambdaSettings defaults() {
            return new LambdaSettings(ExportDefaults.FUNCTION_NAME, Optional.empty(), Optional.empty(),
                    ExportDefaults.MEMORY_MB, Optional.empty(), false, Optional.empty());
        }

        /** Settings without a batch folder. */
        public LambdaSettings(String functionName, Optional<String> region, Optional<String> account, int memoryMb,
                              Optional<Integer> provisioned, boolean envelope) {
            this(functionName, region, account, memoryMb, provisioned, envelope, Optional.empty());
        }
    }

    public ExportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(samplesFile, "samplesFile");
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(budget, "budget");
        rubricYaml = rubricYaml == null ? "" : rubricYaml;
        if (kind.gated() && rubric.isEmpty()) {
            throw new IllegalArgumentException("the " + kind.what() + " needs a rubric");
        }
        if (model == null || model.isBlank()) {
            model = rubric.map(r -> r.judge().modelId()).orElse("");
        }
        if (trainingLimit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, was " + trainingLimit);
        }
    }

    public static Builder builder(ExportKind kind, Path out) {
        return new Builder(kind, out);
    }

    /** Sets what differs from {@link ExportDefaults}. */
    public static final class Builder {
        private final ExportKind kind;
        private final Path out;
        private Rubric rubric;
        private String rubricYaml = "";
        private String model;
        private boolean allowUnvalidated;
        private Optional<Path> samplesFile = Optional.empty();
        private int trainingLimit = ExportDefaults.TRAINING_DATA_LIMIT;
        private LambdaSettings lambda = LambdaSettings.defaults();
        private BudgetSettings budget = BudgetSettings.defaults();
        private boolean expertIssuesAsReference;

        private Builder(ExportKind kind, Path out) {
            this.kind = kind;
            this.out = out;
        }

        public Builder rubric(Rubric rubric, String yaml) {
            this.rubric = rubric;
            this.rubricYaml = yaml;
            return this;
        }

        /** Null or blank = the rubric's judge model. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder allowUnvalidated(boolean allow) {
            this.allowUnvalidated = allow;
            return this;
        }

        public Builder samplesFile(Optional<Path> file) {
            this.samplesFile = file;
            return this;
        }

        public Builder trainingLimit(int limit) {
            this.trainingLimit = limit;
            return this;
        }

        public Builder lambda(LambdaSettings settings) {
            this.lambda = settings;
            return this;
        }

        public Builder budget(BudgetSettings settings) {
            this.budget = settings;
            return this;
        }

        /** Training data: write the issues experts recorded on a sample as its reference answer. */
        public Builder expertIssuesAsReference(boolean use) {
            this.expertIssuesAsReference = use;
            return this;
        }

        public ExportRequest build() {
            return new ExportRequest(kind, Optional.ofNullable(rubric), rubricYaml, model, out, allowUnvalidated,
                    samplesFile, trainingLimit, lambda, budget, expertIssuesAsReference);
        }
    }
}
