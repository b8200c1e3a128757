package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.Workspace;
import dev.juror.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles carry their evidence (issue 13, section 1): an exported prompt and Lambda bundle hold
 * {@code evidence/} and {@code MANIFEST.json}, and {@code juror bundle verify} refuses (exit 2, the
 * file named) any byte changed, any file added or removed, and a handler rubric that is not the
 * evidence's; an UNVALIDATED bundle says so and still verifies.
 */
class BundleVerifyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = HeuristicJudge.MODEL;

    @TempDir
    static Path dir;
    static Path ws;
    static Path lambda;
    static Path prompt;
    static Path unvalidated;
    static Path unvalidatedPrompt;

    @BeforeAll
    static void exportBundles() throws Exception {
        ws = dir.resolve("ws");
        CalibrationWorkspace.importSamples(ws);
        CliRun labels = CliRun.of("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                CalibrationWorkspace.PACK_1.toString(), CalibrationWorkspace.PACK_2.toString(), "--workspace", ws.toString());
        assertThat(labels.exit()).as(labels.err()).isZero();
        long run = CalibrationWorkspace.heuristicRun(ws, 1);
        // Unvalidated first: the heuristic judge's own verdict, as juror verdict records it.
        CliRun verdict = CliRun.of("verdict", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--run", "run-" + run,
                "--workspace", ws.toString(), "--resamples", "200");
        assertThat(verdict.exit()).as(verdict.err()).isIn(0, 3);
        unvalidated = dir.resolve("unvalidated");
        export("lambda", unvalidated, "--unvalidated");
        unvalidatedPrompt = dir.resolve("unvalidated-prompt");
        export("prompt", unvalidatedPrompt, "--unvalidated");
        String version = CanonicalForm.version(new RubricYaml().read(CalibrationWorkspace.RUBRIC));
        try (Workspace w = Workspace.open(ws)) {
            new CalibrationRepository(w).saveVerdict(new CalibrationRepository.StoredVerdict(0, "contract-review",
                    version, MODEL, "run-" + run, "VALIDATED", "[]", Instant.now().plusSeconds(60)));
        }
        lambda = dir.resolve("lambda");
        export("lambda", lambda);
        prompt = dir.resolve("prompt");
        export("prompt", prompt);
    }

    private static void export(String kind, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", kind, "--rubric",
                CalibrationWorkspace.RUBRIC.toString(), "--model", MODEL, "--out", out.toString(), "--workspace",
                ws.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void anExportedBundleCarriesItsEvidenceAndVerifies() throws Exception {
        for (Path bundle : List.of(lambda, prompt)) {
            for (String f : List.of("verdict.json", "calibration-report.html", "agreement.json", "regression.json",
                    "labels.json", "judge.json", "content-hashes.json", "score-distribution.json")) {
                assertThat(bundle.resolve("evidence").resolve(f)).isRegularFile();
            }
            CliRun ok = CliRun.of("bundle", "verify", bundle.toString());
            assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out()).startsWith("OK: ").contains("VALIDATED bundle").contains("verdict in evidence/verdict.json: VALIDATED");
        }
        JsonNode manifest = JSON.readTree(lambda.resolve("MANIFEST.json").toFile());
        assertThat(manifest.path("format").asText()).isEqualTo("juror-bundle-manifest");
        assertThat(manifest.path("validated").asBoolean()).isTrue();
        assertThat(manifest.path("files").findValuesAsText("path")).contains("reward-lambda.zip", "evidence/judge.json",
                "README.md", "template.yaml").doesNotContain("MANIFEST.json");
        JsonNode agreement = JSON.readTree(lambda.resolve("evidence/agreement.json").toFile());
        assertThat(agreement.path("dimensions").get(0).has("human_ceiling")).isTrue();
        assertThat(agreement.path("dimensions").get(0).path("judge").path("vs_humans").isObject()).isTrue();
        JsonNode labels = JSON.readTree(lambda.resolve("evidence/labels.json").toFile());
        assertThat(labels.path("per_labeller").size()).isEqualTo(2);
        JsonNode judge = JSON.readTree(lambda.resolve("evidence/judge.json").toFile());
        assertThat(judge.path("judge_model").asText()).isEqualTo(MODEL);
        assertThat(judge.has("temperature") && judge.has("max_tokens") && judge.has("top_p")).isTrue();
        JsonNode hashes = JSON.readTree(lambda.resolve("evidence/content-hashes.json").toFile());
        assertThat(hashes.path("samples").path("sha256").asText()).hasSize(64);
        assertThat(hashes.path("labels").path("count").asInt()).isPositive();
        assertThat(JSON.readTree(lambda.resolve("evidence/regression.json").toFile()).path("run").asBoolean()).isFalse();
        JsonNode scores = JSON.readTree(lambda.resolve("evidence/score-distribution.json").toFile());
        assertThat(scores.path("dimensions").get(0).path("levels").size())
                .isEqualTo(scores.path("dimensions").get(0).path("counts").size()).isPositive();
        var baseline = dev.juror.watch.detect.BundleBaseline.read(lambda);
        assertThat(baseline.verdict()).contains("VALIDATED");
        assertThat(baseline.scores()).isNotEmpty();
        assertThat(baseline.agreement()).isNotEmpty();
        CliRun json = CliRun.of("bundle", "verify", lambda.toString(), "--json");
        assertThat(JSON.readTree(json.out()).path("ok").asBoolean()).isTrue();
    }

    @Test
    void oneByteChangedInAnyFileIsRefusedNamingThatFile() throws Exception {
        for (Path bundle : List.of(lambda, prompt)) {
            for (Path file : files(bundle)) {
                String name = bundle.relativize(file).toString().replace('\\', '/');
                byte[] original = Files.readAllBytes(file);
                byte[] changed = original.clone();
                changed[changed.length / 2] ^= 0x01;
                Files.write(file, changed);
                try {
                    CliRun r = CliRun.of("bundle", "verify", bundle.toString());
                    assertThat(r.exit()).as(name).isEqualTo(2);
                    assertThat(r.out() + r.err()).as(name).contains(name);
                } finally {
                    Files.write(file, original);
                }
            }
            assertThat(CliRun.of("bundle", "verify", bundle.toString()).exit()).isZero();
        }
    }

    @Test
    void aFileAddedOrRemovedIsNamed() throws Exception {
        Path added = lambda.resolve("evidence/extra.txt");
        Files.writeString(added, "x");
        try {
            CliRun r = CliRun.of("bundle", "verify", lambda.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).contains("evidence/extra.txt: added");
        } finally {
            Files.delete(added);
        }
        Path removed = prompt.resolve("evidence/labels.json");
        byte[] kept = Files.readAllBytes(removed);
        Files.delete(removed);
        try {
            CliRun r = CliRun.of("bundle", "verify", prompt.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).contains("evidence/labels.json: missing");
        } finally {
            Files.write(removed, kept);
        }
    }

    @Test
    void aHandlerRubricVersionOtherThanTheEvidencesIsRefusedEvenWithMatchingHashes() throws Exception {
        Path copy = dir.resolve("tampered");
        copyTree(lambda, copy);
        Path zip = copy.resolve("reward-lambda.zip");
        Files.write(zip, rewriteConfig(Files.readAllBytes(zip)));
        // Re-hash honestly: the manifest matches the files, only the versions disagree.
        JsonNode manifest = JSON.readTree(copy.resolve("MANIFEST.json").toFile());
        for (JsonNode f : manifest.path("files")) {
            if (f.path("path").asText().equals("reward-lambda.zip")) {
                byte[] bytes = Files.readAllBytes(zip);
                ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("sha256", java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes))).put("size", bytes.length);
            }
        }
        JSON.writeValue(copy.resolve("MANIFEST.json").toFile(), manifest);
        CliRun r = CliRun.of("bundle", "verify", copy.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("reward-lambda.zip!juror-reward.json: the handler's rubric version is 000000000000");
    }

    @Test
    void theHandlerIdOfTheRewardRecordsIsInTheZipAndTheManifestAndIsChecked() throws Exception {
        JsonNode config;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(lambda.resolve("reward-lambda.zip").toFile())) {
            config = JSON.readTree(zip.getInputStream(zip.getEntry("juror-reward.json")));
        }
        String id = config.path("handler_id").asText();
        assertThat(id).hasSize(64).isEqualTo(dev.juror.lambda.HandlerId.of(dev.juror.lambda.LambdaConfig.fromJson(config)));
        assertThat(JSON.readTree(lambda.resolve("MANIFEST.json").toFile()).path("handler_id").asText()).isEqualTo(id);
        assertThat(JSON.readTree(prompt.resolve("MANIFEST.json").toFile()).has("handler_id")).isFalse();

        // A setting changed inside the zip, the zip re-hashed honestly: the id no longer describes it.
        Path copy = dir.resolve("retuned");
        copyTree(lambda, copy);
        Path zip = copy.resolve("reward-lambda.zip");
        Files.write(zip, rewriteConfig(Files.readAllBytes(zip), c -> c.put("concurrency", 7)));
        rehashZip(copy, null);
        CliRun r = CliRun.of("bundle", "verify", copy.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("reward-lambda.zip!juror-reward.json: the configuration's handler_id is ")
                .contains("not the " + id);

        // The manifest naming another handler.
        Path other = dir.resolve("other-handler");
        copyTree(lambda, other);
        rehashZip(other, "f".repeat(64));
        CliRun o = CliRun.of("bundle", "verify", other.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.out()).contains("handler_id is " + id + ", MANIFEST.json says " + "f".repeat(64));
    }

    /** Re-hashes the zip in the manifest (and sets its handler_id when given). */
    private static void rehashZip(Path bundle, String handlerId) throws Exception {
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(bundle.resolve("MANIFEST.json").toFile());
        byte[] bytes = Files.readAllBytes(bundle.resolve("reward-lambda.zip"));
        for (JsonNode f : manifest.path("files")) {
            if (f.path("path").asText().equals("reward-lambda.zip")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("sha256", java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes))).put("size", bytes.length);
            }
        }
        if (handlerId != null) {
            manifest.put("handler_id", handlerId);
        }
        JSON.writeValue(bundle.resolve("MANIFEST.json").toFile(), manifest);
    }

    @Test
    void anUnvalidatedBundleSaysSoInManifestAndReadmeAndVerifiesAsUnvalidated() throws Exception {
        JsonNode manifest = JSON.readTree(unvalidated.resolve("MANIFEST.json").toFile());
        assertThat(manifest.path("validated").asBoolean()).isFalse();
        assertThat(manifest.path("status").asText()).isEqualTo("UNVALIDATED");
        assertThat(manifest.path("unvalidated_reason").asText()).startsWith("exported with --unvalidated: ");
        assertThat(Files.readString(unvalidated.resolve("README.md"))).startsWith("> **UNVALIDATED BUNDLE.**");
        JsonNode verdict = JSON.readTree(unvalidated.resolve("evidence/verdict.json").toFile());
        assertThat(verdict.path("source").asText()).isEqualTo("recorded");
        assertThat(verdict.path("status").asText()).isEqualTo("NOT_VALIDATED");
        CliRun r = CliRun.of("bundle", "verify", unvalidated.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("UNVALIDATED bundle: exported with --unvalidated").contains("FAIL ");
        assertThat(JSON.readTree(unvalidatedPrompt.resolve("MANIFEST.json").toFile()).path("validated").asBoolean())
                .isFalse();
        assertThat(Files.readString(unvalidatedPrompt.resolve("README.md"))).startsWith("> **UNVALIDATED BUNDLE.**");
        CliRun json = CliRun.of("bundle", "verify", unvalidatedPrompt.toString(), "--json");
        assertThat(json.exit()).isZero();
        JsonNode doc = JSON.readTree(json.out());
        assertThat(doc.path("validated").asBoolean()).isFalse();
        assertThat(doc.path("ok").asBoolean()).isTrue();
        assertThat(doc.path("files_checked").asInt()).isEqualTo(
                JSON.readTree(unvalidatedPrompt.resolve("MANIFEST.json").toFile()).path("files").size());
    }

    @Test
    void aZippedBundleIsVerifiedInPlaceAndAnEscapingEntryIsRefused() throws Exception {
        Path zip = dir.resolve("prompt-bundle.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path f : files(prompt)) {
                out.putNextEntry(new ZipEntry("prompt/" + prompt.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("prompt/MANIFEST.json"));
            out.write(Files.readAllBytes(prompt.resolve("MANIFEST.json")));
            out.closeEntry();
        }
        assertThat(CliRun.of("bundle", "verify", zip.toString()).exit()).isZero();
        Path evil = dir.resolve("evil.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(evil))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("prompt/../../escaped.txt"));
            out.write('x');
            out.closeEntry();
        }
        CliRun r = CliRun.of("bundle", "verify", evil.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("prompt/../../escaped.txt: unsafe entry name");
        assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
    }

    private static List<Path> files(Path bundle) throws Exception {
        try (Stream<Path> walk = Files.walk(bundle)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("MANIFEST.json"))
                    .sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        for (Path f : files(from)) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
        Files.copy(from.resolve("MANIFEST.json"), to.resolve("MANIFEST.json"));
    }

    /** The Lambda zip with juror-reward.json claiming another rubric version. */
    private static byte[] rewriteConfig(byte[] zip) throws Exception {
        return rewriteConfig(zip, config -> config.put("rubric_version", "000000000000"));
    }

    private static byte[] rewriteConfig(byte[] zip,
                                        java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = in.readAllBytes();
                if (e.getName().equals("juror-reward.json")) {
                    var config = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(content);
                    change.accept(config);
                    content = JSON.writeValueAsString(config).getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
