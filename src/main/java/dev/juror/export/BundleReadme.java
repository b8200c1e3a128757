package dev.juror.export;

/** README.md of the Lambda bundle: what each file is and how to deploy and test it. */
final class BundleReadme {

    private BundleReadme() {
    }

    static String text(LambdaBundleRequest r, String version, String region, String account) {
        StringBuilder md = new StringBuilder();
        if (r.unvalidated()) {
            md.append("> **UNVALIDATED BUNDLE.** The judge `").append(r.modelId()).append("` has no VALIDATED verdict for "
                    + "rubric version `").append(version).append("`. Rewards from it have not been shown to agree with "
                    + "human experts. Every file of this bundle is marked.\n\n");
        }
        md.append("# Juror reward function: ").append(r.rubric().name()).append("\n\n");
        md.append("Rubric `").append(r.rubric().name()).append("` version `").append(version).append("`, judge `")
                .append(r.modelId()).append("`, handler `").append(LambdaBundleExporter.HANDLER)
                .append("` (Java 21), at most ").append(r.concurrency()).append(" judge calls in flight per invocation.\n\n");
        md.append("""
                ## Files

                | file | what |
                |---|---|
                | `reward-lambda.zip` | the function: `lib/*.jar` and `juror-reward.json` (rubric, rendered judge prompt, judge model, check rules, the neutral reward the handler uses and where it comes from, concurrency, timeouts) |
                | `template.yaml` | AWS SAM template: java21, timeout 900 s, published alias `live`, SnapStart (default) or provisioned concurrency, `ReservedConcurrentExecutions` from parameter `ReservedConcurrency` (default: the planned `lambda_concurrency_limit`) |
                | `iam/lambda-execution-policy.json` | the function's role: its logs and `bedrock:InvokeModel` on the judge model only |
                | `iam/training-role-invoke-policy.json` | add to the SageMaker / Bedrock training role: `lambda:InvokeFunction` on this function |
                | `iam/batch-inference-role.json` | batch judge runs (`juror judge --mode batch`): permissions of the service role Bedrock assumes, the S3 folder and `bedrock:InvokeModel` on the judge model only |
                | `iam/batch-inference-role-trust.json` | its trust policy: `bedrock.amazonaws.com`, for model invocation jobs of your account only |
                | `iam/batch-caller.json` | for whoever runs `juror judge --mode batch`: create, follow, stop and list jobs, `iam:PassRole` on that role only, the S3 folder |
                | `training-overrides.json` | every RFT setting the budget assumed: `global_batch_size`, `number_generation`, `max_steps` (as planned), `lambda_batch_size` (kept under the 6 MB Lambda payload limit), `lambda_concurrency_limit` (derived from the target time per step and the judge quota), and Bedrock's `batchSize` / `trainingSamplePerPrompt` (see `budget.md`) |
                | `budget.md` | judge calls, tokens (measured or estimated), cost, the Bedrock rate needed, the concurrency derivation and warnings |
                | `events/sample-event.json` | an event in the trainer's shape, built from the workspace's samples |
                | `evidence/` | why the judge may be trusted: `verdict.json`, `calibration-report.html`, `agreement.json`, `labels.json`, `regression.json`, `judge.json`, `content-hashes.json`, `score-distribution.json` |
                | `MANIFEST.json` | format, export time and Juror version, validated or not, the rubric version, and the SHA-256 and size of every other file |

                ## Test locally (no AWS needed with a local Converse-compatible server)

                ```sh
                juror lambda invoke --package reward-lambda.zip --event events/sample-event.json --region us-east-1
                juror lambda invoke --package reward-lambda.zip --event events/sample-event.json --endpoint http://127.0.0.1:8080
                ```

                ## Verify

                ```sh
                juror bundle verify .    # exit 2 names any file changed, missing or added since the export
                ```

                ## Deploy

                ```sh
                sam deploy --template-file template.yaml --stack-name juror-reward --capabilities CAPABILITY_IAM --resolve-s3
                aws lambda invoke --function-name FUNCTION:live --payload fileb://events/sample-event.json out.json
                ```

                Use the alias ARN (output `RewardFunctionAliasArn`) as `reward_lambda_arn` / `lambda_arn` in the recipe,
                or as `rft_lambda_arn` with the Nova Forge SDK, and pass `training-overrides.json` as overrides.
                """.replace("FUNCTION", r.functionName()));
        md.append(TrainingJobsReadme.section(r, region));
        md.append("\nARN placeholders: Region `").append(region).append("`, account `").append(account)
                .append("` (replace `<REGION>` / `<ACCOUNT_ID>` if shown). Batch folder `")
                .append(r.batchFolder().orElse(S3Prefix.PLACEHOLDER)).append("` (`<BUCKET>` / `<PREFIX>` when `--batch-s3-prefix`"
                        + " was not given: put the bucket and folder of `--s3-prefix` there); the batch role's name is `")
                .append(IamPolicies.BATCH_ROLE_NAME).append("`, see docs/batch-permissions.md of Juror.\n");
        md.append("\nThe function never fails an invocation: a sample it cannot score gets the neutral reward with a "
                + "`service_failure` (judge throttled, down, timed out) or `invalid_sample` metric; a prediction that "
                + "makes the judge fail (output-token limit, an answer echoing it) or exceeds the rubric's limits gets "
                + "0 with `prediction_failure`. See docs/lambda.md of Juror for the full contract.\n");
        return md.toString();
    }
}
