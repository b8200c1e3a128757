package dev.juror.batch;

import dev.juror.judge.JudgeOutcome;
import dev.juror.judge.LlmJudge;
import dev.juror.judge.run.PlanCalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Makes a run's batch job: writes the input locally, stores the job (with its client request token)
 * before anything is sent, uploads the input, creates the job and stores its ARN. Given a stored job
 * that has no ARN yet (the last session died before Bedrock answered), it does the same with that
 * job's token, so Bedrock returns the job it may already have made instead of starting a second one.
 */
final class BatchSubmission {

    private final BatchInput input;
    private final String model;
    private final BatchJobs jobs;
    private final ObjectStore store;
    private final BatchLedger ledger;
    private final BatchOptions options;
    private final Consumer<String> report;
    private final BooleanSupplier cancelled;

    BatchSubmission(LlmJudge judge, String rubricVersion, BatchJobs jobs, ObjectStore store, BatchLedger ledger,
                    BatchOptions options, Consumer<String> report, BooleanSupplier cancelled) {
        this.input = new BatchInput(judge, rubricVersion, options);
        this.model = judge.model();
        this.jobs = jobs;
        this.store = store;
        this.ledger = ledger;
        this.options = options;
        this.report = report;
        this.cancelled = cancelled;
    }

    /**
     * @param storeRefused stores the calls that cannot be sent as failed results
     * @return the created job (with its ARN), or null when the run was cancelled while the input was written
     */
    BatchLedger.Job submit(long runId, Optional<BatchLedger.Job> unsent, PlanCalls calls, List<String> keys,
                           Consumer<List<JudgeOutcome.Failed>> storeRefused) throws IOException {
        int sequence = unsent.map(BatchLedger.Job::sequence).orElseGet(() -> ledger.jobCount(runId) + 1);
        String jobName = "juror-run-" + runId + "-" + sequence;
        S3Location folder = options.folder().resolve(jobName + "/");
        Files.createDirectories(options.scratch());
        Path scratch = Files.createTempDirectory(options.scratch(), jobName + "-");
        try {
            report.accept(String.format(Locale.ROOT, "writing batch input: 0 of %,d records", keys.size()));
            BatchInput.Written written = input.write(calls, keys, scratch, done -> {
                if (done % 1000 == 0) {
                    report.accept(String.format(Locale.ROOT, "writing batch input: %,d of %,d records", done,
                            keys.size()));
                }
            }, cancelled);
            if (cancelled.getAsBoolean()) {
                return null;
            }
            storeRefused.accept(written.refused());
            if (written.records() == 0) {
                throw new BatchException("none of the " + keys.size() + " calls could be written as a batch record"
                        + " (see the run's failed results); nothing was sent");
            }
            if (unsent.isEmpty() && written.records() < options.minimumRecords()) {
                throw new BatchException(written.records() + " records to send, and a Bedrock batch job takes at least "
                        + options.minimumRecords() + "; judge them on demand: juror judge --resume " + runId
                        + " --mode online");
            }
            BatchLedger.Job job = unsent.orElseGet(() -> ledger.newJob(runId, sequence, UUID.randomUUID().toString(),
                    jobName, folder.resolve("input/"), folder.resolve("output/"), written.records()));
            for (int i = 0; i < written.files().size(); i++) {
                Path file = written.files().get(i);
                report.accept(String.format(Locale.ROOT, "uploading batch input: file %d of %d to %s", i + 1,
                        written.files().size(), job.input()));
                store.upload(file, job.input().resolve(file.getFileName().toString()));
            }
            report.accept("creating batch job " + jobName);
            String arn = jobs.create(new BatchJobs.NewJob(jobName, model, options.roleArn(), job.input(), job.output(),
                    job.clientToken(), options.timeoutHours()));
            ledger.created(job.id(), arn);
            ledger.status(job.id(), JobStatus.SUBMITTED, "");
            return ledger.openJob(runId).orElseThrow();
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is removed with the system's temporary files
        }
    }
}
