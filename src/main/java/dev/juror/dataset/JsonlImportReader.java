package dev.juror.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.io.InputFiles;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a JSONL import file into an {@link ImportBatch}: good lines become samples or rollout
 * additions, every bad line a {@link LineError} naming the line and what to do.
 *
 * <p><b>Format detection.</b> The first non-blank line that is a JSON object of a recognisable
 * shape decides the format for the whole file ({@link LineShapes}): {@code messages} → Nova RFT,
 * else {@code sample_id} → rollouts file, else {@code target_document} / {@code rollouts} /
 * {@code system_prompt} / {@code reference_document} → Juror. A later line of another recognisable
 * shape is refused; a line of no recognisable shape is read as the detected format (its missing
 * fields are then reported).
 *
 * <p><b>Streaming.</b> The file is read in chunks and split into lines as bytes; a line above
 * {@link ImportLimits#maxLineBytes()} is skipped without being kept. Each line is decoded as strict
 * UTF-8 (invalid bytes are an error, never replaced), parsed into a tree, turned into records and
 * dropped, so memory grows with the kept content only. A UTF-8 byte-order mark is ignored, CRLF
 * line ends are accepted, blank lines are skipped.
 */
public final class JsonlImportReader {

    /** One mapper for all imports: thread-safe once configured; no per-line construction. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            // The line-size limit is the real bound; Jackson's default 20 M chars per string would
            // refuse a legitimate long contract inside a line below that limit.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonlImportReader() {
    }

    public static ImportBatch read(Path file) throws IOException {
        return read(file, ImportLimits.defaults());
    }

    public static ImportBatch read(Path file, ImportLimits limits) throws IOException {
        return read(file, limits, List.of());
    }

    /**
     * @param documentRoots folders besides the JSONL file's own from which {@code {"path": ...}} documents
     *                      may be read (see {@link DocumentFiles})
     * @throws dev.juror.io.InputFileException when {@code file} is missing, a folder, a FIFO or a device
     */
    public static ImportBatch read(Path file, ImportLimits limits, List<Path> documentRoots) throws IOException {
        try (InputStream in = InputFiles.open(file, file.toString())) {
            return new Session(file, limits, documentRoots).run(in);
        }
    }

    /** The state of one import; never shared between threads. */
    private static final class Session {
        private final Path file;
        private final ImportLimits limits;
        private final LineParsers parsers;
        private final SampleCollector samples = new SampleCollector();
        private final List<RolloutAddition> additions = new ArrayList<>();
        private final List<LineError> errors = new ArrayList<>();
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private CharBuffer chars = CharBuffer.allocate(1 << 12);
        private ImportFormat format;
        private int formatLine;
        private boolean stopped;

        Session(Path file, ImportLimits limits, List<Path> documentRoots) {
            this.file = file;
            this.limits = limits;
            Path dir = file.toAbsolutePath().getParent();
            this.parsers = new LineParsers(new DocumentFiles(dir == null ? Path.of("") : dir, documentRoots,
                    limits.maxDocumentBytes()));
        }

        ImportBatch run(InputStream in) throws IOException {
            JsonlLines lines = new JsonlLines(in, limits.maxLineBytes());
            boolean sawContent = false;
            while (!stopped && lines.next()) {
                int n = lines.lineNumber();
                if (lines.tooLong()) {
                    sawContent = true;
                    error(n, String.format(Locale.ROOT, "line is %.1f MB, above the limit of %.1f MB; move long documents "
                            + "into files referenced as {\"path\": ...} or split the line", mb(lines.byteCount()),
                            mb(limits.maxLineBytes())));
                    continue;
                }
                int offset = n == 1 ? bomLength(lines) : 0;
                if (!decode(lines.bytes(), offset, lines.length() - offset, n)) {
                    sawContent = true;
                    continue;
                }
                if (isBlank(chars)) {
                    continue;
                }
                sawContent = true;
                JsonNode node = parse(n);
                if (node != null) {
                    handle(node, n);
                }
            }
            if (!sawContent) {
                errors.add(new LineError(LineError.WHOLE_FILE, "file is empty: nothing to import from " + file.getFileName()
                        + "; expected one JSON object per line"));
            }
            return new ImportBatch(file, format == null ? ImportFormat.UNKNOWN : format, samples.samples(), additions,
                    errors, lines.lineNumber());
        }

        private static int bomLength(JsonlLines lines) {
            byte[] b = lines.bytes();
            return lines.length() >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
        }

        private boolean decode(byte[] bytes, int offset, int length, int n) {
            if (chars.capacity() < length) {
                chars = CharBuffer.allocate(Math.max(length, chars.capacity() * 2));
            }
            chars.clear();
            decoder.reset();
            ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
            CoderResult result = decoder.decode(in, chars, true);
            if (!result.isError()) {
                result = decoder.flush(chars);
            }
            if (result.isError()) {
                error(n, "not valid UTF-8 (bad byte at position " + (in.position() - offset + 1)
                        + " of the line); save the file as UTF-8");
                return false;
            }
            chars.flip();
            return true;
        }

        private JsonNode parse(int n) {
            try {
                return JSON.readTree(new CharArrayReader(chars.array(), 0, chars.limit()));
            } catch (JsonProcessingException e) {
                String column = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
                error(n, "not valid JSON: " + e.getOriginalMessage() + column
                        + "; each line must hold one complete JSON object");
                return null;
            } catch (IOException e) {
                // A CharArrayReader cannot fail; keep the line's error rather than aborting the import.
                error(n, "cannot be read: " + e.getMessage());
                return null;
            }
        }

        private void handle(JsonNode node, int n) {
            if (!node.isObject()) {
                error(n, "each line must be a JSON object {...}, found " + JsonFields.typeName(node));
                return;
            }
            Optional<ImportFormat> shape = LineShapes.of(node);
            if (format == null) {
                if (shape.isEmpty()) {
                    error(n, "cannot tell the file's format from this line: expected \"target_document\" (Juror sample), "
                            + "\"messages\" (Nova RFT) or \"sample_id\" (rollouts file)");
                    return;
                }
                format = shape.get();
                formatLine = n;
            } else if (shape.isPresent() && shape.get() != format) {
                error(n, "this is " + LineShapes.describe(shape.get()) + " but the file was detected as "
                        + LineShapes.name(format) + " from line " + formatLine
                        + "; put each format in its own file");
                return;
            }
            try {
                switch (format) {
                    case JUROR -> samples.addNew(parsers.juror(node, n));
                    case NOVA_RFT -> samples.addOrMerge(parsers.nova(node, n));
                    case ROLLOUTS -> additions.add(parsers.rollout(node, n));
                    case UNKNOWN -> throw new IllegalStateException("format is decided before lines are handled");
                }
            } catch (InvalidSampleException e) {
                error(n, e.getMessage());
            }
        }

        private void error(int n, String reason) {
            if (errors.size() >= limits.maxErrors()) {
                errors.add(new LineError(n, "stopped reading after " + limits.maxErrors()
                        + " errors; is this the right file? Fix the errors above and import again"));
                stopped = true;
                return;
            }
            errors.add(new LineError(n, reason));
        }

        private static boolean isBlank(CharBuffer text) {
            for (int i = 0; i < text.limit(); i++) {
                if (!Character.isWhitespace(text.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private static double mb(long bytes) {
            return bytes / (1024.0 * 1024.0);
        }
    }
}
