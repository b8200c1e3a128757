package dev.juror.judge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RolloutPairsTest {

    private static List<Long> rollouts(int n) {
        return LongStream.range(0, n).map(i -> 100 + i).boxed().toList();
    }

    @Test
    void everyUnorderedPairWhenTheCapAllowsEachOnceWithTheEarlierRolloutFirst() {
        List<RolloutPair> pairs = RolloutPairs.choose(rollouts(4), 6);

        assertThat(pairs).hasSize(6);
        Set<Set<Long>> unordered = new HashSet<>();
        for (RolloutPair p : pairs) {
            assertThat(p.first()).isLessThan(p.second());
            unordered.add(Set.of(p.first(), p.second()));
        }
        assertThat(unordered).hasSize(6);
    }

    @Test
    void aCappedSampleComparesEveryRolloutBeforeAnyTwice() {
        assertThat(RolloutPairs.choose(rollouts(8), 6)).extracting(RolloutPair::toString)
                .containsExactly("100-101", "102-103", "104-105", "106-107", "101-102", "103-104");

        // 15 rollouts, 10 pairs: nobody is in more than two pairs, and at most one rollout is in none.
        Map<Long, Integer> load = new HashMap<>();
        List<RolloutPair> pairs = RolloutPairs.choose(rollouts(15), 10);
        assertThat(pairs).hasSize(10);
        pairs.forEach(p -> {
            load.merge(p.first(), 1, Integer::sum);
            load.merge(p.second(), 1, Integer::sum);
        });
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));
        assertThat(load).hasSize(15);
    }

    @Test
    void theChoiceIsDeterministic() {
        List<Long> ids = List.of(7L, 3L, 42L, 9L, 11L, 5L, 8L);
        assertThat(RolloutPairs.choose(ids, 5)).isEqualTo(RolloutPairs.choose(List.copyOf(ids), 5));
        // "first" follows the sample's order, not the id's value.
        assertThat(RolloutPairs.choose(ids, 1)).containsExactly(new RolloutPair(7, 3));
    }

    @Test
    void fewerThanTwoRolloutsGiveNoPairAndTheCapIsChecked() {
        assertThat(RolloutPairs.choose(rollouts(1), 6)).isEmpty();
        assertThat(RolloutPairs.choose(List.of(), 6)).isEmpty();
        assertThat(RolloutPairs.choose(rollouts(2), 6)).containsExactly(new RolloutPair(100, 101));
        assertThatThrownBy(() -> RolloutPairs.choose(rollouts(3), 0)).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> new RolloutPair(5, 5)).hasMessageContaining("two different rollouts");
    }
}
