package dev.juror.rubric;

import dev.juror.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes rubric files (YAML, snake_case keys). Reading is strict: unknown keys, missing
 * levels, duplicate names, bad values are all refused, every one reported in a single
 * {@link RubricException}. Writing then reading gives an equal rubric.
 */
public final class RubricYaml {

    private final YAMLMapper mapper;

    public RubricYaml() {
        YAMLFactory factory = YAMLFactory.builder()
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
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RubricException(file.toString(), "file not found; check the path", e);
        } catch (IOException e) {
            throw new RubricException(file.toString(), "cannot read the file: " + e.getMessage()
                    + "; check it is a UTF-8 text file you may read", e);
        }
        return read(text, file.toString());
    }

    /** Reads rubric YAML text; {@code source} names it in messages (a file name, "editor"). */
    public Rubric read(String yaml, String source) throws RubricException {
        JsonNode root;
        try (JsonParser parser = mapper.getFactory().createParser(yaml)) {
            root = mapper.readTree(parser);
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
