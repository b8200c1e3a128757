package dev.juror.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory object store and batch job service for the runner's unit tests: a job runs on the
 * first look after it is created (or after {@code looksBeforeDone} looks), writing its output lines
 * in a shuffled order; some records can be answered with an error or left out of the output.
 */
final class MemoryBatchService implements ObjectStore, BatchJobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final Map<String, String> jobsByToken = new ConcurrentHashMap<>();
    final Map<String, NewJob> jobs = new ConcurrentHashMap<>();
    final Map<String, JobStatus> status = new ConcurrentHashMap<>();
    final AtomicInteger looks = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    volatile int looksBeforeDone = 1;
    /** A manifest to write instead of the true counts. */
    volatile String manifestOverride;
    volatile Function<String, String> answer = userText -> "";
    final Set<String> errorRecords = ConcurrentHashMap.newKeySet();
    final Set<String> missingRecords = ConcurrentHashMap.newKeySet();

    @Override
    public void close() {
    }

    @Override
    public void upload(Path file, S3Location target) throws IOException {
        objects.put(target.uri(), Files.readAllBytes(file));
    }

    @Override
    public List<S3Location> list(S3Location folder) {
        return new TreeMap<>(objects).keySet().stream().filter(k -> k.startsWith(folder.uri()))
                .map(S3Location::parse).toList();
    }

    @Override
    public InputStream open(S3Location object) throws IOException {
        byte[] bytes = objects.get(object.uri());
        if (bytes == null) {
            throw new IOException("no object " + object);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public String create(NewJob job) {
        return jobsByToken.computeIfAbsent(job.clientRequestToken(), token -> {
            String arn = "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/job" + (jobs.size() + 1);
            jobs.put(arn, job);
            status.put(arn, JobStatus.SUBMITTED);
            return arn;
        });
    }

    @Override
    public JobState state(String jobArn) {
        if (status.get(jobArn) == JobStatus.STOPPING) {
            finish(jobArn, JobStatus.STOPPED);
        } else if (looks.incrementAndGet() >= looksBeforeDone && !status.get(jobArn).ended()) {
            finish(jobArn, null);
        }
        return JobState.of(status.get(jobArn));
    }

    @Override
    public void stop(String jobArn) {
        stops.incrementAndGet();
        status.put(jobArn, JobStatus.STOPPING);
    }

    /** Writes the job's output (none for a job stopped before it ran) and ends it. */
    private void finish(String arn, JobStatus stopped) {
        NewJob job = jobs.get(arn);
        String out = job.output().resolve(BatchJobs.jobId(arn) + "/").uri();
        if (stopped != null) {
            status.put(arn, stopped);
            return;
        }
        boolean errors = false;
        int succeeded = 0;
        int failed = 0;
        for (S3Location input : list(job.input())) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(objects.get(input.uri()), StandardCharsets.UTF_8).split("\n")) {
                try {
                    JsonNode record = JSON.readTree(line);
                    String id = record.get("recordId").asText();
                    if (missingRecords.contains(id)) {
                        continue;
                    }
                    if (errorRecords.contains(id)) {
                        errors = true;
                        failed++;
                        lines.add("{\"recordId\":\"" + id + "\",\"modelInput\":{},\"error\":{\"errorCode\":400,"
                                + "\"errorMessage\":\"Malformed input request\"}}");
                        continue;
                    }
                    String user = record.get("modelInput").get("messages").get(0).get("content").get(0).get("text")
                            .asText();
                    String body = JSON.writeValueAsString(Map.of("output", Map.of("message", Map.of("role", "assistant",
                            "content", List.of(Map.of("text", answer.apply(user))))), "stopReason", "end_turn",
                            "usage", Map.of("inputTokens", 100, "outputTokens", 20)));
                    lines.add("{\"recordId\":\"" + id + "\",\"modelInput\":{},\"modelOutput\":" + body + "}");
                    succeeded++;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            Collections.shuffle(lines, new Random(7));
            objects.put(out + input.name() + ".out", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        String manifest = manifestOverride != null ? manifestOverride : "{\"totalRecordCount\":" + (succeeded + failed)
                + ",\"successRecordCount\":" + succeeded + ",\"errorRecordCount\":" + failed + "}";
        objects.put(out + "manifest.json.out", manifest.getBytes(StandardCharsets.UTF_8));
        status.put(arn, errors ? JobStatus.PARTIALLY_COMPLETED : JobStatus.COMPLETED);
    }

    /** A ledger kept in memory. */
    static final class MemoryLedger implements BatchLedger {
        final List<Job> jobs = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Optional<Job> openJob(long runId) {
            synchronized (jobs) {
                return jobs.stream().filter(j -> j.runId() == runId && !j.joined())
                        .reduce((a, b) -> b);
            }
        }

        @Override
        public int jobCount(long runId) {
            return (int) jobs.stream().filter(j -> j.runId() == runId).count();
        }

        @Override
        public Job newJob(long runId, int sequence, String clientToken, String jobName, S3Location input,
                          S3Location output, int records) {
            Job job = new Job(jobs.size() + 1, runId, sequence, clientToken, jobName, input, output, records,
                    Optional.empty(), "writing", false);
            jobs.add(job);
            return job;
        }

        @Override
        public void created(long jobId, String jobArn) {
            replace(jobId, j -> new Job(j.id(), j.runId(), j.sequence(), j.clientToken(), j.jobName(), j.input(),
                    j.output(), j.records(), Optional.of(jobArn), j.status(), j.joined()));
        }

        @Override
        public void status(long jobId, JobStatus status, String message) {
            replace(jobId, j -> new Job(j.id(), j.runId(), j.sequence(), j.clientToken(), j.jobName(), j.input(),
                    j.output(), j.records(), j.jobArn(), status.wire(), j.joined()));
        }

        @Override
        public void joined(long jobId) {
            replace(jobId, j -> new Job(j.id(), j.runId(), j.sequence(), j.clientToken(), j.jobName(), j.input(),
                    j.output(), j.records(), j.jobArn(), j.status(), true));
        }

        private void replace(long jobId, Function<Job, Job> change) {
            synchronized (jobs) {
                for (int i = 0; i < jobs.size(); i++) {
                    if (jobs.get(i).id() == jobId) {
                        jobs.set(i, change.apply(jobs.get(i)));
                    }
                }
            }
        }
    }
}
