package dev.juror.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda {@link Context} whose remaining time runs down from a given budget. */
final class TestContexts {

    private TestContexts() {
    }

    static Context withBudget(long millis, List<String> logLines) {
        long deadline = System.currentTimeMillis() + millis;
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logLines.add(message);
            }

            @Override
            public void log(byte[] message) {
                logLines.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                    case "getLogger" -> logger;
                    case "getMemoryLimitInMB" -> 1024;
                    case "getFunctionName" -> "JurorRewardSageMaker";
                    case "getAwsRequestId" -> "test-request";
                    case "toString" -> "TestContext";
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> method.getReturnType() == String.class ? "" : null;
                });
    }

    static Context withBudget(long millis) {
        return withBudget(millis, new CopyOnWriteArrayList<>());
    }
}
