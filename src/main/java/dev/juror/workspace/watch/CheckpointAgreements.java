package dev.juror.workspace.watch;

import dev.juror.calibration.CalibrationEngine;
import dev.juror.calibration.CalibrationInput;
import dev.juror.calibration.CalibrationReport;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.Scales;
import dev.juror.calibration.rating.ItemKeys;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.StatWithCi;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgeRunLoader;
import dev.juror.store.Repositories;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.TrainingCheckpoint;
import dev.juror.store.Workspace;
import dev.juror.watch.WatchInputException;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.CheckpointEvidence;
import dev.juror.watch.detect.CheckpointScores;
import dev.juror.workspace.calibration.CalibrationDataLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judge-versus-expert agreement per checkpoint of a training run: for each checkpoint, its rollouts
 * (by {@code metadata.checkpoint}), the latest pointwise judge run that scored any of them, and the
 * experts' blind labels from the desk, through the calibration engine restricted to those rollouts;
 * so a checkpoint's numbers are what {@code juror calibrate} computes on the same rollouts (weighted
 * kappa per dimension with its bootstrap interval, the statistic the verdict reads).
 */
public final class CheckpointAgreements implements CheckpointEvidence {

    /**
     * One checkpoint measured.
     *
     * @param rollouts the checkpoint's rollouts in the workspace
     * @param judgeRun the judge run whose scores were used ({@code run-7}), empty when none scored them
     * @param note     why there are no numbers, or "" when there are
     */
    public record Measured(TrainingCheckpoint checkpoint, int rollouts, Optional<String> judgeRun,
                           CheckpointAgreement agreement, CheckpointScores scores, String note) {
    }

    private final Repositories repositories;
    private final BootstrapConfig config;

    public CheckpointAgreements(Workspace workspace, BootstrapConfig config) {
        this(Repositories.of(workspace), config);
    }

    public CheckpointAgreements(Repositories repositories, BootstrapConfig config) {
        this.repositories = repositories;
        this.config = config;
    }

    @Override
    public List<CheckpointAgreement> agreements(String run) {
        return measure(run).stream().map(Measured::agreement).toList();
    }

    @Override
    public List<CheckpointScores> scores(String run) {
        return measure(run).stream().map(Measured::scores).toList();
    }

    /**
     * @throws WatchInputException when there is no training run of that name
     */
    public List<Measured> measure(String run) {
        if (repositories.trainingRuns().find(run).isEmpty()) {
            throw new WatchInputException("--run " + run + ": no such training run in "
                    + repositories.workspace().directory() + "; list them with juror watch runs");
        }
        Map<String, List<Long>> byCheckpoint = new HashMap<>();
        repositories.rollouts().metadataValues(CheckpointTagging.CHECKPOINT)
                .forEach((id, checkpoint) -> byCheckpoint.computeIfAbsent(checkpoint, c -> new ArrayList<>()).add(id));
        List<StoredJudgeRun> judgeRuns = repositories.judgeRuns().list().stream().filter(r -> !r.pairwise())
                .sorted(Comparator.comparing(StoredJudgeRun::createdAt).thenComparingLong(StoredJudgeRun::id).reversed())
                .toList();
        Map<String, List<Rating>> labelsByRubric = new HashMap<>();
        List<Measured> out = new ArrayList<>();
        for (TrainingCheckpoint checkpoint : repositories.checkpoints().ofRun(run)) {
            List<Long> ids = byCheckpoint.getOrDefault(checkpoint.checkpoint(), List.of());
            Set<Long> idSet = Set.copyOf(ids);
            Optional<StoredJudgeRun> judge = judgeRuns.stream()
                    .filter(r -> r.rolloutIds().stream().anyMatch(idSet::contains)).findFirst();
            if (judge.isEmpty()) {
                out.add(empty(checkpoint, ids.size(), Optional.empty(), "no judge run scored its rollouts yet"));
                continue;
            }
            out.add(measure(checkpoint, ids, judge.get(), labelsByRubric));
        }
        return out;
    }

    private Measured measure(TrainingCheckpoint checkpoint, List<Long> ids, StoredJudgeRun stored,
                             Map<String, List<Rating>> labelsByRubric) {
        String runName = JudgeRunLoader.PREFIX + stored.id();
        Rubric rubric;
        try {
            rubric = new RubricYaml().read(stored.rubricYaml(), runName);
        } catch (RubricException e) {
            return empty(checkpoint, ids.size(), Optional.of(runName), runName + "'s rubric is not readable: "
                    + e.getMessage());
        }
        if (rubric.mode() == Mode.PAIRWISE) {
            return empty(checkpoint, ids.size(), Optional.of(runName), runName + " is pairwise");
        }
        Set<String> keys = repositories.rollouts().findAll(ids).values().stream()
                .map(r -> ItemKeys.rollout(r.sampleId(), r.index())).collect(Collectors.toSet());
        List<Rating> experts = labelsByRubric.computeIfAbsent(rubric.name() + "\n" + CanonicalForm.version(rubric),
                        k -> new CalibrationDataLoader(repositories).usable(rubric, false).labels().ratings()).stream()
                .filter(r -> keys.contains(ItemKeys.rolloutOf(r.itemKey()))).toList();
        JudgeRun all = new JudgeRunLoader(repositories).load(stored.id(), Scales.of(rubric)).run();
        JudgeRun judge = new JudgeRun(all.id(), all.rubricVersion(), all.judgeModel(), all.createdAt(),
                all.scores().stream().filter(s -> keys.contains(ItemKeys.rolloutOf(s.itemKey()))).toList());
        CalibrationReport report = new CalibrationEngine(config)
                .calibrate(new CalibrationInput(rubric, CanonicalForm.version(rubric), experts, List.of(judge)));
        Map<String, Double> kappa = new LinkedHashMap<>();
        Map<String, Double> lower = new LinkedHashMap<>();
        Map<String, Double> upper = new LinkedHashMap<>();
        for (DimensionCalibration d : report.dimensions()) {
            StatWithCi k = d.judges().getFirst().vsHumans().kappaQuadratic();
            kappa.put(d.dimension(), k.estimate().valueOr(Double.NaN));
            lower.put(d.dimension(), k.lower().valueOr(Double.NaN));
            upper.put(d.dimension(), k.upper().valueOr(Double.NaN));
        }
        Set<String> judgedItems = judge.ratings().stream().map(r -> r.itemKey() + "\n" + r.dimension())
                .collect(Collectors.toSet());
        int labelled = (int) experts.stream().filter(r -> judgedItems.contains(r.itemKey() + "\n" + r.dimension()))
                .map(r -> ItemKeys.rolloutOf(r.itemKey())).distinct().count();
        List<CheckpointScores.Pair> pairs = RolloutScorePairs.of(rubric, judge.ratings(), experts);
        CheckpointAgreement agreement = new CheckpointAgreement(checkpoint.checkpoint(), checkpoint.step(), labelled,
                kappa, lower, upper, mean(pairs, true), mean(pairs, false));
        String note = labelled == 0 ? "no expert label on a rollout " + runName + " scored" : "";
        return new Measured(checkpoint, ids.size(), Optional.of(runName), agreement,
                new CheckpointScores(checkpoint.checkpoint(), checkpoint.step(), pairs), note);
    }

    private static Measured empty(TrainingCheckpoint checkpoint, int rollouts, Optional<String> judgeRun, String note) {
        return new Measured(checkpoint, rollouts, judgeRun, new CheckpointAgreement(checkpoint.checkpoint(),
                checkpoint.step(), 0, Map.of(), Map.of(), Map.of(), Double.NaN, Double.NaN),
                new CheckpointScores(checkpoint.checkpoint(), checkpoint.step(), List.of()), note);
    }

    private static double mean(List<CheckpointScores.Pair> pairs, boolean judge) {
        return pairs.stream().mapToDouble(p -> judge ? p.judge() : p.expert()).average().orElse(Double.NaN);
    }
}
