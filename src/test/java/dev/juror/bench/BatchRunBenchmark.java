package dev.juror.bench;

import dev.juror.cli.JudgeCliFixture;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.store.Workspace;
import dev.juror.testing.batch.BatchAnswer;
import dev.juror.testing.batch.LoopbackBedrockBatch;
import dev.juror.testing.batch.LoopbackS3;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A batch judge run of N synthetic rollouts, end to end (issue #15): {@code juror judge --mode batch}
 * in a child JVM with a capped heap renders and writes N Converse records, uploads them to the
 * loopback S3, creates the job on the loopback Bedrock control plane (which answers every record at
 * once, in a shuffled order), polls, reads the output back, joins it on record ids and stores N
 * results. Prints the child's wall time and its peak resident memory (VmHWM), so runs of different
 * sizes show whether memory grows with the run. The stubs run in this JVM.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test.cp) dev.juror.bench.BatchRunBenchmark 20000 256</pre>
 *
 * Arguments: rollouts (a multiple of 8), the child's -Xmx in MB. See docs/benchmarks.md.
 */
public final class BatchRunBenchmark {

    public static void main(String[] args) throws Exception {
        int rollouts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int heapMb = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        Path dir = Files.createTempDirectory("juror-batch-bench");
        Path ws = dir.resolve("ws");
        try (Workspace workspace = Workspace.open(ws)) {
            new Importer(workspace).importBatch(SyntheticImport.batch(rollouts / 8, 8, 10, 2, 2048),
                    ImportOptions.refuseInvalid());
        }
        Path rubric = dir.resolve("whole-review.yaml");
        Files.writeString(rubric, JudgeCliFixture.RESPONSE_RUBRIC);
        try (LoopbackS3 s3 = LoopbackS3.start(); LoopbackBedrockBatch bedrock = LoopbackBedrockBatch.start(s3)) {
            bedrock.answerWith((id, input) -> BatchAnswer.text(JudgeCliFixture.RESPONSE_ANSWER, "end_turn", 1500, 60));
            List<String> options = new ArrayList<>(List.of("-Xmx" + heapMb + "m"));
            if (System.getProperty("bench.childOptions") != null) {
                options.addAll(List.of(System.getProperty("bench.childOptions").split(" ")));
            }
            options.add("-Daws.accessKeyId=" + DummyAwsCredentials.ACCESS_KEY_ID);
            options.add("-Daws.secretAccessKey=" + DummyAwsCredentials.SECRET_ACCESS_KEY);
            // The JVM as a user's shell starts it: none of the tests' short-lived options (C1 only, serial GC).
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(options);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.juror.Main", "judge",
                    "--workspace", ws.toString(), "--rubric", rubric.toString(), "--provider", "bedrock",
                    "--region", "us-east-1", "--mode", "batch", "--s3-prefix", "s3://bench/runs",
                    "--role-arn", "arn:aws:iam::123456789012:role/JurorBatchInference",
                    "--bedrock-endpoint", bedrock.endpoint().toString(), "--s3-endpoint", s3.endpoint().toString(),
                    "--poll-seconds", "0.2"));
            long start = System.nanoTime();
            Process child = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile()).start();
            long peakKb = 0;
            while (child.isAlive()) {
                peakKb = Math.max(peakKb, peakResidentKb(child.pid()));
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long inputBytes = s3.keys("bench", "runs/").stream().filter(k -> k.contains("/input/"))
                    .mapToLong(k -> s3.size("bench", k)).sum();
            System.out.printf(Locale.ROOT, "%d rollouts, -Xmx%dm: exit %d, %.1f s from spawn to exit, peak RSS %d MB,"
                            + " batch input %.0f MB%n", rollouts, heapMb, child.exitValue(), seconds, peakKb / 1024,
                    inputBytes / 1e6);
            System.out.print(Files.readString(dir.resolve("out.txt")));
            Files.readAllLines(dir.resolve("err.txt")).stream().filter(l -> l.contains("batch job")).forEach(System.out::println);
        }
    }

    /** The process's peak resident set (VmHWM, Linux), 0 when it cannot be read. */
    private static long peakResidentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException gone) {
            // the process ended between two looks
        }
        return 0;
    }
}
