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

    /** A statement id; IAM allows only letters and digits, so the mark is part of the id. */
    private static String sid(String base, boolean unvalidated) {
        return unvalidated ? "UNVALIDATED" + base : base;
    }
}
