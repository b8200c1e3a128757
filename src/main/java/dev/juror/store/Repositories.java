package dev.juror.store;

import java.time.Clock;

/**
 * Every repository of one open workspace, created here and nowhere else in {@code store}: a
 * repository never builds another one, and what needs several (the loaders, the workspace layer's
 * services) is given them from here. One repository per aggregate; each is a thin, stateless view
 * of the workspace's database, so building them is cheap.
 *
 * <p>The clock stamps what the repositories write (labels, anchor sets, judge runs and their results), so tests can
 * fix it.
 */
public final class Repositories {

    private final Workspace workspace;
    private final SampleRepository samples;
    private final RolloutRepository rollouts;
    private final DocumentRepository documents;
    private final LabelRepository labels;
    private final AdjudicationRepository adjudications;
    private final ExpertIssueRepository expertIssues;
    private final PreferenceRepository preferences;
    private final AnchorSetRepository anchorSets;
    private final JudgeRunRepository judgeRuns;
    private final JudgeResultRepository judgeResults;
    private final RecordingRepository recordings;
    private final CalibrationRepository calibration;
    private final ImportRepository imports;
    private final QueueRepository queues;
    private final BatchJobRepository batchJobs;
    private final TrainingRunRepository trainingRuns;
    private final CheckpointRepository checkpoints;

    private Repositories(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.samples = new SampleRepository(workspace);
        this.rollouts = new RolloutRepository(workspace);
        this.documents = new DocumentRepository(workspace);
        this.labels = new LabelRepository(workspace, clock);
        this.adjudications = new AdjudicationRepository(workspace, clock);
        this.expertIssues = new ExpertIssueRepository(workspace, clock);
        this.preferences = new PreferenceRepository(workspace, clock);
        this.anchorSets = new AnchorSetRepository(workspace, clock);
        this.judgeRuns = new JudgeRunRepository(workspace, clock);
        this.judgeResults = new JudgeResultRepository(workspace, clock);
        this.recordings = new RecordingRepository(workspace);
        this.calibration = new CalibrationRepository(workspace);
        this.imports = new ImportRepository(workspace);
        this.queues = new QueueRepository(workspace, clock);
        this.batchJobs = new BatchJobRepository(workspace, clock);
        this.trainingRuns = new TrainingRunRepository(workspace, clock);
        this.checkpoints = new CheckpointRepository(workspace, clock);
    }

    public static Repositories of(Workspace workspace) {
        return of(workspace, Clock.systemUTC());
    }

    public static Repositories of(Workspace workspace, Clock clock) {
        return new Repositories(workspace, clock);
    }

    public Workspace workspace() {
        return workspace;
    }

    public SampleRepository samples() {
        return samples;
    }

    public RolloutRepository rollouts() {
        return rollouts;
    }

    public DocumentRepository documents() {
        return documents;
    }

    public LabelRepository labels() {
        return labels;
    }

    /** Adjudicated scores, append-only beside the labels. */
    public AdjudicationRepository adjudications() {
        return adjudications;
    }

    /** The experts' missed issues (passages the model should have raised). */
    public ExpertIssueRepository expertIssues() {
        return expertIssues;
    }

    /** The per-dimension verdicts of pairwise judge runs. */
    public PairwiseScoreRepository pairwiseScores() {
        return new PairwiseScoreRepository(workspace);
    }

    /** Human preferences of pairwise rubrics, append-only beside the labels. */
    public PreferenceRepository preferences() {
        return preferences;
    }

    public AnchorSetRepository anchorSets() {
        return anchorSets;
    }

    /** Judge runs: creation, status, owning process, failure threshold, retries. */
    public JudgeRunRepository judgeRuns() {
        return judgeRuns;
    }

    /** What judge runs stored: results and their scores. */
    public JudgeResultRepository judgeResults() {
        return judgeResults;
    }

    /** The answers live judges recorded, for the replay judge. */
    public RecordingRepository recordings() {
        return recordings;
    }

    public CalibrationRepository calibration() {
        return calibration;
    }

    public ImportRepository imports() {
        return imports;
    }

    /** Review queues: named, fixed selections of rollouts per labeller. */
    public QueueRepository queues() {
        return queues;
    }

    public BatchJobRepository batchJobs() {
        return batchJobs;
    }

    /** Training runs the watch imports feed: reward records and step metrics (V15). */
    public TrainingRunRepository trainingRuns() {
        return trainingRuns;
    }

    /** Checkpoints of training runs: name, run and step (V16). */
    public CheckpointRepository checkpoints() {
        return checkpoints;
    }
}
