package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.dataset.ContentHash;
import dev.juror.dataset.PredictionParser;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryTest {

    @TempDir
    Path temp;

    private Workspace workspace;
    private SampleRepository samples;
    private RolloutRepository rollouts;
    private DocumentRepository documents;

    @BeforeEach
    void importSomeSamples() {
        workspace = Workspace.open(temp);
        samples = new SampleRepository(workspace);
        rollouts = new RolloutRepository(workspace);
        documents = new DocumentRepository(workspace);
        List<SampleInput> inputs = new ArrayList<>();
        // Ids deliberately out of alphabetical order: listing follows the file.
        String[] ids = {"zeta", "alpha", "mu", "beta", "omega"};
        for (int i = 0; i < ids.length; i++) {
            inputs.add(Batches.sample(ids[i], i + 1, Batches.CONTRACT, List.of(
                    Batches.rollout("nova-pro", "c1", "c2"), Batches.rollout("nova-lite", "c1"))));
        }
        inputs.add(new SampleInput("bare", "", "Only a target.", "", null, Map.of(), List.of(
                new RolloutInput("[]", Map.of("model", 42))), 6));
        new Importer(workspace).importBatch(Batches.batch(inputs, List.of(), List.of()), ImportOptions.refuseInvalid());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void findsASampleAndItsDocuments() {
        StoredSample sample = samples.find("mu").orElseThrow();

        assertThat(sample.sourceLine()).isEqualTo(3);
        assertThat(sample.sourceFile()).endsWith("samples.jsonl");
        assertThat(sample.rolloutCount()).isEqualTo(2);
        assertThat(sample.metadata()).containsEntry("split", "train");
        assertThat(sample.referenceAnswer()).isEqualTo("{\"comments\":[]}");
        assertThat(sample.targetHash()).isEqualTo(ContentHash.of(Batches.CONTRACT));
        assertThat(documents.documentsOf(sample)).isEqualTo(
                new SampleDocuments("You review contracts.", Batches.CONTRACT, Batches.GUIDELINE));
    }

    @Test
    void emptyPartsReadBackAsEmptyText() {
        StoredSample bare = samples.find("bare").orElseThrow();

        assertThat(bare.systemPromptHash()).isEmpty();
        assertThat(bare.referenceHash()).isEmpty();
        assertThat(bare.hasReferenceAnswer()).isFalse();
        assertThat(documents.documentsOf(bare)).isEqualTo(new SampleDocuments("", "Only a target.", ""));
        assertThat(rollouts.ofSample("bare").get(0).model()).isEmpty(); // a number is not a model name
    }

    @Test
    void unknownIdsAreEmptyNotErrors() {
        assertThat(samples.find("nope")).isEmpty();
        assertThat(rollouts.ofSample("nope")).isEmpty();
        assertThat(rollouts.find(999_999L)).isEmpty();
        assertThat(documents.text("0".repeat(64))).isEmpty();
    }

    @Test
    void listsSamplesInFileOrderPageByPage() {
        assertThat(samples.list(0, 4)).extracting(StoredSample::id).containsExactly("zeta", "alpha", "mu", "beta");
        assertThat(samples.list(4, 4)).extracting(StoredSample::id).containsExactly("omega", "bare");
        assertThat(samples.list(6, 4)).isEmpty();
        assertThat(samples.count()).isEqualTo(6);
        assertThatThrownBy(() -> samples.list(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rolloutsComeWithTheirCommentsAndRoundTripToPredictions() {
        List<StoredRollout> ofBeta = rollouts.ofSample("beta");

        assertThat(ofBeta).extracting(StoredRollout::index).containsExactly(0, 1);
        assertThat(ofBeta).extracting(StoredRollout::model).containsExactly("nova-pro", "nova-lite");
        assertThat(ofBeta.get(0).comments()).extracting(StoredComment::commentId).containsExactly("c1", "c2");
        String raw = Batches.prediction("c1", "c2");
        assertThat(ofBeta.get(0).predictionHash()).isEqualTo(ContentHash.of(raw));
        assertThat(ofBeta.get(0).toPrediction()).isEqualTo(PredictionParser.parse(raw));

        StoredRollout byId = rollouts.find(ofBeta.get(1).id()).orElseThrow();
        assertThat(byId).isEqualTo(ofBeta.get(1));
        assertThat(rollouts.commentsOf(byId.id())).isEqualTo(byId.comments());
    }

    @Test
    void summariesListEveryRolloutInFileOrderWithoutItsText() {
        List<RolloutRepository.Summary> expected = new ArrayList<>();
        for (StoredSample sample : samples.list(0, 100)) {
            for (StoredRollout r : rollouts.ofSample(sample.id())) {
                expected.add(new RolloutRepository.Summary(sample.id(), r.id(), r.index(), r.model(),
                        r.comments().size(), r.isParsed()));
            }
        }
        assertThat(rollouts.summaries()).isEqualTo(expected);
        assertThat(rollouts.summaries()).extracting(RolloutRepository.Summary::sampleId)
                .startsWith("zeta", "zeta", "alpha", "alpha").endsWith("omega", "omega", "bare");
    }

    @Test
    void countsAgreeWithWhatWasImported() {
        assertThat(rollouts.count()).isEqualTo(11);
        assertThat(rollouts.countComments()).isEqualTo(15);
        assertThat(documents.count()).isEqualTo(4);
        assertThat(documents.totalBytes()).isEqualTo(workspace.stats().documentBytes());
        assertThat(workspace.stats().databaseBytes()).isEqualTo(workspace.databaseBytes()).isPositive();
    }
}
