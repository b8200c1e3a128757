package dev.juror.workspace.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.workspace.queues.QueueInputs.ItemScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Each strategy yields what it claims, on hand-made inputs. */
class QueueEnginesTest {

    private static final List<Long> TWELVE = LongStream.rangeClosed(1, 12).boxed().toList();
    private static final QueueParameters EVERY_SCORE = new QueueParameters(ScoreBands.eachScore(), "", 7);

    private static QueueInputs inputs(Set<Long> labelled, Map<Long, Double> runScores, List<ItemScore> judge,
                                      List<ItemScore> humans, Map<Long, String> checkpoints) {
        return new QueueInputs(TWELVE, labelled, runScores, judge, humans, checkpoints);
    }

    private static List<Long> rank(QueueStrategy strategy, QueueInputs inputs, QueueParameters parameters, long seed) {
        return strategy.engine().rank(inputs, parameters, new Random(seed));
    }

    @Test
    void stratifiedTakesEqualCountsFromEachBand() {
        // eight rollouts scored 1, two scored 3, two scored 5: the bands are very unequal
        Map<Long, Double> scores = new HashMap<>();
        TWELVE.forEach(r -> scores.put(r, r <= 8 ? 1.2 : r <= 10 ? 3.0 : 4.6));
        List<Long> ranked = rank(QueueStrategy.STRATIFIED, inputs(Set.of(), scores, List.of(), List.of(), Map.of()),
                EVERY_SCORE, 1);
        Function<Long, Long> band = r -> Math.round(scores.get(r));
        assertThat(ranked.subList(0, 6).stream().collect(Collectors.groupingBy(band, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(1L, 2L, 3L, 2L, 5L, 2L));
        assertThat(ranked).containsExactlyInAnyOrderElementsOf(TWELVE);
    }

    @Test
    void stratifiedWithWrittenBandsGroupsScoresAndLeavesOutTheRest() {
        Map<Long, Double> scores = new HashMap<>();
        TWELVE.forEach(r -> scores.put(r, (double) (r % 5) + 1)); // scores 1..5
        QueueParameters bands = new QueueParameters(ScoreBands.parse("1-2, 4-5"), "", 7);
        List<Long> ranked = rank(QueueStrategy.STRATIFIED, inputs(Set.of(), scores, List.of(), List.of(), Map.of()),
                bands, 3);
        assertThat(ranked).noneMatch(r -> scores.get(r) == 3.0).hasSize(9); // five score 1-2, four 4-5
        assertThat(ranked.subList(0, 8).stream().filter(r -> scores.get(r) <= 2).count()).isEqualTo(4);
        assertThatThrownBy(() -> ScoreBands.parse("1-3,3-5")).hasMessage("bands 1-3 and 3-5 overlap");
        assertThatThrownBy(() -> ScoreBands.parse("low")).hasMessageContaining("'low' is not a whole score");
    }

    @Test
    void disagreementPutsTheLargestJudgeHumanGapFirstAndLeavesOutAgreement() {
        List<ItemScore> judge = List.of(
                new ItemScore(1, 0, "A", "0", 5), new ItemScore(1, 0, "A", "1", 5),
                new ItemScore(2, 0, "A", "0", 4), new ItemScore(2, 1, "B", "0", 2),
                new ItemScore(3, 0, "A", "0", 3),
                new ItemScore(4, 0, "A", "0", 1), // nobody labelled rollout 4
                new ItemScore(5, -1, "A", "0", 5));
        List<ItemScore> humans = List.of(
                new ItemScore(1, 0, "A", "Ann", 4), new ItemScore(1, 0, "A", "Bea", 4), // gap 1
                new ItemScore(2, 0, "A", "Ann", 4), new ItemScore(2, 1, "B", "Ann", 5), // gap 3 on B
                new ItemScore(3, 0, "A", "Ann", 3), // agrees
                new ItemScore(5, -1, "A", "Ann", 1), new ItemScore(5, -1, "A", "Bea", 2)); // gap 3.5
        List<Long> ranked = rank(QueueStrategy.DISAGREEMENT, inputs(Set.of(1L, 2L, 3L, 5L), Map.of(), judge, humans,
                Map.of()), EVERY_SCORE, 1);
        assertThat(ranked).containsExactly(5L, 2L, 1L);
    }

    @Test
    void uncertainKeepsOnlyRolloutsWhoseRepeatsFlipWidestFirst() {
        List<ItemScore> judge = new ArrayList<>(List.of(
                new ItemScore(1, 0, "A", "0", 3), new ItemScore(1, 0, "A", "1", 3), // steady
                new ItemScore(2, 0, "A", "0", 2), new ItemScore(2, 0, "A", "1", 3), // flips by 1
                new ItemScore(3, 0, "A", "0", 1), new ItemScore(3, 0, "A", "1", 4), // flips by 3
                new ItemScore(4, 0, "A", "0", 2), new ItemScore(4, 0, "A", "1", 3), // flips by 1, twice
                new ItemScore(4, 1, "B", "0", 5), new ItemScore(4, 1, "B", "1", 4)));
        List<Long> ranked = rank(QueueStrategy.UNCERTAIN, inputs(Set.of(), Map.of(), judge, List.of(), Map.of()),
                EVERY_SCORE, 1);
        assertThat(ranked).containsExactly(3L, 4L, 2L);
    }

    @Test
    void freshDrawsOnlyUnlabelledRolloutsAndTheSameSeedDrawsTheSameSample() {
        QueueInputs inputs = inputs(Set.of(1L, 2L, 5L, 9L), Map.of(), List.of(), List.of(), Map.of());
        List<Long> first = rank(QueueStrategy.FRESH, inputs, EVERY_SCORE, 42);
        assertThat(first).doesNotContain(1L, 2L, 5L, 9L).hasSize(8);
        assertThat(rank(QueueStrategy.FRESH, inputs, EVERY_SCORE, 42)).isEqualTo(first);
        assertThat(rank(QueueStrategy.FRESH, inputs, EVERY_SCORE, 43)).isNotEqualTo(first);
    }

    @Test
    void checkpointDrawsEachCheckpointInTurnOrOnlyTheOneNamed() {
        Map<Long, String> checkpoints = new HashMap<>();
        TWELVE.stream().filter(r -> r <= 10).forEach(r -> checkpoints.put(r, r <= 6 ? "step-32" : "step-64"));
        QueueInputs inputs = inputs(Set.of(), Map.of(), List.of(), List.of(), checkpoints);
        List<Long> each = rank(QueueStrategy.CHECKPOINT, inputs, EVERY_SCORE, 5);
        assertThat(each).hasSize(10).doesNotContain(11L, 12L);
        assertThat(each.subList(0, 8).stream().filter(r -> r <= 6).count()).isEqualTo(4);
        List<Long> one = rank(QueueStrategy.CHECKPOINT, inputs,
                new QueueParameters(ScoreBands.eachScore(), "step-64", 0), 5);
        assertThat(one).containsExactlyInAnyOrder(7L, 8L, 9L, 10L);
    }

    @Test
    void overlapGivesEachRolloutToExactlyThatManyLabellersAndNobodyMoreThanTheCount() {
        Map<String, List<Long>> assigned = Assignment.of(TWELVE, List.of("Ann", "Bea", "Cy"), 4, 2);
        assertThat(assigned).containsOnlyKeys("Ann", "Bea", "Cy");
        assigned.values().forEach(items -> assertThat(items).hasSize(4).doesNotHaveDuplicates());
        Map<Long, Long> holders = assigned.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(holders).hasSize(6).allSatisfy((rollout, k) -> assertThat(k).isEqualTo(2L));
        assertThat(holders.keySet()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L); // the best ranked first

        Map<String, List<Long>> everyone = Assignment.of(TWELVE, List.of("Ann", "Bea"), 5, 2);
        assertThat(everyone.get("Ann")).isEqualTo(everyone.get("Bea")).containsExactly(1L, 2L, 3L, 4L, 5L);

        Map<String, List<Long>> split = Assignment.of(List.of(1L, 2L, 3L), List.of("Ann", "Bea"), 10, 1);
        assertThat(split.get("Ann")).containsExactly(1L, 3L);
        assertThat(split.get("Bea")).containsExactly(2L);
    }
}
