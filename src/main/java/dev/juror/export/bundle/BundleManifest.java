package dev.juror.export.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.export.LambdaBundleExporter;
import dev.juror.io.AtomicFiles;
import dev.juror.lambda.HandlerId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code MANIFEST.json} at a bundle's root (docs/export.md): format and version, when and by which
 * Juror the bundle was exported, whether it is validated (and why not), the rubric version, the
 * Lambda handler's id ({@code handler_id}, Lambda bundles only; see {@link HandlerId}), and the
 * SHA-256 and size of every other file of the folder, so {@code juror bundle verify} can tell a
 * changed, missing or added file. Written last, after every other file of the bundle.
 */
public final class BundleManifest {

    public static final String FILE = "MANIFEST.json";
    public static final String FORMAT = "juror-bundle-manifest";
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleManifest() {
    }

    /** Hashes every file under {@code bundle} (except the manifest) and writes the manifest. */
    public static Path write(Path bundle, ManifestHeader header) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("format_version", FORMAT_VERSION);
        m.put("kind", header.kind());
        m.put("exported_at", header.exportedAt().toString());
        m.put("juror_version", header.jurorVersion());
        m.put("validated", header.validated());
        header.unvalidatedReason().ifPresent(reason -> {
            m.put("status", "UNVALIDATED");
            m.put("unvalidated_reason", reason);
        });
        m.put("rubric", header.rubric());
        m.put("rubric_version", header.rubricVersion());
        m.put("judge_model", header.judgeModel());
        handlerId(bundle).ifPresent(id -> m.put(HandlerId.FIELD, id));
        ArrayNode files = m.putArray("files");
        for (String relative : filesOf(bundle)) {
            Sha256 hash;
            try (InputStream in = Files.newInputStream(bundle.resolve(relative))) {
                hash = Sha256.of(in);
            }
            files.addObject().put("path", relative).put("sha256", hash.hex()).put("size", hash.size());
        }
        Path file = bundle.resolve(FILE);
        AtomicFiles.writeBytes(file, out -> JSON.writeValue(out, m));
        return file;
    }

    /**
     * The Lambda handler's id ({@link HandlerId}): reward records name the bundle by it, since the zip
     * cannot carry the manifest's own hash. Empty for a prompt bundle.
     */
    private static java.util.Optional<String> handlerId(Path bundle) throws IOException {
        Path zip = bundle.resolve(LambdaBundleExporter.ZIP);
        if (!Files.isRegularFile(zip)) {
            return java.util.Optional.empty();
        }
        try (InputStream in = Files.newInputStream(zip)) {
            return HandlerConfig.read(in).map(c -> c.path(HandlerId.FIELD).asText("")).filter(id -> !id.isEmpty());
        }
    }

    /** Every regular file of the folder but the manifest, as {@code /}-separated paths, sorted. */
    static List<String> filesOf(Path bundle) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(bundle)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = bundle.relativize(p).toString().replace('\\', '/');
                if (!relative.equals(FILE)) {
                    names.add(relative);
                }
            }
        }
        names.sort(null);
        return names;
    }
}
