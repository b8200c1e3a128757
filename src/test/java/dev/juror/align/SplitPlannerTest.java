package dev.juror.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitPlannerTest {

    /** {@code samples} samples of {@code perSample} items; sample i's experts score 1 + i % 5. */
    private static List<LabelledItem> items(int samples, int perSample) {
        List<LabelledItem> out = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < perSample; c++) {
                out.add(new LabelledItem("s" + s + "/0/" + c, "s" + s, Map.of("A", 1 + s % 5, "B", 1 + s % 5)));
            }
        }
        return out;
    }

    @Test
    void splitsBySampleSoNoSampleStraddlesTwoSplits() {
        Split split = SplitPlanner.plan(items(40, 3), 7);
        Set<String> all = new HashSet<>();
        all.addAll(split.train());
        all.addAll(split.validation());
        all.addAll(split.test());
        assertThat(all).hasSize(40);
        assertThat(split.train().size() + split.validation().size() + split.test().size()).isEqualTo(40);
        assertThat(split.trainItems() + split.validationItems() + split.testItems()).isEqualTo(120);
        assertThat(split.train()).hasSize(20);
        assertThat(split.validation()).hasSize(10);
        assertThat(split.test()).hasSize(10);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        assertThat(SplitPlanner.plan(items(40, 3), 7)).isEqualTo(SplitPlanner.plan(items(40, 3), 7));
        assertThat(SplitPlanner.plan(items(40, 3), 7).test()).isNotEqualTo(SplitPlanner.plan(items(40, 3), 8).test());
    }

    @Test
    void everyScoreLevelReachesValidationAndTest() {
        Split split = SplitPlanner.plan(items(40, 3), 3);
        for (List<String> part : List.of(split.validation(), split.test())) {
            Set<Integer> levels = new HashSet<>();
            part.forEach(s -> levels.add(1 + Integer.parseInt(s.substring(1)) % 5));
            assertThat(levels).as(part.toString()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }
    }

    @Test
    void tooFewSamplesIsRefusedWithTheMinimum() {
        assertThatThrownBy(() -> SplitPlanner.plan(items(5, 20), 1)).isInstanceOf(AlignInputException.class)
                .hasMessageContaining("at least 6 samples").hasMessageContaining("cover 5 samples (100 items)");
    }

    @Test
    void tooFewItemsIsRefusedWithTheCounts() {
        assertThatThrownBy(() -> SplitPlanner.plan(items(8, 2), 1)).isInstanceOf(AlignInputException.class)
                .hasMessageContaining("too few labelled items").hasMessageContaining("(needs 10)");
    }
}
