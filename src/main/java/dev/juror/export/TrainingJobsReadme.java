package dev.juror.export;

/**
 * The bundle README's section on wiring the function into a training job: where its ARN goes on
 * each platform (Bedrock's {@code lambdaGrader.lambdaArn} above all, which the recipe names do not
 * suggest) and the Lambda VPC endpoint a HyperPod cluster in a VPC needs to reach it (issue #13).
 * Names as in the AWS references (docs/export.md).
 */
final class TrainingJobsReadme {

    private TrainingJobsReadme() {
    }

    static String section(LambdaBundleRequest r, String region) {
        return """

                ## Where the function's ARN goes

                Use the alias ARN (output `RewardFunctionAliasArn`, `...:function:FUNCTION:live`).

                | trainer | setting |
                |---|---|
                | SageMaker training jobs / HyperPod recipe | `run.reward_lambda_arn` (the recipe copies it to `training_config.rollout.rewards.api_endpoint.lambda_arn`); pass `training-overrides.json` for the rest |
                | Bedrock RFT (`CreateModelCustomizationJob`) | `customizationConfig.rftConfig.graderConfig.lambdaGrader.lambdaArn`; `batchSize` and `trainingSamplePerPrompt` of `training-overrides.json` go in `customizationConfig.rftConfig.hyperParameters`. Add `iam/training-role-invoke-policy.json` to the Bedrock service role (trusting `bedrock.amazonaws.com`) |
                | Nova Forge SDK | `rft_lambda_arn=`, and `training-overrides.json` as `overrides=` (each platform's recipe takes the keys it has) |

                The reserved concurrency (`ReservedConcurrency`, default the planned `lambda_concurrency_limit`
                = LIMIT) must stay at least the recipe's `lambda_concurrency_limit`.

                **HyperPod in a VPC.** The cluster's nodes reach Lambda only through an interface VPC endpoint for
                the Lambda service, `com.amazonaws.REGION.lambda`, in the cluster's VPC, attached to the cluster's
                security group, with an endpoint policy that allows `lambda:InvokeFunction` (on this function).
                Without it every reward call times out. For example:

                ```sh
                aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface --service-name com.amazonaws.REGION.lambda \\
                    --vpc-id <CLUSTER_VPC> --subnet-ids <CLUSTER_SUBNETS> --security-group-ids <CLUSTER_SG> --private-dns-enabled
                ```
                """.replace("FUNCTION", r.functionName()).replace("REGION", region)
                .replace("LIMIT", Integer.toString(r.budget().lambdaConcurrencyLimit()));
    }
}
