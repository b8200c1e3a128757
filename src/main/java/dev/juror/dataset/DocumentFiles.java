package dev.juror.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.io.InputFileException;
import dev.juror.io.InputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a document field of a Juror-format line. A JSON string is the document text itself,
 * always; an object {@code {"path": "contracts/x.txt"}} names a UTF-8 file relative to the folder of
 * the JSONL file.
 *
 * <p>A dataset is often received from someone else, and its documents end up in judge prompts sent
 * to remote providers and in exports, so a path may not make Juror read any file the user can read
 * (credentials, {@code /proc/self/environ}). The file's <em>real</em> path (symbolic links followed)
 * must lie inside the JSONL file's folder or inside a folder the user allowed explicitly
 * ({@code --documents-root}); absolute paths obey the same rule. Only regular files are read (a FIFO
 * would hang the import, {@code /dev/zero} never ends), and at most
 * {@link ImportLimits#maxDocumentBytes()} of them. Every refusal is a line error. Files are read once
 * per import, so many samples sharing one reference cost one read and one String.
 */
final class DocumentFiles {

    private final Path baseDir;
    private final List<Path> allowed = new ArrayList<>();
    private final InputFiles.ReadLimit limit;
    private final Map<Path, String> cache = new HashMap<>();

    DocumentFiles(Path baseDir, List<Path> roots, long maxBytes) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        allowed.add(realFolder(this.baseDir));
        roots.forEach(root -> allowed.add(realFolder(root)));
        this.limit = new InputFiles.ReadLimit(maxBytes, "split the document, or raise the cap with"
                + " juror import --max-document-mb N");
    }

    private static Path realFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            // A folder that does not exist holds no file; its normalised path allows nothing real.
            return absolute;
        }
    }

    /** The document text, or null when the field is absent. */
    String resolve(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        JsonNode path = value.isObject() ? value.get("path") : null;
        if (path == null || !path.isTextual() || path.asText().isBlank() || value.size() != 1) {
            throw new InvalidSampleException("\"" + field + "\" must be the document text (a string) or "
                    + "{\"path\": \"file.txt\"} naming a file next to the JSONL file, found " + JsonFields.typeName(value));
        }
        return read(path.asText(), field);
    }

    private String read(String written, String field) {
        String what = field + ".path \"" + written + "\"";
        Path file;
        try {
            file = baseDir.resolve(Path.of(written)).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidSampleException(what + " is not a valid path (" + e.getReason() + ")");
        }
        Path real;
        try {
            real = InputFiles.checkRegular(file, limit, what);
        } catch (InputFileException e) {
            if (e.kind() == InputFileException.Kind.MISSING) {
                throw new InvalidSampleException(what + " does not exist (looked for " + file
                        + "); paths are relative to the folder of the JSONL file");
            }
            throw new InvalidSampleException(e.getMessage());
        }
        if (allowed.stream().noneMatch(real::startsWith)) {
            String via = real.equals(file) ? "" : " (it leads to " + real + ")";
            throw new InvalidSampleException(what + " is outside the folder of the JSONL file" + via
                    + "; keep documents in that folder or a subfolder, or allow their folder with"
                    + " juror import --documents-root DIR");
        }
        String cached = cache.get(real);
        if (cached != null) {
            return cached;
        }
        String text;
        try {
            text = InputFiles.readUtf8(real, limit, what);
        } catch (InputFileException e) {
            throw new InvalidSampleException(e.getMessage());
        }
        cache.put(real, text);
        return text;
    }
}
