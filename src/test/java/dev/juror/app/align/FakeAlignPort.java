package dev.juror.app.align;

import dev.juror.align.Split;
import dev.juror.workspace.align.AlignExperiment;
import dev.juror.workspace.align.Experiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The Align panel's port answering from memory: a stored round, scripted estimates and failures. */
final class FakeAlignPort implements AlignPort {

    final List<Experiment> stored = new ArrayList<>();
    final List<AlignForm> estimated = new ArrayList<>();
    final List<AlignForm> ran = new ArrayList<>();
    RuntimeException failure;
    String refusal = "";

    @Override
    public List<Experiment> rounds() {
        return List.copyOf(stored);
    }

    @Override
    public AlignExperiment.Estimate estimate(AlignForm form) {
        estimated.add(form);
        if (failure != null) {
            throw failure;
        }
        return new AlignExperiment.Estimate(3, 4, 4, 16, Optional.of(0.0123), "USD", "", refusal, List.of());
    }

    @Override
    public AlignExperiment.Outcome run(AlignForm form, Consumer<String> progress) {
        ran.add(form);
        if (failure != null) {
            throw failure;
        }
        progress.accept("judging candidate few-shot-1 on the validation split (4 samples)");
        progress.accept("chosen few-shot-1; judging it once on the test split (4 samples)");
        Experiment round = round(stored.size() + 1, "few-shot-1");
        stored.add(round);
        return new AlignExperiment.Outcome(round, Path.of("alignment", "001-contract-review"));
    }

    @Override
    public String diff(Experiment round) {
        return "--- contract-review.yaml\n+++ contract-review.aligned.yaml\n+examples:\n";
    }

    @Override
    public Path newVersion(Experiment round) {
        return Path.of("alignment").resolve(round.rubricFile());
    }

    /** A round that chose {@code chosen} (empty: kept the baseline), with one rejected candidate. */
    static Experiment round(int id, String chosen) {
        Map<String, Double> base = new LinkedHashMap<>();
        base.put("Actionability", 0.41);
        base.put("Accuracy", 0.52);
        Map<String, Double> better = new LinkedHashMap<>();
        better.put("Actionability", 0.63);
        better.put("Accuracy", 0.58);
        List<Experiment.CandidateRecord> candidates = List.of(
                new Experiment.CandidateRecord("baseline", "baseline", "the rubric as it is (run 1)", "", null,
                        base, base, 0, 0, 0),
                new Experiment.CandidateRecord("few-shot-1", "few-shot", "4 fixed examples", "", 7L, better, better,
                        20, 1000, 200),
                new Experiment.CandidateRecord("my-edit", "typed", "my-edit.yaml", "changes the scale of Accuracy",
                        null, Map.of(), Map.of(), 0, 0, 0));
        List<Experiment.DimensionResult> test = chosen.isEmpty() ? List.of() : List.of(
                new Experiment.DimensionResult("Actionability", 24, 0.61, 0.40, 0.78, 0.39, 0.22, 0.05, 0.37,
                        0.70, 0.55, 0.83));
        return new Experiment(id, "contract-review", "v1", "2026-12-08T06:00:00Z", "heuristic", "heuristic", 1,
                new Split(1, List.of("s1", "s2"), List.of("s3"), List.of("s4"), 20, 10, 10, chosen.isEmpty() ? 0 : 1),
                candidates, chosen, chosen.isEmpty() ? null : 8L, chosen.isEmpty() ? "" : "v2",
                chosen.isEmpty() ? "" : "001-contract-review/contract-review.aligned.yaml", test,
                chosen.isEmpty() ? 0 : 1, 40, 2000, 400, 0.0123, "USD", List.of());
    }
}
