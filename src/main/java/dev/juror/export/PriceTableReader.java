package dev.juror.export;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.io.InputFileException;
import dev.juror.io.InputFiles;
import dev.juror.io.SafeYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads a price table (docs/export.md, "Price table"). Strict: an unknown key, a price written as text,
 * a negative or non-finite price, or a duplicate key is an error naming the file, the line, the key
 * path and the fix, because a typo in a price table silently turns into a wrong budget otherwise.
 */
public final class PriceTableReader {

    public static final String FORMAT = "juror-prices/1";
    static final List<String> ROOT_KEYS = List.of("format", "currency", "note", "models");
    static final List<String> PRICE_KEYS = List.of("input_per_1k", "output_per_1k", "cache_read_per_1k",
            "cache_write_per_1k", "batch_input_per_1k", "batch_output_per_1k");
    static final List<String> MODEL_KEYS = List.of("input_per_1k", "output_per_1k", "cache_read_per_1k",
            "cache_write_per_1k", "batch_input_per_1k", "batch_output_per_1k", "example", "note");

    /** A price table is a few KB; the cap keeps a wrong file from stalling the YAML parser. */
    static final int MAX_BYTES = 256 * 1024;

    private final ObjectMapper yaml;

    public PriceTableReader() {
        this.yaml = new ObjectMapper(SafeYaml.builder(MAX_BYTES)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    }

    public PriceTable read(Path file) {
        String text;
        try {
            text = InputFiles.readUtf8(file, new InputFiles.ReadLimit(MAX_BYTES, "a price table is a few KB"),
                    file.toString());
        } catch (InputFileException e) {
            if (e.kind() != InputFileException.Kind.MISSING) {
                throw new PriceTableException(e.getMessage(), e);
            }
            throw new PriceTableException(file + ": price table not found; fix: give an existing file to --prices, or "
                    + "leave --prices out to use the workspace's prices.yaml");
        }
        return parse(text, file.toString());
    }

    /** Parses {@code text}; {@code source} names it in errors and in budget.md. */
    public PriceTable parse(String text, String source) {
        JsonNode root;
        try {
            root = SafeYaml.readTree(yaml, text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw PriceTableException.at(source, at == null ? 0 : at.getLineNr(), "", "not valid YAML: "
                    + e.getOriginalMessage(), "correct the YAML there (each key once, two-space indents, "
                    + "'key: value'), or delete the file to get the shipped example table back");
        } catch (IOException e) {
            throw new PriceTableException(source + ": cannot parse the price table: " + e.getMessage(), e);
        }
        Map<String, Integer> lines = lines(text);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw PriceTableException.at(source, 1, "", "the price table is empty",
                    "add a 'models:' mapping (see docs/export.md), or delete the file to get the shipped table back");
        }
        Locator loc = new Locator(source, lines);
        if (!root.isObject()) {
            throw loc.error(JsonPointer.empty(), "the top level must be a mapping with 'models:'",
                    "start the file with 'models:' (see docs/export.md)");
        }
        checkKeys(root, JsonPointer.empty(), ROOT_KEYS, loc);
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw loc.error(JsonPointer.empty().appendProperty("format"), "unknown format '"
                    + root.get("format").asText() + "'", "write 'format: " + FORMAT + "'");
        }
        String currency = "USD";
        if (root.has("currency")) {
            JsonNode c = root.get("currency");
            if (!c.isTextual() || c.asText().isBlank()) {
                throw loc.error(JsonPointer.empty().appendProperty("currency"), "the currency must be a name",
                        "write e.g. 'currency: USD'");
            }
            currency = c.asText().trim();
        }
        JsonNode models = root.get("models");
        JsonPointer modelsAt = JsonPointer.empty().appendProperty("models");
        if (models == null || models.isNull()) {
            throw loc.error(models == null ? JsonPointer.empty() : modelsAt, "no 'models:' mapping",
                    "add 'models:' with one entry per judge model id (see docs/export.md)");
        }
        if (!models.isObject()) {
            throw loc.error(modelsAt, "'models' must be a mapping from model id to prices",
                    "write each model as '  \"model-id\":' followed by its prices, indented");
        }
        Map<String, ModelPrice> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            entries.put(e.getKey(), model(e.getKey(), e.getValue(), modelsAt.appendProperty(e.getKey()), loc));
        }
        return new PriceTable(source, currency, entries);
    }

    private static ModelPrice model(String key, JsonNode node, JsonPointer at, Locator loc) {
        if (key.isBlank()) {
            throw loc.error(at, "an empty model id", "write the model id as the key, e.g. \"amazon.nova-pro-v1:0\":");
        }
        if (node.isNull()) {
            // Listed without prices: every price unknown.
            return new ModelPrice(key, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), false, "");
        }
        if (!node.isObject()) {
            throw loc.error(at, "the entry must be a mapping of prices", "write the prices under the model id, "
                    + "indented: " + String.join(", ", PRICE_KEYS));
        }
        checkKeys(node, at, MODEL_KEYS, loc);
        boolean example = false;
        if (node.has("example")) {
            JsonNode ex = node.get("example");
            if (!ex.isBoolean()) {
                throw loc.error(at.appendProperty("example"), "'example' must be true or false",
                        "write 'example: false' once you have checked these prices, 'example: true' otherwise");
            }
            example = ex.asBoolean();
        }
        String note = node.path("note").isValueNode() ? node.path("note").asText() : "";
        return new ModelPrice(key, price(node, "input_per_1k", at, loc), price(node, "output_per_1k", at, loc),
                price(node, "cache_read_per_1k", at, loc), price(node, "cache_write_per_1k", at, loc),
                price(node, "batch_input_per_1k", at, loc), price(node, "batch_output_per_1k", at, loc), example, note);
    }

    private static OptionalDouble price(JsonNode entry, String name, JsonPointer at, Locator loc) {
        JsonNode v = entry.get(name);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        JsonPointer where = at.appendProperty(name);
        if (v.isTextual()) {
            throw loc.error(where, "'" + v.asText() + "' is text, not a number",
                    "write the price per 1,000 tokens as a plain number without quotes or currency sign, e.g. "
                            + name + ": 0.003 (or ~ when unknown)");
        }
        if (!v.isNumber()) {
            throw loc.error(where, "the price must be a number", "write e.g. " + name + ": 0.003 (or ~ when unknown)");
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || d < 0) {
            throw loc.error(where, "the price " + v.asText() + " is negative or not finite",
                    "write the price per 1,000 tokens as a number >= 0 (or ~ when unknown)");
        }
        return OptionalDouble.of(d);
    }

    private static void checkKeys(JsonNode node, JsonPointer at, List<String> allowed, Locator loc) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw loc.error(at.appendProperty(name), "unknown key '" + name + "'",
                        "use one of " + String.join(", ", allowed) + " (prices are per 1,000 tokens)");
            }
        }
    }

    /** Line of every key, by JSON pointer: the tree has no locations, the streaming parser has. */
    private Map<String, Integer> lines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = yaml.getFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                            p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // Already parsed once without error; a failure here only costs the line numbers.
        }
        return lines;
    }

    /** Turns a key path into "line L (path)" for messages. */
    private record Locator(String source, Map<String, Integer> lines) {

        PriceTableException error(JsonPointer at, String problem, String fix) {
            return PriceTableException.at(source, lines.getOrDefault(at.toString(), 0), display(at), problem, fix);
        }

        /** {@code models."us.anthropic.claude...:0".input_per_1k}: ids hold dots, so they are quoted. */
        static String display(JsonPointer at) {
            StringBuilder s = new StringBuilder();
            for (JsonPointer p = at; p != null && !p.matches(); p = p.tail()) {
                String name = p.getMatchingProperty();
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(name.matches("[A-Za-z0-9_]+") ? name : "\"" + name + "\"");
            }
            return s.toString();
        }
    }
}
