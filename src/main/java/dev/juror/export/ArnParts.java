package dev.juror.export;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks every value Juror writes into an ARN of the exported IAM policies and SAM template: the
 * judge model id (or model ARN), the Region, the account id and the function name. IAM reads
 * {@code *} and {@code ?} in a resource ARN as wildcards, so {@code --model '*'} would grant
 * {@code bedrock:InvokeModel} on every model and {@code --account-id '*'} every account's function;
 * an empty part widens or breaks the ARN the same way. Each value must therefore have the exact
 * shape AWS gives it; a problem is one sentence naming the value and what to give instead.
 */
public final class ArnParts {

    /** Model and inference-profile ids: {@code amazon.nova-pro-v1:0}, {@code us.anthropic.claude-...-v1:0}. */
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    /** {@code us-east-1}, {@code eu-central-2}, {@code us-gov-west-1}, {@code ap-southeast-4}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
    /** Resource of a Bedrock model ARN: a type and an exact id. */
    private static final Pattern BEDROCK_RESOURCE = Pattern.compile(
            "(foundation-model|inference-profile|application-inference-profile|provisioned-model|custom-model)"
                    + "/[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

    private ArnParts() {
    }

    /** The first problem of the values of one export, or empty when every one is exact. */
    public static Optional<String> problem(String modelId, Optional<String> region, Optional<String> account,
                                           String functionName) {
        return modelIdProblem(modelId)
                .or(() -> region.flatMap(ArnParts::regionProblem))
                .or(() -> account.flatMap(ArnParts::accountProblem))
                .or(() -> functionNameProblem(functionName));
    }

    /** @throws IllegalArgumentException with {@link #problem}'s sentence */
    public static void check(String modelId, Optional<String> region, Optional<String> account, String functionName) {
        problem(modelId, region, account, functionName).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    public static Optional<String> modelIdProblem(String modelId) {
        String id = modelId == null ? "" : modelId;
        if (id.isBlank()) {
            return Optional.of("the judge model id is empty: give the exact model or inference profile id, e.g."
                    + " amazon.nova-pro-v1:0");
        }
        if (hasWildcard(id)) {
            return Optional.of("the judge model id '" + id + "' holds an IAM wildcard (* or ?): it goes into the"
                    + " Lambda role's bedrock:InvokeModel resource, where a wildcard would allow many models; give the"
                    + " exact model or inference profile id, e.g. amazon.nova-pro-v1:0");
        }
        if (id.startsWith("arn:")) {
            return modelArnProblem(id);
        }
        if (!MODEL_ID.matcher(id).matches()) {
            return Optional.of("the judge model id '" + id + "' is not a Bedrock model id (letters, digits, . _ : -);"
                    + " give the exact model or inference profile id, e.g. amazon.nova-pro-v1:0");
        }
        return Optional.empty();
    }

    public static Optional<String> regionProblem(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            return Optional.of("the Region '" + region + "' is not an AWS Region code" + wildcardNote(region)
                    + "; give one exact Region such as us-east-1, or leave it out to get a <REGION> placeholder");
        }
        return Optional.empty();
    }

    public static Optional<String> accountProblem(String account) {
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            return Optional.of("the account id '" + account + "' is not a 12-digit AWS account id"
                    + wildcardNote(account) + "; give your account id, or leave it out to get an <ACCOUNT_ID>"
                    + " placeholder");
        }
        return Optional.empty();
    }

    public static Optional<String> functionNameProblem(String name) {
        if (name == null || !FUNCTION_NAME.matcher(name).matches()) {
            return Optional.of("the function name '" + name + "' may hold only letters, digits, - and _ (1 to 64)"
                    + wildcardNote(name));
        }
        return Optional.empty();
    }

    private static Optional<String> modelArnProblem(String arn) {
        String[] parts = arn.split(":", -1);
        String problem = null;
        if (parts.length < 6) {
            problem = "has fewer than the six parts arn:partition:bedrock:region:account:resource";
        } else {
            String resource = String.join(":", Arrays.copyOfRange(parts, 5, parts.length));
            if (!PARTITION.matcher(parts[1]).matches()) {
                problem = "has no partition (aws)";
            } else if (!parts[2].equals("bedrock")) {
                problem = "is not a bedrock ARN";
            } else if (!REGION.matcher(parts[3]).matches()) {
                problem = "has no exact Region";
            } else if (!(parts[4].isEmpty() && resource.startsWith("foundation-model/"))
                    && !ACCOUNT.matcher(parts[4]).matches()) {
                problem = "has no 12-digit account id";
            } else if (!BEDROCK_RESOURCE.matcher(resource).matches()) {
                problem = "has no exact resource (type/id)";
            }
        }
        return Optional.ofNullable(problem).map(p -> "the judge model ARN '" + arn + "' " + p + "; every part is"
                + " written into the Lambda role's policy, so give the exact ARN or the plain model id");
    }

    private static boolean hasWildcard(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    private static String wildcardNote(String value) {
        return value != null && hasWildcard(value) ? " (IAM would read * or ? as a wildcard)" : "";
    }
}
