package dev.juror.export.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.export.LambdaBundleExporter;
import dev.juror.lambda.LambdaConfig;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code juror bundle verify}: recomputes the SHA-256 of every file of a bundle against its
 * {@code MANIFEST.json} (a changed, missing or added file is named), checks that the rubric the
 * Lambda zip's handler carries (and the prompt bundle's {@code rubric.yaml}) is the version the
 * manifest and {@code evidence/judge.json} name, and reads the verdict summary from the evidence.
 */
public final class BundleVerifier {

    static final String JUDGE = "evidence/judge.json";
    static final String VERDICT = "evidence/verdict.json";
    private static final int SMALL_FILE = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleVerifier() {
    }

    /** @throws IOException when the path is neither a folder nor a readable zip */
    public static Verification verify(Path bundle) throws IOException {
        try (BundleSource source = BundleSource.of(bundle)) {
            return verify(bundle.toString(), source);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(bundle + " is neither a bundle folder nor a readable zip: " + e.getMessage(), e);
        }
    }

    private static Verification verify(String name, BundleSource source) throws IOException {
        List<Verification.Problem> problems = new ArrayList<>();
        source.unsafeNames().forEach(n -> problems.add(new Verification.Problem(n,
                "unsafe entry name (absolute or with ..): refused, not read")));
        source.outsideTheBundle().forEach(n -> problems.add(new Verification.Problem(n,
                "added: in the zip beside the bundle's folder, not in the manifest")));
        List<String> present = source.files();
        if (!present.contains(BundleManifest.FILE)) {
            problems.add(new Verification.Problem(BundleManifest.FILE, "missing: this is not a Juror bundle, or its"
                    + " manifest was removed"));
            return new Verification(name, "", false, "", "", "", List.of(), 0, problems);
        }
        JsonNode manifest = json(source, BundleManifest.FILE, problems);
        if (manifest == null || !BundleManifest.FORMAT.equals(manifest.path("format").asText())) {
            if (manifest != null) {
                problems.add(new Verification.Problem(BundleManifest.FILE, "format is not " + BundleManifest.FORMAT));
            }
            return new Verification(name, "", false, "", "", "", List.of(), 0, problems);
        }
        int checked = checkHashes(source, manifest, present, problems);
        String version = manifest.path("rubric_version").asText("");
        checkRubricVersions(source, manifest, present, version, problems);
        List<String> conditions = new ArrayList<>();
        String status = "";
        if (present.contains(VERDICT)) {
            JsonNode verdict = json(source, VERDICT, problems);
            if (verdict != null && verdict.has("status")) {
                status = verdict.path("status").asText();
                verdict.path("conditions").forEach(c -> conditions.add(c.path("summary").asText(c.path("name").asText())));
            }
        }
        boolean validated = manifest.path("validated").asBoolean(false);
        return new Verification(name, manifest.path("kind").asText(""), validated,
                validated ? "" : manifest.path("unvalidated_reason").asText("the manifest does not say why"), version,
                status, conditions, checked, problems);
    }

    private static int checkHashes(BundleSource source, JsonNode manifest, List<String> present,
                                   List<Verification.Problem> problems) throws IOException {
        Set<String> listed = new HashSet<>();
        int checked = 0;
        for (JsonNode f : manifest.path("files")) {
            String file = f.path("path").asText();
            listed.add(file);
            if (!present.contains(file)) {
                problems.add(new Verification.Problem(file, "missing: listed in the manifest, not in the bundle"));
                continue;
            }
            Sha256 actual;
            try (InputStream in = source.open(file)) {
                actual = Sha256.of(in);
            }
            checked++;
            if (!actual.hex().equals(f.path("sha256").asText()) || actual.size() != f.path("size").asLong(-1)) {
                problems.add(new Verification.Problem(file, "changed: SHA-256 " + actual.hex() + " (" + actual.size()
                        + " bytes), the manifest says " + f.path("sha256").asText() + " (" + f.path("size").asLong()
                        + " bytes)"));
            }
        }
        for (String file : present) {
            if (!file.equals(BundleManifest.FILE) && !listed.contains(file)) {
                problems.add(new Verification.Problem(file, "added: in the bundle, not in the manifest"));
            }
        }
        return checked;
    }

    /** The rubric the handler and the prompt bundle carry must be the version the manifest and the evidence name. */
    private static void checkRubricVersions(BundleSource source, JsonNode manifest, List<String> present,
                                            String manifestVersion,
                                            List<Verification.Problem> problems) throws IOException {
        if (present.contains(JUDGE)) {
            JsonNode judge = json(source, JUDGE, problems);
            String evidence = judge == null ? null : judge.path("rubric_version").asText("");
            if (evidence != null && !evidence.equals(manifestVersion)) {
                problems.add(new Verification.Problem(JUDGE, "rubric version " + evidence + ", the manifest says "
                        + manifestVersion));
            }
        } else {
            problems.add(new Verification.Problem(JUDGE, "missing: the evidence names no rubric version"));
        }
        if (present.contains(LambdaBundleExporter.ZIP)) {
            checkHandler(source, manifest, manifestVersion, problems);
        }
        if (present.contains("rubric.yaml")) {
            String yaml = new String(source.read("rubric.yaml", SMALL_FILE), java.nio.charset.StandardCharsets.UTF_8);
            versionOf(yaml, "rubric.yaml", problems).filter(v -> !v.equals(manifestVersion)).ifPresent(v ->
                    problems.add(new Verification.Problem("rubric.yaml", "rubric version " + v
                            + ", the manifest says " + manifestVersion)));
        }
    }

    private static void checkHandler(BundleSource source, JsonNode manifest, String manifestVersion,
                                     List<Verification.Problem> problems) {
        String where = LambdaBundleExporter.ZIP + "!" + LambdaConfig.RESOURCE;
        JsonNode config;
        try {
            config = HandlerConfig.read(source.open(LambdaBundleExporter.ZIP)).orElse(null);
        } catch (IOException e) {
            problems.add(new Verification.Problem(LambdaBundleExporter.ZIP, "cannot be read as a zip: " + e.getMessage()));
            return;
        }
        if (config == null) {
            problems.add(new Verification.Problem(where, "missing: the handler has no configuration"));
            return;
        }
        HandlerIds.check(config, manifest, where, problems);
        String declared = config.path("rubric_version").asText("");
        if (!declared.equals(manifestVersion)) {
            problems.add(new Verification.Problem(where, "the handler's rubric version is " + declared
                    + ", the manifest and evidence/judge.json say " + manifestVersion));
        }
        versionOf(config.path("rubric_yaml").asText(""), where, problems).filter(v -> !v.equals(declared))
                .ifPresent(v -> problems.add(new Verification.Problem(where, "the rubric inside is version " + v
                        + ", not the " + declared + " it declares")));
    }

    private static java.util.Optional<String> versionOf(String yaml, String where, List<Verification.Problem> problems) {
        try {
            return java.util.Optional.of(CanonicalForm.version(new RubricYaml().read(yaml, where)));
        } catch (RubricException e) {
            problems.add(new Verification.Problem(where, "the rubric cannot be read: " + e.getMessage()));
            return java.util.Optional.empty();
        }
    }

    private static JsonNode json(BundleSource source, String file, List<Verification.Problem> problems)
            throws IOException {
        try {
            return JSON.readTree(source.read(file, SMALL_FILE));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(new Verification.Problem(file, "not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
    }
}
