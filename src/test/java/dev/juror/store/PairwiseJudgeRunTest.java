package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.calibration.views.PairwiseCalibration.PositionConsistency;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.ImportFormat;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.ReplayJudge;
import dev.juror.judge.ReplayKey;
import dev.juror.judge.ReplaySource;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.judge.run.RolloutPair;
import dev.juror.judge.run.RunItem;
import dev.juror.judge.run.RunResult;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.Reply;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Preference;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import dev.juror.workspace.judging.JudgeRunLauncher;
import dev.juror.workspace.judging.NewRun;
import dev.juror.workspace.judging.PreparedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pairwise judge runs in the store: pairs of the same sample in both orders, their storage with
 * both rollouts and the order, replay by the pair's content hash, resume, and the position
 * consistency read back from the stored verdicts.
 */
@ExtendWith(DummyAwsCredentials.class)
class PairwiseJudgeRunTest {

    static final Path RUBRIC = Path.of("rubrics/pairwise-preference.yaml");
    static final Path SAMPLES = Path.of("samples/contract-review/contract-review.jsonl");
    static final String CR01 = "cr-01-agape-odm-supply";
    static final String CR03 = "cr-03-deerskin-site-hosting";

    @TempDir
    Path temp;

    /** A pairwise answer giving every dimension and the winner to {@code verdict} (A, B or tie) as shown. */
    static String answer(String verdict) {
        String dim = "{\"verdict\": \"" + verdict + "\", \"justification\": \"seen\"}";
        return "{\"dimensions\": {\"Grounding\": " + dim + ", \"Coverage\": " + dim + ", \"Justification\": " + dim
                + ", \"Actionability\": " + dim + "}, \"winner\": \"" + verdict + "\", \"rationale\": \"r\"}";
    }

    private static Workspace withSamples(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir);
        new Importer(ws).importBatch(JsonlImportReader.read(SAMPLES), ImportOptions.refuseInvalid());
        return ws;
    }

    private static Rubric rubric() throws Exception {
        return new RubricYaml().read(RUBRIC);
    }

    @Test
    void pairsJoinRolloutsOfOneSampleOnlyAreCappedAndPlannedInBothOrders() throws Exception {
        try (Workspace ws = withSamples(temp)) {
            JudgePlanLoader loader = new JudgePlanLoader(ws);
            RolloutRepository rollouts = new RolloutRepository(ws);
            Map<Long, String> sampleOf = rollouts.summaries().stream().collect(Collectors.toMap(
                    RolloutRepository.Summary::rolloutId, RolloutRepository.Summary::sampleId));

            JudgePlanLoader.PairSelection all = loader.selectPairs(List.of(), 6);
            // 9 samples of 5 or 6 rollouts: 10 or 15 pairs each, capped at 6.
            assertThat(all.pairs()).hasSize(9 * 6);
            assertThat(all.samplesWithOneRollout()).isEmpty();
            assertThat(all.pairs()).allSatisfy(p -> assertThat(sampleOf.get(p.first())).isEqualTo(sampleOf.get(p.second())));
            assertThat(all.pairs().stream().map(p -> sampleOf.get(p.first()))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                    .hasSize(9).allSatisfy((sample, n) -> assertThat(n).isEqualTo(6L));
            assertThat(loader.selectPairs(List.of(), 6)).isEqualTo(all);

            JudgePlanLoader.PairSelection two = loader.selectPairs(List.of(CR01), 2);
            List<Long> cr01 = rollouts.ofSample(CR01).stream().map(StoredRollout::id).toList();
            assertThat(two.pairs()).containsExactly(new RolloutPair(cr01.get(0), cr01.get(1)),
                    new RolloutPair(cr01.get(2), cr01.get(3)));
            assertThat(two.rolloutIds()).containsExactlyElementsOf(cr01.subList(0, 4));

            JudgePlan plan = loader.planPairs(rubric(), two.pairs(), 2);
            assertThat(plan.calls()).isEqualTo(2 * 2 * 2);
            assertThat(plan.items()).extracting(i -> i.key(0)).containsExactly(
                    cr01.get(0) + ">" + cr01.get(1) + "#0", cr01.get(1) + ">" + cr01.get(0) + "#0",
                    cr01.get(2) + ">" + cr01.get(3) + "#0", cr01.get(3) + ">" + cr01.get(2) + "#0");
            JudgeItem ab = plan.items().get(0).item();
            JudgeItem ba = plan.items().get(1).item();
            assertThat(ab.prediction()).isEqualTo(rollouts.find(cr01.get(0)).orElseThrow().prediction());
            assertThat(ab.predictionB()).contains(rollouts.find(cr01.get(1)).orElseThrow().prediction());
            assertThat(ba.prediction()).isEqualTo(ab.predictionB().orElseThrow());
            assertThat(ba.predictionB()).contains(ab.prediction());
            assertThat(ab.target()).isEqualTo(ba.target()).isNotEmpty();

            long other = rollouts.ofSample(CR03).get(0).id();
            assertThatThrownBy(() -> loader.planPairs(rubric(), List.of(new RolloutPair(cr01.get(0), other)), 1))
                    .hasMessageContaining("a pair must be two rollouts of one sample");
        }
    }

    @Test
    void aPairwiseResultKeepsBothRolloutsAndTheOrderAndEachOrderIsStoredOnce() throws Exception {
        Rubric rubric = rubric();
        try (Workspace ws = withSamples(temp)) {
            JudgePlanLoader loader = new JudgePlanLoader(ws);
            List<RolloutPair> pairs = loader.selectPairs(List.of(CR01), 1).pairs();
            RolloutPair pair = pairs.get(0);
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            JudgeResultRepository results = new JudgeResultRepository(ws);
            long runId = runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), "yaml", "bedrock",
                    "m", "{}", 1, "samples " + CR01, List.of(pair.first(), pair.second()), pairs));
            List<RunItem> items = loader.planPairs(rubric, pairs, 1).items();
            JudgeResult firstWins = replayed(rubric, answer("A"), items.get(0).item());
            RunResult ab = new RunResult(pair.first(), Optional.of(new RunResult.Pair(pair.second(),
                    items.get(0).item().contentHash())), 0, firstWins);

            assertThat(results.save(runId, ab)).isTrue();
            assertThat(results.save(runId, ab)).isFalse();
            // The other order of the same pair is a result of its own.
            RunResult ba = new RunResult(pair.second(), Optional.of(new RunResult.Pair(pair.first(),
                    items.get(1).item().contentHash())), 0, replayed(rubric, answer("tie"), items.get(1).item()));
            assertThat(results.save(runId, ba)).isTrue();

            assertThat(results.finishedKeys(runId)).containsExactlyInAnyOrder(pair.first() + ">" + pair.second() + "#0",
                    pair.second() + ">" + pair.first() + "#0");
            List<JudgeResultRow> rows = results.resultsOf(runId);
            assertThat(rows).extracting(JudgeResultRow::rollouts)
                    .containsExactly(pair.first() + ">" + pair.second(), pair.second() + ">" + pair.first());
            assertThat(rows.get(0).rolloutBId()).isEqualTo(OptionalLong.of(pair.second()));
            assertThat(rows.get(0).sampleScore()).hasValue(1.0);
            assertThat(rows.get(1).sampleScore()).hasValue(0.5);
            // Per-dimension verdicts are stored like any response-level score: A 1, tie 0.5, B 0.
            assertThat(results.scoreDetailsOf(rows.get(0).id())).hasSize(4)
                    .allSatisfy(d -> assertThat(d.label()).isEqualTo("A"));

            StoredJudgeRun stored = runs.find(runId).orElseThrow();
            assertThat(stored.pairwise()).isTrue();
            assertThat(stored.pairs()).containsExactly(pair);
            assertThat(stored.expectedResults()).isEqualTo(2);
            assertThat(stored.results()).isEqualTo(2);

            // A pair's answer is replayed by its content hash, order included: (b, a) is another recording.
            String version = CanonicalForm.version(rubric);
            assertThat(new RecordingRepository(ws).find(new ReplayKey(version, "m", items.get(0).item().contentHash()), 0))
                    .get().extracting(ReplaySource.Recording::rawOutput).isEqualTo(answer("A"));
            assertThat(new RecordingRepository(ws).find(new ReplayKey(version, "m", items.get(1).item().contentHash()), 0))
                    .get().extracting(ReplaySource.Recording::rawOutput).isEqualTo(answer("tie"));
            assertThat(new RecordingRepository(ws).find(new ReplayKey(version, "m", items.get(0).item().contentHash()), 1)).isEmpty();
        }
    }

    private static JudgeResult replayed(Rubric rubric, String raw, JudgeItem item) {
        return new ReplayJudge((key, repeat) -> Optional.of(new ReplaySource.Recording(raw, "test")), "m").judge(item);
    }

    @Test
    void positionConsistencyIsReadFromTheVerdictsMappedBackToThePair() throws Exception {
        Rubric rubric = rubric();
        try (Workspace ws = withSamples(temp)) {
            JudgeRunLauncher launcher = new JudgeRunLauncher(ws);
            PreparedRun prepared = launcher.create(new NewRun(Files.readString(RUBRIC),
                    RUBRIC.toString(), "bedrock", "m", List.of(CR01), 1, JudgeSettings.NONE, OptionalInt.of(3)));
            StoredJudgeRun run = prepared.run();
            assertThat(run.pairs()).hasSize(3);
            JudgeRunRepository runs = launcher.runs();
            JudgeResultRepository results = new JudgeResultRepository(ws);
            List<RunItem> items = new JudgePlanLoader(ws).planPairs(rubric, run.pairs(), 1).items();
            // Shown verdicts per item, in plan order: pair 1 (A, B) consistent for its first rollout;
            // pair 2 (A, A): the first-shown candidate won both times; pair 3 (B, broken answer).
            List<String> shown = List.of(answer("A"), answer("B"), answer("A"), answer("A"), answer("B"),
                    answer("C"));
            for (int i = 0; i < items.size(); i++) {
                RunItem item = items.get(i);
                results.save(run.id(), new RunResult(item.rolloutId(), Optional.of(new RunResult.Pair(
                        item.rolloutBId().getAsLong(), item.item().contentHash())), 0,
                        replayed(rubric, shown.get(i), item.item())));
            }

            List<PairwiseResults.PairOutcome> outcomes = PairwiseResults.of(runs.find(run.id()).orElseThrow(),
                    results.resultsOf(run.id()));
            assertThat(outcomes).hasSize(3);
            assertThat(outcomes.get(0).firstOrderVerdict()).contains(Preference.A);
            assertThat(outcomes.get(0).secondOrderVerdict()).contains(Preference.A);
            assertThat(outcomes.get(1).swapped().orElseThrow().firstShownWins()).isTrue();
            assertThat(outcomes.get(2).firstOrderVerdict()).contains(Preference.B);
            assertThat(outcomes.get(2).secondShownFirst().orElseThrow().status()).isEqualTo("schema_error");
            assertThat(outcomes.get(2).swapped()).isEmpty();

            PositionConsistency pc = PairwiseResults.consistency(outcomes);
            assertThat(pc.pairs()).isEqualTo(2);
            assertThat(pc.consistency().value()).isEqualTo(0.5);
            assertThat(pc.firstShownWins()).isEqualTo(1);
            assertThat(pc.firstShownShare().value()).isEqualTo(1.0);
            assertThat(pc.balanced()).isEqualTo(Map.of("A", 1, "B", 0, "tie", 1));
        }
    }

    @Test
    void aResumedPairwiseRunDoesNotRedoFinishedPairs() throws Exception {
        try (Workspace ws = withSamples(temp); ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text(answer("A")).withUsage(900, 40, 0, 0));
            JudgeRunLauncher launcher = new JudgeRunLauncher(ws);
            JudgeSettings settings = new JudgeSettings(Optional.of("us-east-1"), Optional.empty(),
                    Optional.of(server.endpoint().toString()), Optional.empty(), Optional.empty(), Optional.of(1));
            PreparedRun prepared = launcher.create(new NewRun(Files.readString(RUBRIC),
                    RUBRIC.toString(), "bedrock", "", List.of(CR01, CR03), 1, settings, OptionalInt.of(2)));
            long runId = prepared.run().id();
            assertThat(prepared.run().expectedResults()).isEqualTo(2 * 2 * 2);

            // A first session stored the first pair in both orders and one order of the second, then died.
            List<RunItem> items = new JudgePlanLoader(ws).planPairs(prepared.rubric(), prepared.run().pairs(), 1)
                    .items();
            JudgeRunRepository runs = launcher.runs();
            JudgeResultRepository results = new JudgeResultRepository(ws);
            for (RunItem item : items.subList(0, 3)) {
                results.save(runId, new RunResult(item.rolloutId(), Optional.of(new RunResult.Pair(
                        item.rolloutBId().getAsLong(), item.item().contentHash())), 0,
                        replayed(prepared.rubric(), answer("B"), item.item())));
            }
            Set<String> before = results.finishedKeys(runId);

            JudgeRunLauncher.Finished end = launcher.start(launcher.resume(runId, JudgeSettings.NONE).orElseThrow(),
                    p -> { }).await();

            assertThat(end.status()).isEqualTo(JudgeRunStatus.FINISHED);
            assertThat(server.receivedCount()).isEqualTo(8 - 3);
            List<JudgeResultRow> rows = results.resultsOf(runId);
            assertThat(rows).hasSize(8);
            assertThat(rows.stream().map(r -> RunResult.key(r.rolloutId(), r.rolloutBId(), r.repeat())).distinct())
                    .hasSize(8).containsAll(before);
            // The results stored before the resume were kept, not overwritten.
            assertThat(rows).filteredOn(r -> before.contains(RunResult.key(r.rolloutId(), r.rolloutBId(), r.repeat())))
                    .allSatisfy(r -> assertThat(r.sampleScore()).hasValue(0.0));
        }
    }

    @Test
    void pointwiseResultsStoredBeforeV6KeepTheirKeyAndStayUnique() throws Exception {
        Rubric contract = new RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
        long runId;
        RunResult result;
        try (Workspace ws = withSamples(temp)) {
            JudgePlanLoader loader = new JudgePlanLoader(ws);
            List<Long> rollouts = loader.selectRollouts(List.of(CR01));
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            JudgeResultRepository results = new JudgeResultRepository(ws);
            runId = runs.create(new NewJudgeRun(contract.name(), CanonicalForm.version(contract), "yaml", "bedrock",
                    "m", "{}", 1, "samples " + CR01, rollouts));
            RunItem item = loader.plan(contract, rollouts.subList(0, 1), 1).items().get(0);
            result = new RunResult(item.rolloutId(), 0, new dev.juror.judge.heuristic.HeuristicJudge().judge(item.item()));
            assertThat(results.save(runId, result)).isTrue();
        }
        MigrationUndo.run(temp, MigrationUndo.V6);

        try (Workspace ws = Workspace.open(temp)) {
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            JudgeResultRepository results = new JudgeResultRepository(ws);
            assertThat(results.resultsOf(runId)).singleElement()
                    .satisfies(r -> assertThat(r.rolloutBId()).isEmpty());
            assertThat(results.finishedKeys(runId)).containsExactly(result.key());
            assertThat(results.save(runId, result)).isFalse();
            assertThat(runs.find(runId).orElseThrow().pairwise()).isFalse();
        }
    }

    @Test
    void samplesWithOneRolloutAreLeftOutAndAWorkspaceWithoutPairsIsRefused() throws Exception {
        try (Workspace ws = Workspace.open(temp)) {
            SampleInput single = new SampleInput("solo", "", "The contract.", "The playbook.", null, Map.of(),
                    List.of(new RolloutInput("[]", Map.of())), 1);
            new Importer(ws).importBatch(new ImportBatch(Path.of("x.jsonl"), ImportFormat.JUROR, List.of(single),
                    List.of(), List.of(), 1), ImportOptions.refuseInvalid());
            JudgeRunLauncher launcher = new JudgeRunLauncher(ws);
            String text = Files.readString(RUBRIC);

            assertThatThrownBy(() -> launcher.create(new NewRun(text, RUBRIC.toString(), "bedrock", "",
                    List.of(), 1, JudgeSettings.NONE)))
                    .isInstanceOfSatisfying(JudgeSetupException.class, e -> {
                        assertThat(e.setting()).isEqualTo("pairs");
                        assertThat(e.detail()).contains("no selected sample has two or more rollouts");
                    });
            assertThat(new JudgePlanLoader(ws).selectPairs(List.of(), 6).samplesWithOneRollout()).containsExactly("solo");
            assertThat(launcher.runs().list()).isEmpty();

            assertThatThrownBy(() -> launcher.create(new NewRun(text, RUBRIC.toString(), "heuristic", "",
                    List.of(), 1, JudgeSettings.NONE)))
                    .hasMessageContaining("the heuristic judge grades pointwise rubrics only");
            assertThatThrownBy(() -> launcher.create(new NewRun(text, RUBRIC.toString(), "bedrock", "",
                    List.of(), 1, JudgeSettings.NONE, OptionalInt.of(0))))
                    .isInstanceOfSatisfying(JudgeSetupException.class,
                            e -> assertThat(e.setting()).isEqualTo("max-pairs-per-sample"));
            String pointwise = Files.readString(Path.of("rubrics/contract-review.yaml"));
            assertThatThrownBy(() -> launcher.create(new NewRun(pointwise, "contract-review.yaml",
                    "heuristic", "", List.of(), 1, JudgeSettings.NONE, OptionalInt.of(3))))
                    .isInstanceOfSatisfying(JudgeSetupException.class, e -> {
                        assertThat(e.setting()).isEqualTo("max-pairs-per-sample");
                        assertThat(e.detail()).contains("pairwise rubrics only");
                    });
        }
    }
}
