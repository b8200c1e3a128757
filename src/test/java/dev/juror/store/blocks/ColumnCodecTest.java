package dev.juror.store.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each packed format gives back exactly what went in, and picks the small form where it applies. */
class ColumnCodecTest {

    private static String[] roundTrip(String... values) {
        return TextColumn.decode(TextColumn.encode(values, values.length), values.length);
    }

    @Test
    void textColumnsInEveryFormat() {
        String a = "5f1c0ffee00000000000000000000000000000000000000000000000000000a1";
        String b = "00ff00ff00000000000000000000000000000000000000000000000000000000";
        assertThat(TextColumn.encode(new String[] {a, b}, 2)).hasSize(1 + 1 + 64); // hex: half the characters
        assertThat(roundTrip(a, b)).containsExactly(a, b);
        assertThat(roundTrip("r-1", "r-1", null, "r-1", "r-2", "r-1")).containsExactly("r-1", "r-1", null, "r-1", "r-2",
                "r-1");
        assertThat(roundTrip("rewards.jsonl:1", "rewards.jsonl:2", "rewards.jsonl:10", "x.log:0"))
                .containsExactly("rewards.jsonl:1", "rewards.jsonl:2", "rewards.jsonl:10", "x.log:0");
        assertThat(roundTrip("a:01", "b:2", "c:3")).containsExactly("a:01", "b:2", "c:3");
        assertThat(roundTrip("é✓ one", null, "", "two\nlines", "ABCDEF")).containsExactly("é✓ one", null, "", "two\nlines",
                "ABCDEF");
        assertThat(roundTrip(a.toUpperCase(), b)).containsExactly(a.toUpperCase(), b);
        assertThat(roundTrip()).isEmpty();
        assertThat(roundTrip(null, null, null)).containsExactly(null, null, null);
    }

    @Test
    void numberColumnsBitForBit() {
        long[] rising = {1_733_626_800_000_000L, 1_733_626_800_000_100L, 1_733_626_800_000_100L, 1_733_626_799_000_000L};
        assertThat(Packed.longs(rising, 4).length).isLessThan(8 * 4);
        assertThat(Packed.longs(Packed.longs(rising, 4), 4)).containsExactly(rising);
        long[] random = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0x9E3779B97F4A7C15L};
        assertThat(Packed.longs(Packed.longs(random, 4), 4)).containsExactly(random);
        int[] ints = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 300};
        assertThat(Packed.ints(Packed.ints(ints, 5), 5)).containsExactly(ints);
        double[] doubles = {0.1, -0.0, Double.NaN, Double.MIN_VALUE, 1e300, Double.POSITIVE_INFINITY};
        double[] back = Packed.doubles(Packed.doubles(doubles, 6), 6);
        for (int i = 0; i < doubles.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(doubles[i]));
        }
        byte[] flags = {0, 1, 2, 7};
        assertThat(Packed.flags(Packed.flagColumn(flags, 4), 4)).containsExactly(flags);
    }

    @Test
    void aColumnCutShortIsAnErrorNotZeros() {
        byte[] column = Packed.doubles(new double[] {1, 2, 3}, 3);
        assertThatThrownBy(() -> Packed.doubles(Arrays.copyOf(column, column.length - 1), 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ends early");
    }
}
