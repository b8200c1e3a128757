package dev.juror.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.Workspace;
import dev.juror.testing.HeuristicRuns;
import dev.juror.workspace.calibration.AnchorSets;
import dev.juror.workspace.labels.LabelPackOptions;
import dev.juror.workspace.labels.LabelPacks;
import java.nio.file.Path;

/**
 * Test helper: a seeded workspace with the two DEMONSTRATION experts' labels, an anchor set frozen
 * between them, and a heuristic judge run with two repeats (the store and judge classes the CLI
 * uses). Labelling and judging take a while, so tests prepare it once and copy or reopen it.
 */
final class JudgedWorkspace {

    /** What was prepared: the judge run and how many items the anchor set froze. */
    record Prepared(Path dir, long runId, int anchorItems) {
    }

    private JudgedWorkspace() {
    }

    static Prepared prepare(Path dir) throws Exception {
        try (Workspace workspace = SeededWorkspace.open(dir)) {
            Path rubricFile = dir.resolve("rubrics/contract-review.yaml");
            LabelPacks packs = new LabelPacks(workspace);
            var imports = LabelPackOptions.of(new RubricYaml().read(rubricFile), "test");
            assertThat(packs.importPack(Path.of("samples/labels/DEMO-labels-demo-expert-1.jsonl"), imports).imported())
                    .isPositive();
            // Frozen before the second expert's labels arrive: drift against it must not see them.
            int anchorItems = new AnchorSets(workspace).freeze("demo-anchors", new RubricYaml().read(rubricFile), "")
                    .items();
            assertThat(packs.importPack(Path.of("samples/labels/DEMO-labels-demo-expert-2.jsonl"), imports).imported())
                    .isPositive();
            return new Prepared(dir, heuristicRun(workspace, rubricFile, 2), anchorItems);
        }
    }

    /** A finished heuristic run of the rubric over every rollout, {@code repeats} times. */
    static long heuristicRun(Workspace workspace, Path rubricFile, int repeats) throws Exception {
        return HeuristicRuns.finished(workspace, rubricFile, repeats);
    }
}
