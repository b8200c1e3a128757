package dev.juror.io;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Limits for every YAML file Juror reads (rubrics, regression suites, price tables).
 *
 * <p><b>Size.</b> The parser refuses a document above the given number of characters, a string above
 * it and nesting deeper than {@link #MAX_DEPTH}, so a huge scalar cannot keep the parser busy for
 * minutes; callers also bound the file read ({@link InputFiles}).
 *
 * <p><b>Anchors, aliases, merge keys.</b> Jackson reads an alias ({@code *sc}) as the plain text
 * {@code "sc"} and a merge key ({@code <<: *base}) as an ordinary key, so a file using them would mean
 * something other than what its author wrote. {@link #readTree(ObjectMapper, String)} refuses both with a message
 * saying where and what to do; an anchor alone ({@code &sc}) changes nothing and is accepted.
 */
public final class SafeYaml {

    /** Deeper than any Juror file needs; a deep nest is a mistake or an attack. */
    public static final int MAX_DEPTH = 64;

    /** An alias or merge key: valid YAML that Juror does not read. */
    public static final class UnsupportedYamlException extends JsonParseException {
        private static final long serialVersionUID = 1L;

        UnsupportedYamlException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private SafeYaml() {
    }

    /** A YAML factory builder bounded to {@code maxChars} characters per document and per string. */
    public static YAMLFactoryBuilder builder(int maxChars) {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(maxChars);
        loader.setNestingDepthLimit(MAX_DEPTH);
        loader.setMaxAliasesForCollections(0);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxChars)
                        .maxNestingDepth(MAX_DEPTH)
                        .maxDocumentLength(maxChars)
                        .build());
    }

    /**
     * Parses {@code text} with {@code mapper} (built on a factory from {@link #builder(int)}), refusing
     * aliases and merge keys. The YAML parser is read once into a token buffer, checking each token, and
     * the tree is built from the buffer: Jackson's tree reader takes shortcuts ({@code nextFieldName})
     * that a wrapping parser would not see, and parsing the text twice would double the time.
     *
     * @throws UnsupportedYamlException for an alias or merge key, with its location
     * @throws com.fasterxml.jackson.core.JsonProcessingException for invalid YAML or a limit exceeded
     */
    public static JsonNode readTree(ObjectMapper mapper, String text) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(text);
             TokenBuffer tokens = new TokenBuffer(parser)) {
            while (parser.nextToken() != null) {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw new UnsupportedYamlException(parser, "the alias *" + parser.getText()
                            + " is not supported (Juror does not expand YAML anchors); write the value out in full");
                }
                if (parser.currentToken() == JsonToken.FIELD_NAME && "<<".equals(parser.currentName())) {
                    throw new UnsupportedYamlException(parser, "merge keys (<<) are not supported; write the keys"
                            + " out in full");
                }
                tokens.copyCurrentEvent(parser);
            }
            if (tokens.firstToken() == null) {
                return null;
            }
            try (JsonParser buffered = tokens.asParser(mapper)) {
                return mapper.readTree(buffered);
            }
        }
    }
}
