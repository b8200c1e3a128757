package dev.juror.export;

import dev.juror.lambda.RewardRecords;
import java.util.List;

/** The SAM template of the reward Lambda (java21, published alias, SnapStart or provisioned concurrency). */
final class SamTemplate {

    private SamTemplate() {
    }

    /**
     * The planned {@code lambda_concurrency_limit}; never below the provisioned concurrency, which
     * Lambda refuses to configure above the reserved one.
     */
    static int reservedConcurrency(LambdaBundleRequest r) {
        return Math.max(r.budget().lambdaConcurrencyLimit(), r.provisioned());
    }

    static String yaml(LambdaBundleRequest r, String version) {
        String mark = r.unvalidated() ? " UNVALIDATED" : "";
        StringBuilder y = new StringBuilder();
        if (r.unvalidated()) {
            y.append("# UNVALIDATED: the judge has no VALIDATED verdict for rubric version ").append(version)
                    .append(" and model ").append(r.modelId()).append(".\n");
        }
        y.append("AWSTemplateFormatVersion: '2010-09-09'\n");
        y.append("Transform: AWS::Serverless-2016-10-31\n");
        y.append("Description: Juror reward function").append(mark).append(" (rubric ").append(r.rubric().name())
                .append(" version ").append(version).append(", judge ").append(r.modelId()).append(")\n");
        y.append("Parameters:\n");
        y.append("  StartupMode:\n");
        y.append("    Type: String\n");
        y.append("    AllowedValues: [snapstart, provisioned]\n");
        y.append("    Default: ").append(r.snapStart() ? "snapstart" : "provisioned").append("\n");
        y.append("    Description: SnapStart on the published alias, or provisioned concurrency (they cannot be combined)\n");
        y.append("  ProvisionedConcurrency:\n");
        y.append("    Type: Number\n");
        y.append("    Default: ").append(r.provisioned()).append("\n");
        y.append("  ReservedConcurrency:\n");
        y.append("    Type: Number\n");
        y.append("    MinValue: 1\n");
        y.append("    Default: ").append(reservedConcurrency(r)).append("\n");
        y.append("    Description: concurrent executions reserved for the function; the planned "
                + "lambda_concurrency_limit (budget.md), and at least ProvisionedConcurrency in provisioned mode\n");
        y.append("  LogPredictions:\n");
        y.append("    Type: String\n");
        y.append("    AllowedValues: ['true', 'false']\n");
        y.append("    Default: 'false'\n");
        y.append("    Description: write each prediction's text into its reward record in CloudWatch Logs "
                + "(juror.prediction); off because predictions may quote confidential documents\n");
        y.append("Conditions:\n");
        y.append("  UseSnapStart: !Equals [!Ref StartupMode, snapstart]\n");
        y.append("  UseProvisioned: !Equals [!Ref StartupMode, provisioned]\n");
        y.append("Resources:\n");
        y.append("  RewardFunction:\n");
        y.append("    Type: AWS::Serverless::Function\n");
        y.append("    Properties:\n");
        y.append("      FunctionName: ").append(r.functionName()).append("\n");
        y.append("      Runtime: java21\n");
        y.append("      Handler: ").append(LambdaBundleExporter.HANDLER).append("\n");
        y.append("      CodeUri: ").append(LambdaBundleExporter.ZIP).append("\n");
        y.append("      Timeout: 900\n");
        y.append("      MemorySize: ").append(r.memoryMb()).append("\n");
        y.append("      Architectures: [x86_64]\n");
        // Reserved, so other functions of the account cannot take the executions the trainer's
        // lambda_concurrency_limit counts on (and the judge never sees more invocations than planned).
        y.append("      ReservedConcurrentExecutions: !Ref ReservedConcurrency\n");
        y.append("      Environment:\n");
        y.append("        Variables:\n");
        y.append("          ").append(RewardRecords.LOG_PREDICTIONS_ENV).append(": !Ref LogPredictions\n");
        y.append("      AutoPublishAlias: live\n");
        y.append("      SnapStart: !If [UseSnapStart, {ApplyOn: PublishedVersions}, !Ref AWS::NoValue]\n");
        y.append("      ProvisionedConcurrencyConfig: !If [UseProvisioned, {ProvisionedConcurrentExecutions: "
                + "!Ref ProvisionedConcurrency}, !Ref AWS::NoValue]\n");
        y.append("      Policies:\n");
        y.append("        - Version: '2012-10-17'\n");
        y.append("          Statement:\n");
        y.append("            - Sid: ").append(r.unvalidated() ? "UNVALIDATED" : "").append("JurorJudgeInvokeModel\n");
        y.append("              Effect: Allow\n");
        y.append("              Action: bedrock:InvokeModel\n");
        y.append("              Resource:\n");
        List<String> resources = IamPolicies.bedrockResources(r.modelId(), "${AWS::Region}", "${AWS::AccountId}");
        for (String arn : resources) {
            y.append("                - !Sub '").append(arn).append("'\n");
        }
        y.append("Outputs:\n");
        y.append("  RewardFunctionArn:\n");
        y.append("    Value: !GetAtt RewardFunction.Arn\n");
        y.append("  RewardFunctionAliasArn:\n");
        y.append("    Description: use this (the published alias) as lambda_arn / reward_lambda_arn\n");
        y.append("    Value: !Ref RewardFunction.Alias\n");
        return y.toString();
    }
}
