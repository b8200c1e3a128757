package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelRepositoryTest {

    @TempDir
    Path dir;

    private Workspace workspace;
    private long rolloutId;

    @BeforeEach
    void importOneSample() {
        workspace = Workspace.open(dir);
        new Importer(workspace).importBatch(Batches.samples(1, 2), ImportOptions.refuseInvalid());
        rolloutId = new RolloutRepository(workspace).ofSample(
                new SampleRepository(workspace).list(0, 1).get(0).id()).get(0).id();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private NewLabel label(String labeller, String dimension, String score) {
        return new NewLabel(labeller, rolloutId, 0, "c1", dimension, score, "", 12.5, "v1", true, false);
    }

    private LabelRepository at(String instant) {
        return new LabelRepository(workspace, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void aCorrectionIsANewRowAndTheNewestCounts() {
        at("2026-01-01T10:00:00Z").submit(List.of(label("ana", "Grounding", "2"), label("ana", "Actionability", "4")));
        at("2026-01-01T11:00:00Z").submit(List.of(label("ana", "Grounding", "5")));

        assertThat(new LabelRepository(workspace).count()).isEqualTo(3);
        List<StoredLabel> latest = new LabelRepository(workspace).latest();
        assertThat(latest).extracting(StoredLabel::dimension, StoredLabel::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Actionability", "4"),
                        org.assertj.core.groups.Tuple.tuple("Grounding", "5"));
        assertThat(new LabelRepository(workspace).history("ana", new LabelItem(rolloutId, 0, "Grounding")))
                .extracting(StoredLabel::score).containsExactly("2", "5");
    }

    @Test
    void eachLabellerKeepsTheirOwnLatestLabel() {
        LabelRepository labels = at("2026-01-01T10:00:00Z");
        labels.submit(List.of(label("ana", "Grounding", "2")));
        labels.submit(List.of(label("ben", "Grounding", "4")));

        assertThat(labels.latestForRollout(rolloutId)).extracting(StoredLabel::labeller, StoredLabel::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ana", "2"),
                        org.assertj.core.groups.Tuple.tuple("ben", "4"));
        assertThat(labels.labellers()).containsExactly("ana", "ben");
    }

    @Test
    void mergingTheSameLabelsTwiceAddsThemOnce() {
        List<StoredLabel> made = at("2026-01-01T10:00:00Z").submit(List.of(label("ana", "Grounding", "3")));
        LabelRepository labels = new LabelRepository(workspace);

        assertThat(labels.merge(made)).isEmpty();
        StoredLabel foreign = new StoredLabel(0, "pack-uid-1", "ben", rolloutId, 0, "c1", "Grounding", "1", "n", 3,
                "v1", true, false, Instant.parse("2026-01-02T00:00:00Z"), "pack:ben.jsonl");
        assertThat(labels.merge(List.of(foreign))).hasSize(1);
        assertThat(labels.merge(List.of(foreign))).isEmpty();
        assertThat(labels.count()).isEqualTo(2);
        assertThat(labels.byLabeller("ben").get(0).origin()).isEqualTo("pack:ben.jsonl");
    }

    @Test
    void aSubmitIsAllOrNothing() {
        LabelRepository labels = new LabelRepository(workspace);
        NewLabel unknownRollout = new NewLabel("ana", 987_654, 0, "c1", "Grounding", "3", "", 1, "v1", true, false);

        assertThatThrownBy(() -> labels.submit(List.of(label("ana", "Actionability", "4"), unknownRollout)))
                .isInstanceOf(StoreException.class);
        assertThat(labels.count()).isZero();
    }

    @Test
    void aSubmittedLabelIsThereAfterReopening() {
        new LabelRepository(workspace).submit(List.of(label("ana", "Grounding", "4")));
        workspace.close();
        workspace = Workspace.open(dir);

        assertThat(new LabelRepository(workspace).latest()).extracting(StoredLabel::score).containsExactly("4");
    }
}
