package dev.juror.bench;

import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import dev.juror.lambda.LambdaFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Local cold start of the reward Lambda: run in a NEW JVM whose class path is an extracted
 * {@code reward-lambda.zip} (root + {@code lib/*}) plus {@code target/test-classes} (for this class
 * and the loopback Converse server). Prints JVM start to handler ready (the init phase), the first
 * invocation (one sample, one judge call answered at once) and the total from JVM start. The
 * handler class is loaded reflectively, exactly by name, as the runtime does. See docs/benchmarks.md.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainEntered = System.currentTimeMillis();
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text(LambdaFixtures.JUDGE_ANSWER));
            System.setProperty("aws.endpointUrlBedrockRuntime", server.endpoint().toString());
            System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
            System.setProperty("aws.secretAccessKey", "dummy");
            System.setProperty("aws.region", "us-east-1");
            byte[] event = LambdaFixtures.event(LambdaFixtures.sampleA("cold-1", LambdaFixtures.goodPrediction()))
                    .toString().getBytes(StandardCharsets.UTF_8);
            long serverReady = System.currentTimeMillis();

            Class<?> handlerClass = Class.forName("dev.juror.lambda.RewardHandler");
            Object handler = handlerClass.getConstructor().newInstance();
            long initDone = System.currentTimeMillis();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handlerClass.getMethod("handleRequest", java.io.InputStream.class, java.io.OutputStream.class,
                    Class.forName("com.amazonaws.services.lambda.runtime.Context"))
                    .invoke(handler, new ByteArrayInputStream(event), out, null);
            long firstResponse = System.currentTimeMillis();
            System.out.println(out.toString(StandardCharsets.UTF_8));
            System.out.printf("jvm start -> main %d ms; test server start %d ms; handler init %d ms; first invoke %d ms; "
                            + "jvm start -> first response %d ms (without the test server: %d ms)%n",
                    mainEntered - jvmStart, serverReady - mainEntered, initDone - serverReady, firstResponse - initDone,
                    firstResponse - jvmStart, firstResponse - jvmStart - (serverReady - mainEntered));
        }
    }
}
