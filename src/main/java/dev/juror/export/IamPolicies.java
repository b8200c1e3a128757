package dev.juror.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Least-privilege IAM policies for the reward Lambda (nova-rft-lambda-contract.md §1.7): the
 * Lambda's role may write its logs and call {@code bedrock:InvokeModel} on exactly the judge's model
 * (for an inference profile: the profile and its foundation model in every destination Region);
 * the training role may invoke exactly this function.
 *
 * <p>And for batch judge runs ({@code juror judge --mode batch}, docs/batch-permissions.md): the service role
 * Bedrock assumes for the job (trust and permissions), and what the person starting the job needs. Both
 * are scoped to one S3 folder and the judge model.
 */
final class IamPolicies {

    /** Cross-Region inference-profile prefixes (geography or {@code global}). */
    static final Set<String> PROFILE_PREFIXES = Set.of("us", "eu", "apac", "global", "jp", "au", "ca", "us-gov", "apne");

    private IamPolicies() {
    }

    /** The resources {@code bedrock:InvokeModel} needs for this model id, with placeholders for Region and account. */
    static List<String> bedrockResources(String modelId, String region, String account) {
        List<String> out = new ArrayList<>();
        if (modelId.startsWith("arn:")) {
            out.add(modelId);
            return out;
        }
        int dot = modelId.indexOf('.');
        String prefix = dot > 0 ? modelId.substring(0, dot) : "";
        if (PROFILE_PREFIXES.contains(prefix)) {
            String base = modelId.substring(dot + 1);
            out.add("arn:aws:bedrock:" + region + ":" + account + ":inference-profile/" + modelId);
            // A cross-Region profile routes to the foundation model in any of its destination Regions.
            out.add("arn:aws:bedrock:*::foundation-model/" + base);
            if (prefix.equals("global")) {
                out.add("arn:aws:bedrock:::foundation-model/" + base);
            }
        } else {
            out.add("arn:aws:bedrock:" + region + "::foundation-model/" + modelId);
        }
        return out;
    }

    static ObjectNode lambdaExecution(String modelId, String functionName, String region, String account,
                                      boolean unvalidated) {
        ObjectNode policy = NovaRows.JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        ObjectNode logs = statements.addObject();
        logs.put("Sid", sid("JurorRewardLogs", unvalidated));
        logs.put("Effect", "Allow");
        logs.putArray("Action").add("logs:CreateLogGroup").add("logs:CreateLogStream").add("logs:PutLogEvents");
        logs.putArray("Resource").add("arn:aws:logs:" + region + ":" + account + ":log-group:/aws/lambda/" + functionName)
                .add("arn:aws:logs:" + region + ":" + account + ":log-group:/aws/lambda/" + functionName + ":*");
        ObjectNode bedrock = statements.addObject();
        bedrock.put("Sid", sid("JurorJudgeInvokeModel", unvalidated));
        bedrock.put("Effect", "Allow");
        bedrock.putArray("Action").add("bedrock:InvokeModel");
        ArrayNode resources = bedrock.putArray("Resource");
        bedrockResources(modelId, region, account).forEach(resources::add);
        return policy;
    }

    static ObjectNode trainingRoleInvoke(String functionName, String region, String account, boolean unvalidated) {
        ObjectNode policy = NovaRows.JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ObjectNode s = policy.putArray("Statement").addObject();
        s.put("Sid", sid("InvokeJurorRewardFunction", unvalidated));
        s.put("Effect", "Allow");
        s.putArray("Action").add("lambda:InvokeFunction");
        String arn = "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName;
        s.putArray("Resource").add(arn).add(arn + ":*");
        return policy;
    }

    /** The batch service role's name, as docs/batch-permissions.md creates it and {@code iam:PassRole} names it. */
    static final String BATCH_ROLE_NAME = "JurorBatchInference";

    /**
     * Trust policy of the batch service role: only Bedrock may assume it, and only for a model invocation job
     * of this account (the confused-deputy conditions AWS recommends).
     */
    static ObjectNode batchRoleTrust(String region, String account, boolean unvalidated) {
        ObjectNode policy = NovaRows.JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ObjectNode s = policy.putArray("Statement").addObject();
        s.put("Sid", sid("BedrockBatchAssumeRole", unvalidated));
        s.put("Effect", "Allow");
        s.putObject("Principal").put("Service", "bedrock.amazonaws.com");
        s.put("Action", "sts:AssumeRole");
        ObjectNode condition = s.putObject("Condition");
        condition.putObject("StringEquals").put("aws:SourceAccount", account);
        condition.putObject("ArnEquals").put("aws:SourceArn", jobArns(region, account));
        return policy;
    }

    /** Permissions of the batch service role: read the input and write the output under the folder, call the judge. */
    static ObjectNode batchRolePermissions(String modelId, S3Prefix folder, String region, String account,
                                           boolean unvalidated) {
        ObjectNode policy = NovaRows.JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        s3Statements(statements, folder, account, unvalidated);
        ObjectNode bedrock = statements.addObject();
        bedrock.put("Sid", sid("JurorBatchInvokeJudge", unvalidated));
        bedrock.put("Effect", "Allow");
        bedrock.putArray("Action").add("bedrock:InvokeModel");
        ArrayNode resources = bedrock.putArray("Resource");
        bedrockResources(modelId, region, account).forEach(resources::add);
        return policy;
    }

    /**
     * What the person running a batch judge run needs: create, follow, stop and list model invocation jobs
     * of the judge model, pass exactly the batch role to Bedrock, and the same S3 folder (Juror writes the
     * input and reads the output). Listing jobs cannot be scoped to a resource, so it is granted on all.
     */
    static ObjectNode batchCaller(String modelId, S3Prefix folder, String region, String account, boolean unvalidated) {
        ObjectNode policy = NovaRows.JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        ObjectNode create = statements.addObject();
        create.put("Sid", sid("JurorBatchCreateJob", unvalidated));
        create.put("Effect", "Allow");
        create.putArray("Action").add("bedrock:CreateModelInvocationJob");
        ArrayNode createOn = create.putArray("Resource").add(jobArns(region, account));
        bedrockResources(modelId, region, account).forEach(createOn::add);
        ObjectNode follow = statements.addObject();
        follow.put("Sid", sid("JurorBatchFollowJob", unvalidated));
        follow.put("Effect", "Allow");
        follow.putArray("Action").add("bedrock:GetModelInvocationJob").add("bedrock:StopModelInvocationJob");
        follow.putArray("Resource").add(jobArns(region, account));
        ObjectNode list = statements.addObject();
        list.put("Sid", sid("JurorBatchListJobs", unvalidated));
        list.put("Effect", "Allow");
        list.putArray("Action").add("bedrock:ListModelInvocationJobs");
        list.putArray("Resource").add("*");
        ObjectNode pass = statements.addObject();
        pass.put("Sid", sid("JurorBatchPassRole", unvalidated));
        pass.put("Effect", "Allow");
        pass.putArray("Action").add("iam:PassRole");
        pass.putArray("Resource").add("arn:aws:iam::" + account + ":role/" + BATCH_ROLE_NAME);
        pass.putObject("Condition").putObject("StringEquals").put("iam:PassedToService", "bedrock.amazonaws.com");
        s3Statements(statements, folder, account, unvalidated);
        return policy;
    }

    private static String jobArns(String region, String account) {
        return "arn:aws:bedrock:" + region + ":" + account + ":model-invocation-job/*";
    }

    /** Objects under the folder, and listing the bucket only with the folder as the prefix. */
    private static void s3Statements(ArrayNode statements, S3Prefix folder, String account, boolean unvalidated) {
        ObjectNode objects = statements.addObject();
        objects.put("Sid", sid("JurorBatchObjects", unvalidated));
        objects.put("Effect", "Allow");
        objects.putArray("Action").add("s3:GetObject").add("s3:PutObject");
        objects.putArray("Resource").add(folder.objectsArn());
        objects.putObject("Condition").putObject("StringEquals").put("aws:ResourceAccount", account);
        ObjectNode list = statements.addObject();
        list.put("Sid", sid("JurorBatchListFolder", unvalidated));
        list.put("Effect", "Allow");
        list.putArray("Action").add("s3:ListBucket");
        list.putArray("Resource").add(folder.bucketArn());
        ObjectNode condition = list.putObject("Condition");
        condition.putObject("StringLike").putArray("s3:prefix").add(folder.prefix()).add(folder.prefix() + "/*");
        condition.putObject("StringEquals").put("aws:ResourceAccount", account);
    }

    /** A statement id; IAM allows only letters and digits, so the mark is part of the id. */
    private static String sid(String base, boolean unvalidated) {
        return unvalidated ? "UNVALIDATED" + base : base;
    }
}
