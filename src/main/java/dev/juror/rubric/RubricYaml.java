package dev.juror.rubric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.juror.io.AtomicFiles;
import dev.juror.io.InputFileException;
import dev.juror.io.InputFiles;
import dev.juror.io.SafeYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes rubric files (YAML, snake_case keys). Reading is strict: unknown keys, missing
 * levels, duplicate names, bad values are all refused, every one reported in a single
 * {@link RubricException}. Writing then reading gives an equal rubric.
 */
public final class RubricYaml {

    /**
     * 256 KB: the shipped rubrics are 3-9 KB. The YAML parser needs about 2 s per MB of scalar text, so
     * without a cap a wrong or hostile file (30 MB) stalls a command or the editor for minutes.
     */
    public static final int MAX_BYTES = 256 * 1024;
    private static final InputFiles.ReadLimit LIMIT = new InputFiles.ReadLimit(MAX_BYTES,
            "a rubric is a few KB; check that this is the rubric file");

    private final YAMLMapper mapper;

    public RubricYaml() {
        YAMLFactory factory = SafeYaml.builder(MAX_BYTES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        this.mapper = new YAMLMapper(factory);
    }

    /** Reads a rubric file; the exception names the file and every problem in it. */
    public Rubric read(Path file) throws RubricException {
        String text;
        try {
            // Messages read "rubrics/x.yaml: the file is not a regular file ...".
            text = InputFiles.readUtf8(file, LIMIT, "the file");
        } catch (InputFileException e) {
            String message = e.kind() == InputFileException.Kind.MISSING ? "file not found; check the path"
                    : e.getMessage();
            throw new RubricException(file.toString(), message, e);
        }
        return read(text, file.toString());
    }

    /** Reads rubric YAML text; {@code source} names it in messages (a file name, "editor"). */
    public Rubric read(String yaml, String source) throws RubricException {
        if (yaml.length() > MAX_BYTES) {
            throw new RubricException(source, List.of(new Problem("", "the rubric is " + yaml.length()
                    + " characters, above the limit of " + InputFiles.size(MAX_BYTES) + "; a rubric is a few KB")));
        }
        JsonNode root;
        try {
            root = SafeYaml.readTree(mapper, yaml);
        } catch (SafeYaml.UnsupportedYamlException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new RubricException(source, List.of(new Problem("", where + e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new RubricException(source, List.of(new Problem("", "not valid YAML" + where + ": "
                    + e.getOriginalMessage() + "; fix the syntax (indentation, ':' after keys, one value per key)")));
        } catch (IOException e) {
            throw new RubricException(source, "cannot parse: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new RubricException(source, List.of(new Problem("", "the file is empty; start from a rubric in"
                    + " rubrics/ (see docs/rubrics.md)")));
        }
        RubricReader reader = new RubricReader();
        Rubric rubric = reader.read(root);
        if (rubric == null) {
            throw new RubricException(source, reader.problems());
        }
        return rubric;
    }

    /** The rubric as YAML, every default written out. */
    public String write(Rubric rubric) {
        try {
            return mapper.writeValueAsString(RubricTree.of(rubric));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write rubric " + rubric.name(), e);
        }
    }

    public void write(Rubric rubric, Path file) throws IOException {
        // Atomic: an editor's save never leaves half a rubric behind.
        AtomicFiles.write(file, write(rubric));
    }
}
