package dev.juror.workspace.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.AnchorSet;
import dev.juror.store.AnchorSetRepository;
import dev.juror.store.Batches;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoreException;
import dev.juror.store.StoredLabel;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorSetsTest {

    private static final String GROUNDING = "TargetDocument_Grounding";
    private static final String ACTIONABILITY = "Actionability";

    @TempDir
    Path dir;

    private Workspace workspace;
    private Rubric rubric;
    private long first;
    private long second;

    @BeforeEach
    void importAndLabel() throws Exception {
        workspace = Workspace.open(dir);
        new Importer(workspace).importBatch(Batches.samples(2, 1), ImportOptions.refuseInvalid());
        first = new RolloutRepository(workspace).find("s1", 0).orElseThrow().id();
        second = new RolloutRepository(workspace).find("s2", 0).orElseThrow().id();
        rubric = new RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
        at("2026-11-20T09:00:00Z").submit(List.of(
                label("ana", first, 0, GROUNDING, "4", true),
                label("ana", first, 0, ACTIONABILITY, "3", true),
                label("ben", first, 0, GROUNDING, "5", true),
                label("ana", first, 1, GROUNDING, "2", true),
                label("ana", second, 0, GROUNDING, "1", false),   // judge visible: not usable
                label("ben", second, 0, GROUNDING, "9", true),    // off the 1-5 scale
                label("ben", second, 0, "Tone", "3", true)));     // not a dimension of the rubric
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private static NewLabel label(String who, long rollout, int position, String dimension, String score, boolean hidden) {
        return new NewLabel(who, rollout, position, "c" + (position + 1), dimension, score, who + " note", 10, "v1",
                hidden, false);
    }

    private LabelRepository at(String instant) {
        return new LabelRepository(workspace, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private AnchorSets anchorsAt(String instant) {
        return new AnchorSets(workspace, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private List<Rating> current() {
        return new CalibrationDataLoader(workspace).humanLabels(rubric).ratings();
    }

    @Test
    void everyStoredLabelIsCountedOrLeftOutWithItsReason() {
        at("2026-11-21T09:00:00Z").submit(List.of(label("ana", first, 0, GROUNDING, "3", true))); // a correction

        CalibrationDataLoader.HumanLabels labels = new CalibrationDataLoader(workspace).humanLabels(rubric);

        assertThat(labels.ratings()).hasSize(4);
        assertThat(labels.replaced()).isEqualTo(1);
        assertThat(labels.notBlind()).isEqualTo(1);
        assertThat(labels.offScale()).isEqualTo(1);
        assertThat(labels.otherDimensions()).isEqualTo(1);
        assertThat(labels.ratings().size() + labels.replaced() + labels.notBlind() + labels.offScale()
                + labels.otherDimensions()).isEqualTo(new LabelRepository(workspace).count());
        List<String> notes = new WorkspaceCalibration(workspace).run(rubric, List.of(),
                BootstrapConfig.defaults(1).withResamples(50), 2, null).notes();
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("1 earlier labels were replaced by a later label"))
                .anySatisfy(n -> assertThat(n).startsWith("1 labels of dimensions this rubric does not have"));
    }

    @Test
    void freezingCapturesExactlyTheCurrentRatings() {
        List<Rating> before = current();

        AnchorSets.Loaded frozen = anchorsAt("2026-11-28T10:00:00Z").freeze("nov", rubric, "first audit");

        assertThat(before).hasSize(4);
        assertThat(frozen.labels().ratings()).containsExactlyElementsOf(before);
        assertThat(frozen.labels().notBlind()).isEqualTo(1);
        assertThat(frozen.labels().offScale()).isEqualTo(1);
        assertThat(frozen.labels().otherDimensions()).isEqualTo(1);
        AnchorSet set = frozen.set();
        assertThat(set.name()).isEqualTo("nov");
        assertThat(set.rubricName()).isEqualTo("contract-review");
        assertThat(set.rubricVersion()).isEqualTo(dev.juror.rubric.CanonicalForm.version(rubric));
        assertThat(set.frozenAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(set.frozenOn()).isEqualTo("2026-11-28");
        assertThat(set.note()).isEqualTo("first audit");
        assertThat(set.labels()).isEqualTo(4);
        assertThat(set.items()).isEqualTo(3);
        assertThat(set.labellers()).isEqualTo(2);
        assertThat(frozen.itemsPerDimension(rubric.dimensionNames()))
                .containsExactly(org.assertj.core.api.Assertions.entry(GROUNDING, 2),
                        org.assertj.core.api.Assertions.entry("Reference_Consistency", 0),
                        org.assertj.core.api.Assertions.entry(ACTIONABILITY, 1));
        assertThat(new AnchorSets(workspace).load("nov", rubric).labels().ratings()).containsExactlyElementsOf(before);
    }

    @Test
    void labelsAddedOrCorrectedAfterFreezingChangeHumanLabelsButNotTheSet() {
        List<Rating> atFreeze = current();
        anchorsAt("2026-11-28T10:00:00Z").freeze("nov", rubric, null);

        at("2026-11-29T09:00:00Z").submit(List.of(
                label("ana", first, 0, GROUNDING, "1", true),      // a correction
                label("carl", second, 0, GROUNDING, "3", true),    // a new labeller on a new item
                label("ben", second, 0, GROUNDING, "4", true)));   // ben's off-scale label corrected

        List<Rating> now = current();
        assertThat(now).hasSize(6).isNotEqualTo(atFreeze)
                .contains(new Rating("s1/0/0", GROUNDING, "ana", 1, "ana note"));
        AnchorSets.Loaded frozen = new AnchorSets(workspace).load("nov", rubric);
        assertThat(frozen.labels().ratings()).containsExactlyElementsOf(atFreeze)
                .contains(new Rating("s1/0/0", GROUNDING, "ana", 4, "ana note"));
        assertThat(frozen.set().labels()).isEqualTo(4);
        assertThat(frozen.items()).isEqualTo(3);
        assertThat(frozen.labellers()).containsExactly("ana", "ben");
    }

    @Test
    void aDuplicateNameIsRefusedAndTheFirstSetIsKept() {
        anchorsAt("2026-11-28T10:00:00Z").freeze("nov", rubric, null);
        at("2026-11-29T09:00:00Z").submit(List.of(label("carl", second, 0, GROUNDING, "3", true)));

        assertThatThrownBy(() -> new AnchorSets(workspace).freeze(" nov ", rubric, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("anchor set nov already exists (rubric contract-review, frozen 2026-11-28); a frozen set"
                        + " never changes, so freeze under another name");
        assertThat(new AnchorSetRepository(workspace).list()).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(4));
    }

    @Test
    void aSetIsReadOnlyForTheRubricItWasFrozenFor() throws Exception {
        anchorsAt("2026-11-28T10:00:00Z").freeze("nov", rubric, null);
        Rubric other = new RubricYaml().read(Path.of("rubrics/boolean-checklist.yaml"));

        assertThatThrownBy(() -> new AnchorSets(workspace).load("nov", other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("anchor set nov was frozen for rubric contract-review, not boolean-checklist");
        assertThatThrownBy(() -> new WorkspaceCalibration(workspace).run(other, List.of(),
                BootstrapConfig.defaults(1).withResamples(50), 2, "nov"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("anchor set nov was frozen for rubric contract-review, not boolean-checklist");
        assertThatThrownBy(() -> new AnchorSets(workspace).load("dec", rubric))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no anchor set named dec in ");
    }

    @Test
    void aDimensionRenamedSinceFreezingLeavesItsFrozenLabelsOutAndCountsThem() throws Exception {
        anchorsAt("2026-11-28T10:00:00Z").freeze("nov", rubric, null);
        String yaml = Files.readString(Path.of("rubrics/contract-review.yaml"))
                .replace("name: Actionability", "name: Usefulness");
        Rubric renamed = new RubricYaml().read(yaml, "renamed.yaml");

        CalibrationDataLoader.HumanLabels frozen = new AnchorSets(workspace).load("nov", renamed).labels();

        assertThat(frozen.ratings()).hasSize(3).extracting(Rating::dimension).containsOnly(GROUNDING);
        assertThat(frozen.otherDimensions()).isEqualTo(1);
    }

    @Test
    void nothingUsableIsNotFrozen() throws Exception {
        Rubric checklist = new RubricYaml().read(Path.of("rubrics/boolean-checklist.yaml"));

        assertThatThrownBy(() -> new AnchorSets(workspace).freeze("empty", checklist, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no usable labels of rubric boolean-checklist in ")
                .hasMessageContaining("(left out: 0 not given blind (the judge or other labellers shown), 0 off the"
                        + " rubric's scale, 7 of other dimensions); label items blind first");
        assertThat(new AnchorSetRepository(workspace).list()).isEmpty();
    }

    @Test
    void aFailedFreezeLeavesNoHalfWrittenSet() {
        StoredLabel real = new LabelRepository(workspace).latest().get(0);
        StoredLabel missing = new StoredLabel(999_999, "no-such-uid", "ana", first, 0, "c1", GROUNDING, "3", "", 0,
                "v1", true, false, Instant.EPOCH, "desk");

        assertThatThrownBy(() -> new AnchorSetRepository(workspace).freeze("broken", rubric, null, List.of(real, missing)))
                .isInstanceOf(StoreException.class).hasMessageContaining("Cannot freeze anchor set broken");
        assertThat(new AnchorSetRepository(workspace).list()).isEmpty();
        assertThat(new AnchorSetRepository(workspace).find("broken")).isEmpty();
    }

    @Test
    void blankAndOverlongNamesAreRefused() {
        List<StoredLabel> rows = new CalibrationDataLoader(workspace).usable(rubric).rows();
        AnchorSetRepository sets = new AnchorSetRepository(workspace);

        assertThatThrownBy(() -> sets.freeze("  ", rubric, null, rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an anchor set needs a name");
        assertThatThrownBy(() -> sets.freeze("x".repeat(201), rubric, null, rows))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> sets.freeze("none", rubric, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no labels to freeze");
        assertThat(sets.list()).isEmpty();
    }

    @Test
    void listIsOldestFirstWithCounts() {
        anchorsAt("2026-11-28T10:00:00Z").freeze("nov", rubric, null);
        at("2026-12-01T09:00:00Z").submit(List.of(label("carl", second, 0, GROUNDING, "3", true)));
        anchorsAt("2026-12-02T10:00:00Z").freeze("dec", rubric, "after carl");

        assertThat(new AnchorSetRepository(workspace).list())
                .extracting(AnchorSet::name, AnchorSet::items, AnchorSet::labels, AnchorSet::labellers, AnchorSet::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nov", 3, 4, 2, ""),
                        org.assertj.core.groups.Tuple.tuple("dec", 4, 5, 3, "after carl"));
    }
}
