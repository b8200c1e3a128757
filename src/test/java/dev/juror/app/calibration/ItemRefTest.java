package dev.juror.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemRefTest {

    @Test
    void parsesCommentAndResponseKeysWithSlashesInTheSampleId() {
        assertThat(ItemRef.parse("s1/0/2")).contains(new ItemRef("s1", 0, 2));
        assertThat(ItemRef.parse("batch/7/s1/3/-1")).contains(new ItemRef("batch/7/s1", 3, -1));
    }

    @Test
    void refusesKeysThatAreNotSampleRolloutPosition() {
        assertThat(ItemRef.parse("s1/0")).isEmpty(); // a rollout key, not an item
        assertThat(ItemRef.parse("s1")).isEmpty();
        assertThat(ItemRef.parse("/0/1")).isEmpty();
        assertThat(ItemRef.parse("s1/x/1")).isEmpty();
    }
}
