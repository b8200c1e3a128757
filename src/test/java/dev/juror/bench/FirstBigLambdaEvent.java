package dev.juror.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import dev.juror.lambda.LambdaFixtures;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reward Lambda's first big event in a fresh JVM, as a new execution environment meets a
 * training step: for each run and each package (interleaved, so every package sees the same machine
 * load), a NEW JVM with {@code -XX:TieredStopAtLevel=1} (C1 only, as Lambda's java21 runtime) whose
 * class path is an extracted {@code reward-lambda.zip} (root + {@code lib/*}) plus
 * {@code target/test-classes} (for {@link FirstBigLambdaEventChild} and the samples) builds
 * {@code RewardHandler} by name with its no-argument constructor (the init phase: packaged
 * configuration, Bedrock client from the environment), sends six small events of four samples, then
 * one event of 512 samples, and prints the big event's time and its ratio to the ideal.
 *
 * <p>The loopback {@link ConverseTestServer} runs in THIS process (warm), in capacity mode as in
 * {@code LambdaEventBenchmark}: 64 calls admitted at a time, each answered after 200 ms, 429 beyond;
 * ideal 512 / 64 x 0.2 s = 1.6 s. The child reaches it through the SDK's standard
 * {@code aws.endpointUrlBedrockRuntime} property with dummy keys. With {@code -Dbench.serverInChild=true}
 * the server runs inside the child instead (as {@code ColdStart} does; its own cold start is then in
 * the measurement). The packaged configuration is used with its concurrency set to 64.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test.cp) dev.juror.bench.FirstBigLambdaEvent \
 *     RUNS LABEL=EXTRACTED_PACKAGE[,snapshot|,off] [LABEL=EXTRACTED_PACKAGE[,snapshot|,off] ...]
 * </pre>
 * {@code ,snapshot}: the handler as a SnapStart environment starts, init and then the priming of the
 * {@code beforeCheckpoint} hook ({@code dev.juror.lambda.SnapshotPriming}); its "init" time includes
 * that priming, which Lambda runs once per published version, not per cold start. {@code ,off}: with
 * {@code -Djuror.reward.priming=off}, the same build without priming.
 * Options: {@code -Dbench.childOptions="..."} (extra JVM options for the children, e.g. JFR),
 * {@code -Dbench.java=PATH} (the child's java). See docs/benchmarks.md.
 */
public final class FirstBigLambdaEvent {

    static final int CAPACITY = 64;
    static final Duration SERVICE = Duration.ofMillis(200);
    static final int BIG = 512;
    static final double IDEAL_MS = BIG / (double) CAPACITY * SERVICE.toMillis();

    private FirstBigLambdaEvent() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FirstBigLambdaEvent RUNS LABEL=EXTRACTED_PACKAGE[,snapshot|,off] ...");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        Map<String, Path> packages = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            packages.put(kv[0], Path.of(kv[1]));
        }
        boolean serverInChild = Boolean.getBoolean("bench.serverInChild");
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        System.out.printf("%s, load average %s, server in %s%n", Instant.now(), loadAverage(),
                serverInChild ? "the child" : "the parent");
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.capacityMode(CAPACITY, SERVICE).setDefault(Reply.text(LambdaFixtures.JUDGE_ANSWER));
            // One unrecorded run warms this process's server, so the first recorded run is not penalised.
            String first = packages.keySet().iterator().next();
            runChild(packages.get(first), server, serverInChild);
            for (int run = 1; run <= runs; run++) {
                for (Map.Entry<String, Path> p : packages.entrySet()) {
                    int throttledBefore = server.throttledCount();
                    double[] r = runChild(p.getValue(), server, serverInChild);
                    int throttled = server.throttledCount() - throttledBefore;
                    results.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(r);
                    System.out.printf(Locale.ROOT, "run %d %-8s init %5.0f ms (CPU %5.0f ms), small events %s ms, big event "
                                    + "%6.0f ms = %.2fx ideal (CPU %5.0f ms); not judged %.0f, throttled %d; the same event again %5.0f ms%n",
                            run, p.getKey(), r[0], r[10], smallList(r), r[7], r[7] / IDEAL_MS, r[9], r[8],
                            serverInChild ? -1 : throttled, r[11]);
                }
            }
        }
        System.out.printf("%s, load average %s%n", Instant.now(), loadAverage());
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            List<Double> big = e.getValue().stream().map(r -> r[7]).sorted().toList();
            List<Double> init = e.getValue().stream().map(r -> r[0]).sorted().toList();
            List<Double> cpu = e.getValue().stream().map(r -> r[9]).sorted().toList();
            List<Double> again = e.getValue().stream().map(r -> r[11]).sorted().toList();
            System.out.printf(Locale.ROOT, "%-8s big event: min %.0f, median %.0f, max %.0f ms (%.2fx-%.2fx ideal, median %.2fx);"
                            + " big event CPU median %.0f ms; init median %.0f ms; the same event again median %.0f ms%n", e.getKey(),
                    big.getFirst(), median(big), big.getLast(), big.getFirst() / IDEAL_MS, big.getLast() / IDEAL_MS,
                    median(big) / IDEAL_MS, median(cpu), median(init), median(again));
        }
    }

    private static String smallList(double[] r) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            s.append(i > 1 ? "," : "").append(Math.round(r[i]));
        }
        return s.toString();
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception none) {
            return "n/a";
        }
    }

    /** One child JVM; returns init, six small events, big event (ms) and the number not judged. */
    private static double[] runChild(Path spec, ConverseTestServer server, boolean serverInChild) throws Exception {
        // LABEL=DIR,snapshot: init, then priming as SnapStart's beforeCheckpoint would (see SnapshotPriming);
        // LABEL=DIR,off: priming switched off (the same build as it was before priming).
        String text = spec.toString();
        boolean snapshot = text.endsWith(",snapshot");
        boolean off = text.endsWith(",off");
        Path pkg = Path.of(text.substring(0, text.length() - (snapshot ? ",snapshot".length() : off ? ",off".length() : 0)))
                .toAbsolutePath();
        Path config = Files.createTempFile("juror-reward-", ".json");
        try {
            ObjectNode json = (ObjectNode) LambdaFixtures.JSON.readTree(pkg.resolve("juror-reward.json").toFile());
            json.put("concurrency", CAPACITY);
            Files.writeString(config, json.toString(), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            command.add(System.getProperty("bench.java", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.add("-XX:TieredStopAtLevel=1");
            String extra = System.getProperty("bench.childOptions", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.add("-cp");
            command.add(pkg + File.pathSeparator + pkg.resolve("lib") + File.separator + "*" + File.pathSeparator
                    + Path.of("target", "test-classes").toAbsolutePath());
            command.add("-Djuror.reward.config=" + config);
            command.add("-Daws.accessKeyId=AKIDEXAMPLE");
            command.add("-Daws.secretAccessKey=dummy");
            command.add("-Daws.region=us-east-1");
            command.add("-Dbench.snapshot=" + snapshot);
            if (off) {
                command.add("-Djuror.reward.priming=off");
            }
            if (!serverInChild) {
                command.add("-Daws.endpointUrlBedrockRuntime=" + server.endpoint());
            }
            command.add(FirstBigLambdaEventChild.class.getName());
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String resultLine = null;
            StringBuilder output = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith(FirstBigLambdaEventChild.RESULT)) {
                        resultLine = line;
                    } else if (line.startsWith("juror-reward: prim")) {
                        System.out.println("  child: " + line);
                    } else {
                        output.append(line).append('\n');
                    }
                }
            }
            int exit = child.waitFor();
            if (exit != 0 || resultLine == null) {
                throw new IllegalStateException("child failed (exit " + exit + "):\n" + output);
            }
            String[] parts = resultLine.substring(FirstBigLambdaEventChild.RESULT.length()).trim().split(" ");
            double[] values = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Double.parseDouble(parts[i]);
            }
            return values;
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** Whether a result got the judge's reward (every sample of these events should). */
    static boolean judged(JsonNode result) {
        return result.get("aggregate_reward_score").asDouble() == LambdaFixtures.JUDGE_REWARD;
    }
}
