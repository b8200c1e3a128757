package dev.juror.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredLabel;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review desk's labelling flow, driven through the view model with inline tasks: no toolkit. */
class ReviewDeskViewModelTest {

    @TempDir
    static Path folder;
    static Workspace workspace;

    private final AtomicReference<String> labeller = new AtomicReference<>("ann");
    private final MutableClock clock = new MutableClock();
    private ReviewDeskViewModel desk;

    @BeforeAll
    static void seed() throws Exception {
        workspace = SeededWorkspace.open(folder.resolve("ws"));
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @BeforeEach
    void openDesk() {
        desk = new ReviewDeskViewModel(new InlineBackgroundTasks(), labeller::get, clock, JudgeScores.NONE);
        desk.load(new ReviewData(workspace));
    }

    @Test
    void opensTheFirstRolloutWithTheContractAndItsComments() {
        assertThat(desk.rubricProperty().get().fileName()).isEqualTo("contract-review.yaml");
        assertThat(desk.sampleProperty().get()).isEqualTo(ReviewDeskViewModel.ALL_SAMPLES);
        OpenedRollout open = desk.currentProperty().get();
        assertThat(open).isNotNull();
        assertThat(open.target()).isNotEmpty();
        assertThat(desk.cards()).isNotEmpty();
        assertThat(desk.selectedProperty().get()).isGreaterThanOrEqualTo(0);
        assertThat(desk.rows()).extracting(DimensionRow::name)
                .containsExactlyElementsOf(desk.rubricProperty().get().rubric().dimensionNames());
    }

    private static class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
