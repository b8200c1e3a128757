package dev.juror.export;

import dev.juror.rubric.Rubric;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code juror export lambda} writes a bundle from.
 *
 * @param rubric        the rubric (already read and checked)
 * @param rubricYaml    its YAML text, packaged verbatim
 * @param modelId       the judge model or inference profile
 * @param functionName  must contain {@code SageMaker} (HyperPod and the Nova Forge SDK insist on it)
 * @param concurrency   judge calls in flight per invocation
 * @param region        Region for ARNs and the fallback judge Region; empty = placeholders
 * @param account       AWS account id for ARNs; empty = placeholder
 * @param memoryMb      Lambda memory
 * @param snapStart     SnapStart on the published alias; false = provisioned concurrency
 * @param provisioned   provisioned concurrency when SnapStart is off
 * @param envelope      answer with the statusCode/body envelope
 * @param budget        the reward budget inputs
 * @param samples       samples for {@code events/sample-event.json}
 * @param unvalidated   write it although the gate refused (marks every file)
 * @param batchFolder   the S3 folder batch judge runs use, for the batch IAM policies; empty = placeholders
 */
public record LambdaBundleRequest(Rubric rubric, String rubricYaml, String modelId, String functionName, int concurrency,
                                  Optional<String> region, Optional<String> account, int memoryMb, boolean snapStart,
                                  int provisioned, boolean envelope, BudgetPlan budget, List<ExportSample> samples,
                                  boolean unvalidated, Optional<S3Prefix> batchFolder) {

    public static final String DEFAULT_FUNCTION_NAME = "JurorReward-SageMaker";

    /** A bundle without a batch folder: the batch policies hold placeholders. */
    public LambdaBundleRequest(Rubric rubric, String rubricYaml, String modelId, String functionName, int concurrency,
                               Optional<String> region, Optional<String> account, int memoryMb, boolean snapStart,
                               int provisioned, boolean envelope, BudgetPlan budget, List<ExportSample> samples,
                               boolean unvalidated) {
        this(rubric, rubricYaml, modelId, functionName, concurrency, region, account, memoryMb, snapStart, provisioned,
                envelope, budget, samples, unvalidated, Optional.empty());
    }

    public LambdaBundleRequest {
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(budget, "budget");
        samples = List.copyOf(samples);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(batchFolder, "batchFolder (use Optional.empty())");
        if (functionName == null || !functionName.contains("SageMaker")) {
            throw new IllegalArgumentException("function name " + functionName + " must contain \"SageMaker\" (exact "
                    + "casing): SageMaker HyperPod only invokes such functions and the Nova Forge SDK checks it");
        }
        // Every value below goes into an ARN of the IAM policies: no wildcard, no empty part.
        ArnParts.check(modelId, region, account, functionName);
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("--concurrency must be 1..1024, was " + concurrency);
        }
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("memory must be 128..10240 MB, was " + memoryMb);
        }
    }
}
