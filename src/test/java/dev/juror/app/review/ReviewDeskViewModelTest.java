package dev.juror.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredLabel;
import dev.juror.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review desk's labelling flow, driven through the view model with inline background tasks:
 * no toolkit, no threads. Each test gets its own copy of one seeded workspace.
 */
class ReviewDeskViewModelTest {

    @TempDir
    static Path folder;
    static Path template;

    @TempDir
    Path testFolder;

    private final AtomicReference<String> labeller = new AtomicReference<>("Ann");
    private final MutableClock clock = new MutableClock();
    private Workspace workspace;
    private ReviewDeskViewModel desk;

    @BeforeAll
    static void seedTemplate() throws Exception {
        template = folder.resolve("template");
        SeededWorkspace.open(template).close();
    }

    @BeforeEach
    void openDesk() throws IOException {
        Path copy = testFolder.resolve("ws");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        workspace = Workspace.open(copy);
        desk = new ReviewDeskViewModel(new InlineBackgroundTasks(), labeller::get, clock);
        desk.load(new ReviewData(workspace));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void opensTheFirstRolloutWithItsContractAndSelectsTheFirstComment() {
        assertThat(desk.rubricProperty().get().fileName()).isEqualTo("contract-review.yaml");
        assertThat(desk.sampleProperty().get()).isEqualTo(ReviewDeskViewModel.ALL_SAMPLES);
        assertThat(desk.filterProperty().get()).isEqualTo(QueueFilter.UNLABELLED_BY_ME);
        OpenedRollout open = desk.currentProperty().get();
        assertThat(open.target()).contains("AGREEMENT");
        assertThat(desk.cards()).hasSize(open.items().size()).isNotEmpty();
        assertThat(desk.selectedProperty().get()).isZero();
        assertThat(desk.rows()).extracting(DimensionRow::name)
                .containsExactlyElementsOf(desk.rubricProperty().get().rubric().dimensionNames());
        assertThat(desk.rows().get(0).focusedProperty().get()).isTrue();
        assertThat(desk.progressProperty().get()).startsWith("0 of 166 comments labelled by you");
    }

    @Test
    void selectingACommentHighlightsItsExcerptInTheTarget() {
        ReviewItem item = desk.currentProperty().get().items().get(0);
        assertThat(item.location().status().inTarget()).isTrue();
        Highlight highlight = desk.highlightProperty().get();
        assertThat(highlight.document()).isEqualTo(Highlight.Document.TARGET);
        String target = desk.currentProperty().get().target();
        assertThat(target.substring(highlight.start(), highlight.end()).replaceAll("\\s+", " "))
                .contains(item.excerpt().strip().replaceAll("\\s+", " ").substring(0, 20));
    }

    @Test
    void excerptsThatQuoteTheReferenceOrNothingAreShownAsSuch() {
        desk.filterProperty().set(QueueFilter.ALL);
        List<CommentCard> problems = new java.util.ArrayList<>();
        for (int i = 0; i < desk.queue().size(); i++) {
            desk.openAt(i);
            desk.cards().stream().filter(CommentCard::excerptProblem).forEach(problems::add);
        }
        assertThat(problems).extracting(CommentCard::locationText)
                .contains("Quotes the reference, not the target");
        CommentCard inReference = problems.stream()
                .filter(c -> c.locationText().startsWith("Quotes the reference")).findFirst().orElseThrow();
        assertThat(inReference.item().location().start()).isNotNegative();
    }

    @Test
    void aDigitOutsideTheScaleIsRefusedWithAMessage() {
        desk.typeDigit(7);
        assertThat(desk.rows().get(0).score()).isNull();
        assertThat(desk.messageProperty().get()).contains("7 is not a level of \u201CAccurate quote, real issue\u201D (1-5)");
    }

    @Test
    void submitNeedsEveryDimensionAndFocusesTheFirstMissingOne() {
        desk.typeDigit(4);
        desk.moveFocus(2);
        desk.typeDigit(3);
        desk.submit();
        assertThat(new LabelRepository(workspace).count()).isZero();
        assertThat(desk.focusedRowProperty().get()).isEqualTo(1);
        assertThat(desk.messageProperty().get()).isEqualTo("Score Reference_Consistency first.");
    }

    @Test
    void submitStoresEveryDimensionWithTimeRubricVersionAndAdvances() {
        OpenedRollout open = desk.currentProperty().get();
        clock.advance(Duration.ofSeconds(42));
        scoreAll(4, 3, 5);
        desk.submit();

        List<StoredLabel> stored = new LabelRepository(workspace).byLabeller("Ann");
        assertThat(stored).hasSize(3).allSatisfy(label -> {
            assertThat(label.rolloutId()).isEqualTo(open.rollout().id());
            assertThat(label.commentPosition()).isZero();
            assertThat(label.secondsSpent()).isEqualTo(42.0);
            assertThat(label.rubricVersion()).isEqualTo(desk.rubricProperty().get().version());
            assertThat(label.judgeHidden()).isTrue();
        });
        assertThat(stored).extracting(StoredLabel::score).containsExactly("4", "3", "5");
        assertThat(desk.selectedProperty().get()).isEqualTo(1);
        assertThat(desk.cards().get(0).labelledByMe()).isTrue();
        assertThat(desk.progressProperty().get()).isEqualTo("1 of 166 comments labelled by you · median 42 s per label");
    }

    @Test
    void withoutALabellerNameNothingIsStored() {
        labeller.set("");
        scoreAll(4, 3, 5);
        desk.submit();
        assertThat(new LabelRepository(workspace).count()).isZero();
        assertThat(desk.messageProperty().get()).contains("Set your name first");
    }

    @Test
    void labellingTheLastCommentMovesToTheNextRolloutWithWorkLeft() {
        QueueEntry first = desk.currentProperty().get().entry();
        int comments = desk.cards().size();
        for (int i = 0; i < comments; i++) {
            scoreAll(2, 2, 2);
            desk.submit();
        }
        assertThat(desk.currentProperty().get().entry()).isNotEqualTo(first);
        assertThat(desk.queuePositionProperty().get()).isEqualTo(1);
        assertThat(desk.selectedProperty().get()).isZero();
    }

    @Test
    void otherLabellersAreHiddenUntilSubmitThenShownWithTheDisagreement() {
        OpenedRollout open = desk.currentProperty().get();
        List<String> dimensions = desk.rubricProperty().get().rubric().dimensionNames();
        new LabelRepository(workspace).submit(dimensions.stream().map(d -> new NewLabel("Bea", open.rollout().id(), 0,
                "c1", d, "3", "", 10, desk.rubricProperty().get().version(), true, false)).toList());
        desk.load(new ReviewData(workspace));

        CommentCard before = desk.cards().get(0);
        assertThat(before.revealed()).isEmpty();
        assertThat(before.hiddenCount()).isEqualTo(1);
        assertThat(desk.rows()).allSatisfy(row -> assertThat(row.others()).isEmpty());

        scoreAll(3, 1, 3);
        desk.submit();

        CommentCard after = desk.cards().get(0);
        assertThat(after.hiddenCount()).isZero();
        assertThat(after.revealed()).extracting(CommentCard.ScoreLine::who).containsExactly("You", "Bea");
        assertThat(after.revealed().get(1).differs()).containsExactly(false, true, false);
        assertThat(after.disagreement()).isTrue();
        desk.selectCard(0);
        assertThat(desk.rows().get(1).others()).containsExactly(new DimensionRow.OtherScore("Bea", "3", true));
    }

    @Test
    void labelsFromAPackShowWhoseImportTheyCameFromOnceRevealed() {
        OpenedRollout open = desk.currentProperty().get();
        List<String> dimensions = desk.rubricProperty().get().rubric().dimensionNames();
        List<StoredLabel> pack = dimensions.stream().map(d -> new StoredLabel(0, "bea-" + d, "Bea", open.rollout().id(),
                0, "c1", d, "3", "", 10, desk.rubricProperty().get().version(), true, false, clock.instant(),
                "pack:desk")).toList();
        new LabelRepository(workspace).merge(pack, new dev.juror.store.LabelImport(0, "ab12cd34" + "0".repeat(56),
                "bea.jsonl", "carol", Instant.parse("2026-12-07T09:00:00Z")));
        new LabelRepository(workspace).submit(List.of(new NewLabel("Cy", open.rollout().id(), 0, "c1",
                dimensions.get(0), "4", "", 10, desk.rubricProperty().get().version(), true, false)));
        desk.load(new ReviewData(workspace));
        assertThat(desk.cards().get(0).revealed()).isEmpty();

        scoreAll(3, 3, 3);
        desk.submit();

        List<CommentCard.ScoreLine> lines = desk.cards().get(0).revealed();
        assertThat(lines).extracting(CommentCard.ScoreLine::who).containsExactly("You", "Bea", "Cy");
        assertThat(lines).extracting(CommentCard.ScoreLine::origin).containsExactly("",
                "imported from pack ab12cd34 (bea.jsonl) by carol on 2026-12-07", "");
    }

    @Test
    void turningBlindModeOffShowsOthersBeforeSubmitting() {
        OpenedRollout open = desk.currentProperty().get();
        new LabelRepository(workspace).submit(List.of(new NewLabel("Bea", open.rollout().id(), 0, "c1",
                "Actionability", "5", "", 10, desk.rubricProperty().get().version(), true, false)));
        desk.load(new ReviewData(workspace));
        desk.blindProperty().set(false);
        assertThat(desk.cards().get(0).revealed()).extracting(CommentCard.ScoreLine::who).containsExactly("Bea");
    }

    @Test
    void flaggedAndSampleFiltersNarrowTheQueue() {
        desk.toggleFlag();
        scoreAll(1, 1, 1);
        desk.submit();
        desk.filterProperty().set(QueueFilter.FLAGGED);
        assertThat(desk.queue()).hasSize(1);
        assertThat(desk.currentProperty().get().entry()).isEqualTo(desk.queue().get(0));

        desk.filterProperty().set(QueueFilter.ALL);
        String sample = desk.samples().get(3);
        desk.sampleProperty().set(sample);
        assertThat(desk.queue()).isNotEmpty().allSatisfy(e -> assertThat(e.sampleId()).isEqualTo(sample));
    }

    @Test
    void disagreementsListItemsWhereTwoLabellersDiffer() {
        OpenedRollout open = desk.currentProperty().get();
        String version = desk.rubricProperty().get().version();
        LabelRepository labels = new LabelRepository(workspace);
        labels.submit(List.of(new NewLabel("Bea", open.rollout().id(), 1, "c2", "Actionability", "5", "", 1, version,
                true, false)));
        labels.submit(List.of(new NewLabel("Cy", open.rollout().id(), 1, "c2", "Actionability", "2", "", 1, version,
                true, false)));
        desk.load(new ReviewData(workspace));
        desk.filterProperty().set(QueueFilter.DISAGREEMENTS);
        assertThat(desk.queue()).extracting(QueueEntry::rolloutId).containsExactly(open.rollout().id());
    }

    @Test
    void jAndKMoveThroughTheQueue() {
        desk.filterProperty().set(QueueFilter.ALL);
        desk.nextRollout();
        desk.nextRollout();
        assertThat(desk.currentProperty().get().entry()).isEqualTo(desk.queue().get(2));
        desk.previousRollout();
        assertThat(desk.currentProperty().get().entry()).isEqualTo(desk.queue().get(1));
    }

    @Test
    void anUnparsedPredictionShowsItsParseErrorAndNothingToLabel() {
        desk.filterProperty().set(QueueFilter.ALL);
        int unparsed = desk.queue().stream().filter(e -> !e.parsed()).findFirst().map(desk.queue()::indexOf)
                .orElseThrow();
        desk.openAt(unparsed);
        assertThat(desk.cards()).isEmpty();
        assertThat(desk.rows()).isEmpty();
        assertThat(desk.messageProperty().get()).startsWith("The prediction could not be parsed: ");
        assertThat(desk.currentProperty().get().rollout().prediction()).isNotEmpty();
    }

    @Test
    void aResponseLevelRubricLabelsTheWholeResponseAtPositionMinusOne() throws IOException {
        Path rubrics = workspace.directory().resolve("rubrics");
        String yaml = Files.readString(rubrics.resolve("boolean-checklist.yaml"))
                .replace("name: boolean-checklist", "name: whole-response").replace("unit: comment", "unit: response");
        Files.writeString(rubrics.resolve("whole-response.yaml"), yaml);
        desk.load(new ReviewData(workspace));
        desk.rubricProperty().set(desk.rubrics().stream().filter(r -> r.fileName().equals("whole-response.yaml"))
                .findFirst().orElseThrow());

        assertThat(desk.cards()).singleElement().satisfies(card -> assertThat(card.item().isResponse()).isTrue());
        assertThat(desk.progressProperty().get()).startsWith("0 of 53 responses labelled by you");
        for (int i = 0; i < desk.rows().size(); i++) {
            desk.typeDigit(i % 2); // boolean scale: 1 = pass, 0 = fail
            desk.moveFocus(1);
        }
        desk.submit();
        List<StoredLabel> stored = new LabelRepository(workspace).byLabeller("Ann");
        assertThat(stored).hasSize(4).allSatisfy(l -> assertThat(l.commentPosition()).isEqualTo(-1));
        assertThat(stored).extracting(StoredLabel::score).containsExactly("fail", "pass", "fail", "pass");
    }

    private void scoreAll(int... scores) {
        desk.focusRow(0);
        for (int score : scores) {
            desk.typeDigit(score);
            desk.moveFocus(1);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
