package dev.juror.workspace.judging;

import dev.juror.batch.BatchConnection;
import dev.juror.batch.BatchJobs;
import dev.juror.batch.BatchMode;
import dev.juror.batch.BatchOptions;
import dev.juror.batch.BatchRunner;
import dev.juror.batch.BedrockBatchJobs;
import dev.juror.batch.ObjectStore;
import dev.juror.batch.S3Location;
import dev.juror.batch.S3ObjectStore;
import dev.juror.judge.Judge;
import dev.juror.judge.LlmJudge;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeRunner;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.judge.run.ResultSink;
import dev.juror.judge.run.RunProgress;
import dev.juror.store.BatchJobRepository;
import dev.juror.store.StoredJudgeRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The batch side of judge runs: whether a new run goes to a Bedrock batch job, what it stores for
 * that, and starting its {@link BatchRunner} with the run's own settings (Region, profile) and the
 * SDK's control-plane and S3 clients.
 */
final class BatchRuns {

    private final BatchJobRepository store;

    BatchRuns(BatchJobRepository store) {
        this.store = store;
    }

    /**
     * Whether a new run of {@code calls} calls goes to a batch job.
     *
     * @throws JudgeSetupException naming {@code mode}, {@code s3-prefix}, {@code role-arn},
     *                             {@code bedrock-endpoint}, {@code s3-endpoint} or {@code job-timeout-hours}
     */
    boolean decide(String provider, BatchRequest request, int calls) {
        if (request.mode() == BatchMode.ONLINE) {
            return false;
        }
        if (!provider.equals("bedrock")) {
            throw new JudgeSetupException("mode", "batch inference is an Amazon Bedrock service: use --provider bedrock,"
                    + " or leave out --mode " + request.mode().word());
        }
        check(request);
        if (calls < BatchOptions.BEDROCK_MINIMUM_RECORDS) {
            if (request.mode() == BatchMode.AUTO) {
                return false;
            }
            throw new JudgeSetupException("mode", "this run has " + calls + " calls, and a Bedrock batch job takes at"
                    + " least " + BatchOptions.BEDROCK_MINIMUM_RECORDS + " records: use --mode online, or --mode auto"
                    + " (batch from " + BatchOptions.BEDROCK_MINIMUM_RECORDS + " calls, on demand below)");
        }
        return true;
    }

    private static void check(BatchRequest request) {
        String prefix = request.s3Prefix().orElseThrow(() -> new JudgeSetupException("s3-prefix",
                "a batch run needs an S3 folder for the job's input and output: --s3-prefix s3://bucket/prefix"));
        try {
            S3Location.parseFolder(prefix);
        } catch (IllegalArgumentException e) {
            throw new JudgeSetupException("s3-prefix", e.getMessage());
        }
        String role = request.roleArn().orElseThrow(() -> new JudgeSetupException("role-arn", "a batch run needs the"
                + " service role Bedrock assumes to read and write that folder: --role-arn arn:aws:iam::ACCOUNT:role/NAME"
                + " (docs/batch-permissions.md)"));
        if (!role.startsWith("arn:")) {
            throw new JudgeSetupException("role-arn", "\"" + role + "\" is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
        }
        request.bedrockEndpoint().ifPresent(e -> endpoint("bedrock-endpoint", e));
        request.s3Endpoint().ifPresent(e -> endpoint("s3-endpoint", e));
        OptionalInt hours = request.timeoutHours();
        if (hours.isPresent() && (hours.getAsInt() < 24 || hours.getAsInt() > 168)) {
            throw new JudgeSetupException("job-timeout-hours", "must be 24 to 168 hours, was " + hours.getAsInt());
        }
    }

    private static URI endpoint(String setting, String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !(text.startsWith("http://") || text.startsWith("https://"))) {
                throw new JudgeSetupException(setting, "\"" + text + "\" is not an http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new JudgeSetupException(setting, "\"" + text + "\" is not a URL: " + e.getReason());
        }
    }

    void store(long runId, BatchRequest request) {
        store.createRun(new BatchJobRepository.BatchRun(runId, request.s3Prefix().orElseThrow(),
                request.roleArn().orElseThrow(), request.timeoutHours().orElse(BatchOptions.DEFAULT_TIMEOUT_HOURS),
                request.bedrockEndpoint(), request.s3Endpoint()));
    }

    /** What a batch run stored, as a request; empty for a run judged on demand. */
    Optional<BatchRequest> stored(long runId) {
        return store.findRun(runId).map(r -> new BatchRequest(BatchMode.BATCH, Optional.of(r.s3Prefix()),
                Optional.of(r.roleArn()), r.bedrockEndpoint(), r.s3Endpoint(), OptionalInt.of(r.timeoutHours()),
                Optional.empty()));
    }

    /**
     * Starts a batch session of the run.
     *
     * @throws JudgeSetupException naming {@code mode} when fewer calls are left than a job takes
     */
    JudgeRunner.RunHandle start(StoredJudgeRun run, Judge judge, JudgeSettings settings, BatchRequest request,
                                JudgePlan plan, ResultSink sink, Consumer<RunProgress> onProgress) {
        if (!(judge instanceof LlmJudge llm)) {
            throw new JudgeSetupException("mode", "run " + run.id() + " uses " + run.provider()
                    + "; batch inference needs the bedrock provider");
        }
        check(request);
        BatchConnection connection = new BatchConnection(JudgeFactory.bedrockConfig(settings).region(),
                settings.profile(), request.bedrockEndpoint().map(e -> endpoint("bedrock-endpoint", e)),
                request.s3Endpoint().map(e -> endpoint("s3-endpoint", e)));
        Duration first = request.firstPoll().orElse(Duration.ofSeconds(10));
        BatchOptions options = BatchOptions.defaults(S3Location.parseFolder(request.s3Prefix().orElseThrow()),
                        request.roleArn().orElseThrow(), Path.of(System.getProperty("java.io.tmpdir"), "juror-batch"))
                .withPolling(first, first.multipliedBy(6))
                .withTimeoutHours(request.timeoutHours().orElse(BatchOptions.DEFAULT_TIMEOUT_HOURS));
        BatchJobs jobs = BedrockBatchJobs.connect(connection);
        ObjectStore objects = S3ObjectStore.connect(connection);
        try {
            BatchRunner runner = new BatchRunner(llm, run.rubricVersion(), jobs, objects, store, options);
            Optional<String> refusal = runner.refusal(run.id(), plan, sink);
            if (refusal.isPresent()) {
                throw new JudgeSetupException("mode", "run " + run.id() + " has " + refusal.get()
                        + "; continue it on demand: juror judge --resume " + run.id() + " --mode online");
            }
            JudgeRunner.RunHandle handle = runner.start(run.id(), plan, sink, onProgress);
            handle.completion().whenComplete((summary, error) -> {
                jobs.close();
                objects.close();
            });
            return handle;
        } catch (RuntimeException e) {
            jobs.close();
            objects.close();
            throw e;
        }
    }
}
