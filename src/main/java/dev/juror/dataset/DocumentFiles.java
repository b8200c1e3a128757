package dev.juror.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves a document field of a Juror-format line. A JSON string is the document text itself,
 * always; an object {@code {"path": "contracts/x.txt"}} names a UTF-8 file, relative to the folder
 * of the JSONL file and staying inside it (so a file received from elsewhere cannot make Juror read
 * arbitrary files such as credentials); absolute paths are accepted as written. Files are read once per import, so many
 * samples sharing one reference cost one read and one String.
 */
final class DocumentFiles {

    private final Path baseDir;
    private final Map<Path, String> cache = new HashMap<>();

    DocumentFiles(Path baseDir) {
        this.baseDir = baseDir;
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

    private String read(String relative, String field) {
        Path given = Path.of(relative);
        Path file = baseDir.resolve(given).normalize();
        if (!given.isAbsolute() && !file.startsWith(baseDir.normalize())) {
            throw new InvalidSampleException(field + ".path \"" + relative + "\" leads outside the folder of the JSONL"
                    + " file; keep documents in that folder (or a subfolder), or give an absolute path");
        }
        String cached = cache.get(file);
        if (cached != null) {
            return cached;
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InvalidSampleException(field + ".path \"" + relative + "\" does not exist (looked for " + file
                    + "); paths are relative to the folder of the JSONL file");
        } catch (CharacterCodingException e) {
            throw new InvalidSampleException(field + ".path \"" + relative + "\" is not valid UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw new InvalidSampleException(field + ".path \"" + relative + "\" cannot be read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        cache.put(file, text);
        return text;
    }
}
