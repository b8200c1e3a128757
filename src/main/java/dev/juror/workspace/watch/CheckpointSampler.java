package dev.juror.workspace.watch;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.ImportFormat;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.dataset.RolloutAddition;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.judge.BatchSummary;
import dev.juror.judge.ConcurrencyLimiter;
import dev.juror.judge.JudgeBatchExecutor;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.JudgeOutcome;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.JudgeTask;
import dev.juror.judge.RetryPolicy;
import dev.juror.store.Repositories;
import dev.juror.store.TrainingCheckpoint;
import dev.juror.store.Workspace;
import dev.juror.watch.RftPrompts;
import dev.juror.watch.WatchInputException;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code juror watch sample}: asks a checkpoint's deployment for rollouts of an RFT dataset's
 * prompts, through the judge's client, limiter and retries ({@link JudgeBatchExecutor}), and stores
 * each answer as it arrives as a rollout of its sample tagged like an imported checkpoint rollout
 * ({@link CheckpointRollouts}), plus {@code metadata.generation} and {@code metadata.model}. A call
 * is known by sample and generation, so a run stopped at any point (Ctrl-C) continues where it stopped.
 */
public final class CheckpointSampler {

    /** Where a sampled rollout's generation number (1..N) is written. */
    static final String GENERATION = "generation";

    /**
     * What to sample.
     *
     * @param model       the checkpoint's model id or ARN (Converse {@code modelId})
     * @param generations answers per prompt
     */
    public record Request(String run, String checkpoint, int step, String model, Path prompts, int generations,
                          double temperature, int maxTokens) {
    }

    /** Counts so far. */
    public record Progress(int total, int alreadyDone, int stored, int failed) {
    }

    /**
     * How it ended.
     *
     * @param failures the first failed calls ({@code sample#generation: reason}); they are asked again next time
     */
    public record Summary(TrainingCheckpoint checkpoint, int prompts, int total, int alreadyDone, int stored,
                          int failed, boolean cancelled, List<String> failures, BatchSummary batch) {
    }

    /** A started sampling. */
    public interface Session {
        /** Stops starting calls; answers that arrived are stored. Idempotent. */
        void cancel();

        Summary await() throws InterruptedException;
    }

    private static final int LISTED_FAILURES = 10;

    private final Repositories repositories;
    private final CheckpointRollouts checkpoints;
    private final Importer importer;

    public CheckpointSampler(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public CheckpointSampler(Workspace workspace, Clock clock) {
        this.repositories = Repositories.of(workspace, clock);
        this.checkpoints = new CheckpointRollouts(workspace, clock);
        this.importer = new Importer(workspace, clock);
    }

    /**
     * Checks the request, imports the prompts' samples, binds the checkpoint and starts the calls.
     *
     * @throws WatchInputException on a bad option or prompt file (nothing is asked then)
     */
    public Session start(Request request, JudgeClient client, Supplier<ConcurrencyLimiter> limiters,
                         Consumer<Progress> onProgress) throws IOException {
        if (request.generations() < 1) {
            throw new WatchInputException("--generations " + request.generations() + ": ask for 1 or more answers per prompt");
        }
        if (request.model() == null || request.model().isBlank()) {
            throw new WatchInputException("--model: give the checkpoint's model id or ARN");
        }
        checkpoints.check(request.run(), request.checkpoint(), request.step());
        List<RftPrompts.Prompt> prompts = RftPrompts.read(request.prompts());
        importSamples(request);
        TrainingCheckpoint bound = checkpoints.bind(request.run(), request.checkpoint(), request.step(),
                Optional.of(request.model()));
        Set<String> done = done(request.checkpoint());
        List<JudgeTask> tasks = new ArrayList<>();
        for (RftPrompts.Prompt prompt : prompts) {
            for (int g = 1; g <= request.generations(); g++) {
                String key = key(prompt.sampleId(), g);
                tasks.add(new JudgeTask(key, new JudgeRequest(key, request.model(), prompt.system(), "", prompt.user(),
                        request.temperature(), request.maxTokens(), java.util.OptionalDouble.empty())));
            }
        }
        int alreadyDone = (int) tasks.stream().filter(t -> done.contains(t.key())).count();
        SampleSink sink = new SampleSink(request, bound, tasks.size(), alreadyDone, onProgress);
        JudgeBatchExecutor executor = JudgeBatchExecutor.builder(client).retryPolicy(RetryPolicy.DEFAULT)
                .limiter(limiters).build();
        JudgeBatchExecutor.BatchHandle handle = executor.start(tasks, done::contains, sink, p -> { });
        return new Session() {
            @Override
            public void cancel() {
                sink.cancelled = true;
                handle.cancel();
            }

            @Override
            public Summary await() throws InterruptedException {
                BatchSummary batch = handle.await();
                return new Summary(bound, prompts.size(), tasks.size(), alreadyDone, sink.stored, sink.failed,
                        sink.cancelled, List.copyOf(sink.failures), batch);
            }
        };
    }

    /** The prompts' samples into the workspace (without rollouts); samples already there are kept. */
    private void importSamples(Request request) throws IOException {
        ImportBatch read = JsonlImportReader.read(request.prompts());
        List<SampleInput> samples = read.samples().stream().map(s -> new SampleInput(s.id(), s.systemPrompt(),
                s.targetDocument(), s.referenceDocument(), s.referenceAnswer(), s.metadata(), List.of(), s.line())).toList();
        ImportBatch batch = CheckpointTagging.tag(new ImportBatch(read.source(), read.format(), samples, List.of(),
                read.errors(), read.linesRead()), request.run(), request.checkpoint(), request.step(),
                repositories.samples()::find);
        ImportResult result = importer.importBatch(batch, ImportOptions.refuseInvalid());
        if (result.refused()) {
            throw new WatchInputException("--prompts " + request.prompts() + ": " + String.join("; ",
                    result.summaryLines()));
        }
    }

    /** The calls answered before: {@code sample#generation} of the checkpoint's stored rollouts. */
    private Set<String> done(String checkpoint) {
        Map<Long, String> ofCheckpoint = repositories.rollouts().metadataValues(CheckpointTagging.CHECKPOINT);
        Map<Long, String> generation = repositories.rollouts().metadataValues(GENERATION);
        Set<String> done = new HashSet<>();
        for (var r : repositories.rollouts().summaries()) {
            String g = generation.get(r.rolloutId());
            // An imported rollout may carry a generation that is not a number: it is no answer of ours.
            if (checkpoint.equals(ofCheckpoint.get(r.rolloutId())) && g != null && g.matches("\\d{1,9}")) {
                done.add(key(r.sampleId(), Integer.parseInt(g)));
            }
        }
        return done;
    }

    static String key(String sampleId, int generation) {
        return sampleId + "#" + generation;
    }

    /** Stores answers as they are delivered (the executor's one delivery thread), all of a delivery at once. */
    private final class SampleSink implements JudgeBatchExecutor.BatchOutcomeListener {
        private final Request request;
        private final TrainingCheckpoint checkpoint;
        private final int total;
        private final int alreadyDone;
        private final Consumer<Progress> onProgress;
        private final List<String> failures = new ArrayList<>();
        private volatile int stored;
        private volatile int failed;
        private volatile boolean cancelled;

        SampleSink(Request request, TrainingCheckpoint checkpoint, int total, int alreadyDone,
                   Consumer<Progress> onProgress) {
            this.request = request;
            this.checkpoint = checkpoint;
            this.total = total;
            this.alreadyDone = alreadyDone;
            this.onProgress = onProgress;
        }

        @Override
        public void onOutcome(JudgeOutcome outcome) {
            onOutcomes(List.of(outcome));
        }

        @Override
        public void onOutcomes(List<JudgeOutcome> outcomes) {
            List<RolloutAddition> additions = new ArrayList<>();
            List<String> newFailures = new ArrayList<>();
            for (JudgeOutcome outcome : outcomes) {
                switch (outcome) {
                    case JudgeOutcome.Succeeded s -> additions.add(addition(s));
                    case JudgeOutcome.Failed f -> newFailures.add(f.key() + ": " + f.failure().kind() + " "
                            + f.failure().message());
                    case JudgeOutcome.Cancelled c -> cancelled = true;
                }
            }
            if (!additions.isEmpty()) {
                String notStored = store(additions);
                if (notStored == null) {
                    stored += additions.size();
                } else {
                    // Counted as failed, not lost: a re-run asks for them again.
                    additions.forEach(a -> newFailures.add(key(a.sampleId(),
                            ((Number) a.rollout().metadata().get(GENERATION)).intValue()) + ": not stored: " + notStored));
                }
            }
            failed += newFailures.size();
            newFailures.stream().limit(Math.max(0, LISTED_FAILURES - failures.size())).forEach(failures::add);
            onProgress.accept(new Progress(total, alreadyDone, stored, failed));
        }

        /** Stores the answers in one transaction; why they were not stored, or null. */
        private String store(List<RolloutAddition> additions) {
            try {
                ImportResult result = importer.importBatch(new ImportBatch(request.prompts(), ImportFormat.ROLLOUTS,
                        List.of(), additions, List.of(), additions.size()), ImportOptions.refuseInvalid());
                return result.refused() ? String.join(" ", result.summaryLines()) : null;
            } catch (RuntimeException e) {
                return e.getMessage();
            }
        }

        private RolloutAddition addition(JudgeOutcome.Succeeded answer) {
            int hash = answer.key().lastIndexOf('#');
            String sampleId = answer.key().substring(0, hash);
            int generation = Integer.parseInt(answer.key().substring(hash + 1));
            Map<String, Object> metadata = new java.util.LinkedHashMap<>();
            metadata.put(CheckpointTagging.CHECKPOINT, checkpoint.checkpoint());
            metadata.put(CheckpointTagging.STEP, checkpoint.step());
            metadata.put(CheckpointTagging.RUN, checkpoint.run());
            metadata.put(GENERATION, generation);
            metadata.put("model", request.model());
            return new RolloutAddition(sampleId, new RolloutInput(answer.response().text(), metadata), 0);
        }
    }
}
