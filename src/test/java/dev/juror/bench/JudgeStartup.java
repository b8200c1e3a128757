package dev.juror.bench;

import dev.juror.cli.JudgeCliFixture;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up of {@code juror judge} measured from outside (issue 11): a workspace of N synthetic
 * rollouts, the loopback Converse server in capacity mode (C calls admitted at a time, each answered
 * after D ms, the rest throttled with 429 like a quota-bound account), and {@code juror judge} started
 * as a new process. Prints the time from the process's start (the moment it is spawned) to the server's
 * first request and to the process's end, against the ideal {@code N / C x D}. The CLI's JVM gets no options: as a user's shell.
 *
 * <pre>java -Dbench.jar=target/juror.jar -cp target/test-classes:target/classes:$(cat target/test.cp) \
 *     dev.juror.bench.JudgeStartup 600 64 400</pre>
 *
 * Arguments: rollouts (a multiple of 8), concurrency C, service time D in ms. See docs/benchmarks.md.
 */
public final class JudgeStartup {

    /**
     * The test server runs in this JVM, and its first request loads and runs its own code cold (the
     * JDK's HTTP server, the handler): without this, that time counted as the CLI's. A throwaway server
     * answers a few requests first, so the real one starts warm and its counters start at zero.
     */
    private static void warmTheTestServersCode(Reply answer) throws Exception {
        try (ConverseTestServer warm = ConverseTestServer.start();
             HttpClient http = HttpClient.newHttpClient()) {
            warm.setDefault(answer);
            HttpRequest request = HttpRequest.newBuilder(warm.endpoint().resolve("/model/warm-up/converse"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}")).build();
            for (int i = 0; i < 50; i++) {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int rollouts = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        long serviceMs = args.length > 2 ? Long.parseLong(args[2]) : 200;
        Path dir = Files.createTempDirectory("juror-judge-startup");
        Path ws = dir.resolve("ws");
        try (Workspace workspace = Workspace.open(ws)) {
            new Importer(workspace).importBatch(SyntheticImport.batch(rollouts / 8, 8, 10, 2, 40 * 1024),
                    ImportOptions.refuseInvalid());
        }
        Path rubric = dir.resolve("whole-review.yaml");
        Files.writeString(rubric, JudgeCliFixture.RESPONSE_RUBRIC);

        Reply answer = Reply.text(JudgeCliFixture.RESPONSE_ANSWER).withUsage(1500, 60, 0, 0);
        warmTheTestServersCode(answer);
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(answer);
            server.capacityMode(concurrency, Duration.ofMillis(serviceMs));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Daws.accessKeyId=" + DummyAwsCredentials.ACCESS_KEY_ID,
                    "-Daws.secretAccessKey=" + DummyAwsCredentials.SECRET_ACCESS_KEY));
            // -Dbench.childOptions="-XX:StartFlightRecording=..." profiles the CLI's start.
            String childOptions = System.getProperty("bench.childOptions", "").trim();
            if (!childOptions.isEmpty()) {
                command.addAll(List.of(childOptions.split("\\s+")));
            }
            // -Dbench.jar=target/juror.jar runs the built jar, as a user does (and as an AOT cache needs).
            String jar = System.getProperty("bench.jar", "");
            command.addAll(jar.isEmpty() ? List.of("-cp", System.getProperty("java.class.path"), "dev.juror.Main")
                    : List.of("-jar", jar));
            command.addAll(List.of("judge", "--workspace", ws.toString(), "--rubric", rubric.toString(), "--provider", "bedrock",
                    "--endpoint", server.endpoint().toString(), "--region", "us-east-1",
                    "--concurrency", Integer.toString(concurrency)));
            // The clock just before the spawn, not the OS's start instant of the child: Linux gives that
            // from the boot time in whole seconds, and here it came out about a second early.
            Instant started = Instant.now();
            Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("stderr.txt").toFile()).start();
            int exit = child.waitFor();
            Instant ended = Instant.now();
            double ideal = (double) rollouts / concurrency * serviceMs / 1000.0;
            double total = Duration.between(started, ended).toMillis() / 1000.0;
            System.out.printf("rollouts %d, concurrency %d, service %d ms: exit %d, first request %d ms after process"
                            + " start, whole run %.2f s from process start (ideal %.2f s, %.2fx), %d requests, %d"
                            + " throttled%n", rollouts, concurrency, serviceMs, exit,
                    server.firstRequestAt().map(at -> Duration.between(started, at).toMillis()).orElse(-1L), total, ideal,
                    total / ideal, server.receivedCount(), server.throttledCount());
        }
    }
}
