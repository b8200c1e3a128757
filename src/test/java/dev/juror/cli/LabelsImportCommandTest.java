package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.store.LabelRepository;
import dev.juror.store.StoredLabel;
import dev.juror.store.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code juror labels import} refuses packs that would rewrite history: exit 2, one line, nothing imported. */
class LabelsImportCommandTest {

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    static Path template;

    record Run(int exit, String out, String err) {
    }

    static Run juror(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void samples() throws Exception {
        template = shared.resolve("template");
        CalibrationWorkspace.importSamples(template);
    }

    Path workspace() throws Exception {
        Path ws = temp.resolve("ws");
        try (var files = Files.walk(template)) {
            for (Path p : files.toList()) {
                Path to = ws.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return ws;
    }

    Run importPacks(Path ws, String... more) {
        List<String> args = new ArrayList<>(List.of("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--workspace", ws.toString()));
        args.addAll(List.of(more));
        return juror(args.toArray(String[]::new));
    }

    /** A pack made from the first lines of demo-expert-1's pack, each changed by {@code change}. */
    Path forged(String name, int lines, Consumer<List<ObjectNode>> change) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<ObjectNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(CalibrationWorkspace.PACK_1).subList(0, lines)) {
            nodes.add((ObjectNode) json.readTree(line));
        }
        change.accept(nodes);
        List<String> text = new ArrayList<>();
        for (ObjectNode n : nodes) {
            text.add(json.writeValueAsString(n));
        }
        Path file = temp.resolve(name);
        Files.write(file, text);
        return file;
    }

    static void assertRefusedInOneLine(Run r, String... fragments) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ")
                .startsWith("juror: ").contains(fragments).endsWith("nothing was imported");
    }

    static long labels(Path ws) {
        try (Workspace w = Workspace.open(ws)) {
            return new LabelRepository(w).count();
        }
    }

    @Test
    void theRubricIsRequired() throws Exception {
        Run r = juror("labels", "import", CalibrationWorkspace.PACK_1.toString(), "--workspace", workspace().toString());
        assertThat(r.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(r.err()).contains("--rubric");
    }

    @Test
    void aPackDated9999IsRefused() throws Exception {
        Path ws = workspace();
        Path pack = forged("future.jsonl", 2, n -> n.get(1).put("created_at", "9999-01-01T00:00:00Z"));
        assertRefusedInOneLine(importPacks(ws, pack.toString()), "future.jsonl:2: created_at 9999-01-01T00:00:00Z is in the future");
        assertThat(labels(ws)).isZero();
    }

    @Test
    void scoresOffTheScaleAreRefused() throws Exception {
        Path ws = workspace();
        for (String score : List.of("9", "-1", "excellent")) {
            Path pack = forged("score.jsonl", 3, n -> n.get(2).put("score", score));
            assertRefusedInOneLine(importPacks(ws, pack.toString()), "score.jsonl:3: score '" + score
                    + "' is not on the scale of");
        }
        assertThat(labels(ws)).isZero();
    }

    @Test
    void repeatedUidsAndOverLongNamesExitTwoWithoutAStackTrace() throws Exception {
        Path ws = workspace();
        Path repeated = forged("repeated.jsonl", 3, n -> n.get(2).put("uid", n.get(0).get("uid").asText()));
        assertRefusedInOneLine(importPacks(ws, repeated.toString()), "repeated.jsonl:3: uid", "is repeated (first on line 1)");
        Path longName = forged("name.jsonl", 2, n -> n.forEach(node -> node.put("labeller", "x".repeat(5000))));
        assertRefusedInOneLine(importPacks(ws, longName.toString()), "name.jsonl:1: labeller is 5000 characters; at most 200");
        Path longUid = forged("uid.jsonl", 2, n -> n.get(1).put("uid", "u".repeat(300)));
        assertRefusedInOneLine(importPacks(ws, longUid.toString()), "uid.jsonl:2: uid is 300 characters; at most 64");
        assertThat(labels(ws)).isZero();
    }

    @Test
    void aPackUnderAnExistingLabellersNameNeedsAsLabellerAndTheOriginIsRecorded() throws Exception {
        Path ws = workspace();
        Run first = importPacks(ws, CalibrationWorkspace.PACK_1.toString(), "--imported-by", "carol");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("474 labels read, 474 imported").contains("imported by carol");

        Path overrule = forged("overrule.jsonl", 2, n -> n.forEach(node -> {
            node.put("uid", node.get("uid").asText() + "-x");
            node.put("score", "1");
        }));
        assertRefusedInOneLine(importPacks(ws, overrule.toString()),
                "overrule.jsonl adds 2 labels under demo-expert-1, who already labels in this workspace",
                "--as-labeller demo-expert-1");
        assertThat(labels(ws)).isEqualTo(474);

        Run confirmed = importPacks(ws, overrule.toString(), "--as-labeller", "demo-expert-1", "--imported-by", "dan");
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("2 imported").contains("the pack's score counts");
        try (Workspace w = Workspace.open(ws)) {
            List<StoredLabel> mine = new LabelRepository(w).byLabeller("demo-expert-1");
            assertThat(mine.get(0).imported().importedBy()).isEqualTo("carol");
            assertThat(mine.get(mine.size() - 1).imported().importedBy()).isEqualTo("dan");
            assertThat(mine.get(mine.size() - 1).imported().fileName()).isEqualTo("overrule.jsonl");
        }
    }
}
