package dev.juror.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import dev.juror.lambda.LambdaFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of {@link FirstBigLambdaEvent}: builds the handler by name (init), sends six small
 * events and one of 512 samples, and prints one line {@code RESULT init small1..small6 big notJudged bigCpu initCpu secondBig}
 * (milliseconds). The handler is reached only by reflection, as the Lambda runtime does.
 */
public final class FirstBigLambdaEventChild {

    static final String RESULT = "RESULT";
    static final int SMALL_EVENTS = 6;
    static final int SMALL_SAMPLES = 4;

    private FirstBigLambdaEventChild() {
    }

    public static void main(String[] args) throws Exception {
        ConverseTestServer server = null;
        if (System.getProperty("aws.endpointUrlBedrockRuntime") == null) {
            server = ConverseTestServer.start();
            server.capacityMode(FirstBigLambdaEvent.CAPACITY, FirstBigLambdaEvent.SERVICE)
                    .setDefault(Reply.text(LambdaFixtures.JUDGE_ANSWER));
            System.setProperty("aws.endpointUrlBedrockRuntime", server.endpoint().toString());
        }
        try {
            double[] values = new double[2 + SMALL_EVENTS + 4];
            long start = System.nanoTime();
            Class<?> handlerClass = Class.forName("dev.juror.lambda.RewardHandler");
            long initCpuStart = cpuNanos();
            // bench.snapshot: init, then the priming SnapStart's beforeCheckpoint hook would run.
            Object handler = Boolean.getBoolean("bench.snapshot")
                    ? Class.forName("dev.juror.lambda.SnapshotPriming").getMethod("restoredHandler").invoke(null)
                    : handlerClass.getConstructor().newInstance();
            values[0] = millisSince(start);
            long initCpu = cpuNanos() - initCpuStart;
            Method handle = handlerClass.getMethod("handleRequest", InputStream.class, OutputStream.class,
                    Class.forName("com.amazonaws.services.lambda.runtime.Context"));
            int notJudged = 0;
            for (int e = 0; e < SMALL_EVENTS; e++) {
                long t = System.nanoTime();
                notJudged += invoke(handler, handle, event("small-" + e, SMALL_SAMPLES));
                values[1 + e] = millisSince(t);
            }
            byte[] big = event("big", FirstBigLambdaEvent.BIG);
            long cpu = cpuNanos();
            long t = System.nanoTime();
            notJudged += invoke(handler, handle, big);
            values[1 + SMALL_EVENTS] = millisSince(t);
            values[2 + SMALL_EVENTS] = notJudged;
            values[3 + SMALL_EVENTS] = (cpuNanos() - cpu) / 1e6;
            values[4 + SMALL_EVENTS] = initCpu / 1e6;
            // The same event again: the warm time under the same machine load, for reference.
            long again = System.nanoTime();
            invoke(handler, handle, big);
            values[5 + SMALL_EVENTS] = millisSince(again);
            for (int extra = Integer.getInteger("bench.extraBig", 0); extra > 0; extra--) {
                long c = cpuNanos();
                long w = System.nanoTime();
                invoke(handler, handle, big);
                System.out.printf("extra big event %.0f ms, CPU %.0f ms%n", millisSince(w), (cpuNanos() - c) / 1e6);
            }
            StringBuilder line = new StringBuilder(RESULT);
            for (double v : values) {
                line.append(' ').append(v);
            }
            System.out.println(line);
        } finally {
            if (server != null) {
                server.close();
            }
        }
        System.exit(0);
    }

    /** This process's CPU time (all threads; the test server too when it runs here). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    private static byte[] event(String prefix, int samples) {
        ArrayNode array = LambdaFixtures.JSON.createArrayNode();
        for (int i = 0; i < samples; i++) {
            array.add(i % 2 == 0 ? LambdaFixtures.sampleA(prefix + "-" + i, LambdaFixtures.goodPrediction())
                    : LambdaFixtures.sampleB(prefix + "-" + i, LambdaFixtures.goodPrediction()));
        }
        return array.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Invokes the handler; returns how many results did not get the judge's reward. */
    private static int invoke(Object handler, Method handle, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handle.invoke(handler, new ByteArrayInputStream(event), out, null);
        JsonNode results = LambdaFixtures.JSON.readTree(out.toByteArray());
        int notJudged = 0;
        for (JsonNode r : results) {
            if (!FirstBigLambdaEvent.judged(r)) {
                notJudged++;
            }
        }
        return notJudged;
    }
}
