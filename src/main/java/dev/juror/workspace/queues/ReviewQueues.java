package dev.juror.workspace.queues;

import dev.juror.calibration.Scales;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeScoreRow;
import dev.juror.store.NewQueue;
import dev.juror.store.QueueRepository;
import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredQueue;
import dev.juror.store.Workspace;
import dev.juror.workspace.queues.QueueRequestException.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Review queues, for {@code juror queue} and the review desk: creates a queue by a strategy (reading
 * the workspace into {@link QueueInputs}, ranking with the strategy's engine, handing the ranked
 * rollouts out with the overlap asked for) and stores it fixed; lists queues and says how far each
 * labeller is.
 */
public final class ReviewQueues {

    /** Where a rollout's checkpoint is read from: its metadata field of this name. */
    public static final String CHECKPOINT_FIELD = "checkpoint";

    private final Repositories repositories;
    private final QueueRepository queues;
    private final LongSupplier newSeeds;

    public ReviewQueues(Workspace workspace) {
        this(Repositories.of(Objects.requireNonNull(workspace, "workspace")));
    }

    public ReviewQueues(Repositories repositories) {
        this(repositories, () -> ThreadLocalRandom.current().nextLong());
    }

    ReviewQueues(Repositories repositories, LongSupplier newSeeds) {
        this.repositories = repositories;
        this.queues = repositories.queues();
        this.newSeeds = newSeeds;
    }

    /**
     * Chooses the rollouts and stores the queue.
     *
     * @throws QueueRequestException when the request cannot be met: a sentence and the field to change
     */
    public StoredQueue create(QueueRequest request) {
        Objects.requireNonNull(request.strategy(), "strategy");
        check(request);
        ScoreBands bands;
        try {
            bands = ScoreBands.parse(request.bands());
        } catch (IllegalArgumentException e) {
            throw new QueueRequestException(Field.BANDS, "The score bands are not readable: " + e.getMessage() + ".");
        }
        Optional<StoredJudgeRun> run = request.strategy().readsRun() ? Optional.of(run(request)) : Optional.empty();
        QueueInputs inputs = inputs(run, request.strategy());
        long seed = request.seed().orElseGet(newSeeds);
        QueueParameters parameters = new QueueParameters(bands, request.checkpoint(),
                run.map(StoredJudgeRun::id).orElse(0L));
        QueueEngine engine = request.strategy().engine();
        List<Long> ranked = engine.rank(inputs, parameters, new Random(seed));
        if (ranked.isEmpty()) {
            throw new QueueRequestException(request.strategy() == QueueStrategy.CHECKPOINT ? Field.CHECKPOINT
                    : Field.STRATEGY, "Nothing to queue: " + engine.whyEmpty(parameters) + ".");
        }
        Map<String, List<Long>> assigned = Assignment.of(ranked, request.labellers(), request.count(),
                request.overlap());
        return queues.create(new NewQueue(request.name(), request.strategy().id(),
                run.map(r -> OptionalLong.of(r.id())).orElse(OptionalLong.empty()), bands.toString(),
                request.checkpoint(), seed, request.count(), request.overlap(), request.labellers(),
                request.createdBy(), assigned));
    }

    private void check(QueueRequest request) {
        if (request.name().isEmpty()) {
            throw new QueueRequestException(Field.NAME, "Give the queue a name.");
        }
        if (queues.find(request.name()).isPresent()) {
            throw new QueueRequestException(Field.NAME,
                    "A queue named " + request.name() + " already exists; choose another name.");
        }
        if (request.labellers().isEmpty()) {
            throw new QueueRequestException(Field.LABELLERS, "Name at least one labeller.");
        }
        if (request.count() < 1) {
            throw new QueueRequestException(Field.COUNT,
                    "The number of rollouts per labeller must be at least 1 (it is " + request.count() + ").");
        }
        if (request.overlap() < 1 || request.overlap() > request.labellers().size()) {
            throw new QueueRequestException(Field.OVERLAP, "The overlap (labellers per rollout) must be between 1 and "
                    + request.labellers().size() + ", the number of labellers named (it is " + request.overlap() + ").");
        }
        if (!request.checkpoint().isEmpty() && request.strategy() != QueueStrategy.CHECKPOINT) {
            throw new QueueRequestException(Field.CHECKPOINT,
                    "A checkpoint is read only by the checkpoint strategy, not by " + request.strategy() + ".");
        }
    }

    private StoredJudgeRun run(QueueRequest request) {
        long id = request.runId().orElseThrow(() -> new QueueRequestException(Field.RUN,
                "The " + request.strategy() + " strategy reads a judge run's scores: choose the run."));
        StoredJudgeRun run = repositories.judgeRuns().find(id).orElseThrow(() -> new QueueRequestException(Field.RUN,
                "There is no judge run " + id + " in this workspace."));
        if (run.pairwise()) {
            throw new QueueRequestException(Field.RUN, "Judge run " + id
                    + " compares rollouts in pairs; queues read a run that scores each rollout.");
        }
        if (request.strategy() == QueueStrategy.UNCERTAIN && run.repeats() < 2) {
            throw new QueueRequestException(Field.RUN, "Judge run " + id + " asked the judge once per rollout; the"
                    + " uncertain strategy needs a run with two or more repeats.");
        }
        return run;
    }

    private QueueInputs inputs(Optional<StoredJudgeRun> run, QueueStrategy strategy) {
        List<Long> rollouts = repositories.rollouts().summaries().stream()
                .map(RolloutRepository.Summary::rolloutId).toList();
        List<StoredLabel> labels = repositories.labels().latest();
        Set<Long> labelled = new HashSet<>();
        labels.forEach(l -> labelled.add(l.rolloutId()));
        Map<Long, Double> runScores = new HashMap<>();
        List<QueueInputs.ItemScore> judged = new ArrayList<>();
        List<QueueInputs.ItemScore> humans = new ArrayList<>();
        if (run.isPresent()) {
            long runId = run.get().id();
            Map<Long, double[]> sums = new HashMap<>();
            for (JudgeResultRow result : repositories.judgeResults().resultsOf(runId)) {
                if (result.sampleScore().isPresent()) {
                    double[] sum = sums.computeIfAbsent(result.rolloutId(), r -> new double[2]);
                    sum[0] += result.sampleScore().getAsDouble();
                    sum[1]++;
                }
            }
            sums.forEach((rollout, sum) -> runScores.put(rollout, sum[0] / sum[1]));
            for (JudgeScoreRow s : repositories.judgeResults().scoresOf(runId)) {
                judged.add(new QueueInputs.ItemScore(s.rolloutId(), s.commentPosition(), s.dimension(),
                        Integer.toString(s.repeat()), s.score()));
            }
            if (strategy == QueueStrategy.DISAGREEMENT) {
                ScoreRange scale = scaleOf(run.get());
                for (StoredLabel l : labels) {
                    OptionalInt score = Scales.parse(l.score(), scale);
                    if (score.isPresent()) {
                        humans.add(new QueueInputs.ItemScore(l.rolloutId(), l.commentPosition(), l.dimension(),
                                l.labeller(), score.getAsInt()));
                    }
                }
            }
        }
        Map<Long, String> checkpoints = strategy == QueueStrategy.CHECKPOINT
                ? repositories.rollouts().metadataValues(CHECKPOINT_FIELD) : Map.of();
        return new QueueInputs(rollouts, labelled, runScores, judged, humans, checkpoints);
    }

    private static ScoreRange scaleOf(StoredJudgeRun run) {
        try {
            return Scales.of(new RubricYaml().read(run.rubricYaml(), "run " + run.id() + " rubric"));
        } catch (RubricException | IllegalArgumentException e) {
            throw new QueueRequestException(Field.RUN, "The rubric of judge run " + run.id()
                    + " cannot be read to compare its scores with the labels (" + e.getMessage() + ").");
        }
    }

    /** Every queue, oldest first. */
    public List<StoredQueue> all() {
        return queues.all();
    }

    public Optional<StoredQueue> find(String name) {
        return queues.find(name);
    }

    /** How far each labeller of the queue is, in the queue's order of labellers. */
    public List<LabellerProgress> progress(StoredQueue queue) {
        Map<Long, Integer> comments = new HashMap<>();
        Set<Long> inQueue = new HashSet<>(queue.rollouts());
        repositories.rollouts().summaries().stream().filter(r -> inQueue.contains(r.rolloutId()))
                .forEach(r -> comments.put(r.rolloutId(), r.parsed() ? r.commentCount() : 0));
        Map<String, Map<Long, Set<Integer>>> positions = new HashMap<>();
        for (StoredLabel l : repositories.labels().latest()) {
            if (inQueue.contains(l.rolloutId())) {
                positions.computeIfAbsent(l.labeller(), x -> new HashMap<>())
                        .computeIfAbsent(l.rolloutId(), x -> new HashSet<>()).add(l.commentPosition());
            }
        }
        List<LabellerProgress> out = new ArrayList<>();
        for (String labeller : queue.labellers()) {
            List<Long> assigned = queue.assignedTo(labeller);
            Map<Long, Set<Integer>> mine = positions.getOrDefault(labeller, Map.of());
            int done = (int) assigned.stream()
                    .filter(r -> isDone(mine.getOrDefault(r, Set.of()), comments.getOrDefault(r, 0))).count();
            out.add(new LabellerProgress(labeller, done, assigned.size()));
        }
        return out;
    }

    /** Done: the whole response labelled, or every comment. */
    static boolean isDone(Set<Integer> labelledPositions, int commentCount) {
        if (labelledPositions.contains(-1)) {
            return true;
        }
        if (commentCount == 0) {
            return false;
        }
        for (int p = 0; p < commentCount; p++) {
            if (!labelledPositions.contains(p)) {
                return false;
            }
        }
        return true;
    }
}
