package dev.juror.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.store.LabelRepository;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import dev.juror.workspace.labels.LabelPackResult;
import dev.juror.workspace.labels.LabelPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The shipped DEMONSTRATION label packs: reproducible, clearly marked, and importable without conflicts. */
class DemoLabelPacksTest {

    static final Path DIR = Path.of("samples/labels");

    @TempDir
    Path temp;

    /** Regenerates the packs: {@code mvn -o -q test -Dtest=DemoLabelPacksTest -Djuror.writeDemoLabels=true}. */
    @Test
    @EnabledIfSystemProperty(named = "juror.writeDemoLabels", matches = "true")
    void writeShippedPacks() throws Exception {
        Files.createDirectories(DIR);
        DemoLabelPacks.write(temp.resolve("ws"), DIR);
    }

    @Test
    void shippedPacksAreExactlyWhatTheGeneratorMakes() throws Exception {
        DemoLabelPacks.write(temp.resolve("ws"), temp);
        for (String who : List.of(DemoLabelPacks.EXPERT_1, DemoLabelPacks.EXPERT_2)) {
            String name = DemoLabelPacks.fileName(who);
            assertThat(Files.readString(DIR.resolve(name))).as(name).isEqualTo(Files.readString(temp.resolve(name)));
        }
    }

    @Test
    void everyRecordIsMarkedAsDemonstration() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String who : List.of(DemoLabelPacks.EXPERT_1, DemoLabelPacks.EXPERT_2)) {
            List<String> lines = Files.readAllLines(DIR.resolve(DemoLabelPacks.fileName(who)));
            assertThat(lines).hasSizeGreaterThan(150);
            for (String line : lines) {
                JsonNode n = json.readTree(line);
                assertThat(n.get("labeller").asText()).isEqualTo(who).startsWith("demo-");
                assertThat(n.get("note").asText()).startsWith("DEMONSTRATION label, not expert judgement");
                assertThat(n.get("origin").asText()).contains("DEMONSTRATION").contains("not expert judgement");
                assertThat(n.get("judge_hidden").asBoolean()).isTrue();
                assertThat(n.get("blind").asBoolean()).as("scripted without a judge or another labeller in view").isTrue();
            }
        }
    }

    @Test
    void packsImportIntoAFreshWorkspaceWithoutConflictsAndTwiceChangesNothing() throws Exception {
        try (Workspace ws = Workspace.open(temp.resolve("fresh"))) {
            new Importer(ws).importBatch(JsonlImportReader.read(DemoLabelPacks.SAMPLES), ImportOptions.refuseInvalid());
            LabelPacks packs = new LabelPacks(ws);
            var imports = dev.juror.workspace.labels.LabelPackOptions.of(
                    new dev.juror.rubric.RubricYaml().read(Path.of("rubrics/contract-review.yaml")), "test");
            for (String who : List.of(DemoLabelPacks.EXPERT_1, DemoLabelPacks.EXPERT_2)) {
                LabelPackResult r = packs.importPack(DIR.resolve(DemoLabelPacks.fileName(who)), imports);
                assertThat(r.conflicts()).isEmpty();
                assertThat(r.imported()).isEqualTo(r.read());
                LabelPackResult again = packs.importPack(DIR.resolve(DemoLabelPacks.fileName(who)), imports);
                assertThat(again.imported()).isZero();
                assertThat(again.alreadyPresent()).isEqualTo(r.read());
            }
            assertThat(new LabelRepository(ws).labellers())
                    .containsExactly(DemoLabelPacks.EXPERT_1, DemoLabelPacks.EXPERT_2);
        }
    }
}
