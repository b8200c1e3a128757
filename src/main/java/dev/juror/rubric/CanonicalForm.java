package dev.juror.rubric;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical form of a rubric and its version. Canonical JSON: every default applied,
 * thresholds resolved per dimension, object keys sorted, numbers as plain decimals without
 * trailing zeros (so {@code 1}, {@code 1.0} and {@code 1.00} agree), texts normalised on reading.
 * List order is kept: the order of dimensions and rules is part of the prompt, hence of the meaning.
 */
public final class CanonicalForm {

    /** Bumped when the canonical form itself changes, so old and new hashes never collide by accident. */
    static final int FORMAT = 1;
    /** Hex characters of the version: 48 bits, enough to tell a workspace's versions apart. */
    public static final int VERSION_LENGTH = 12;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private CanonicalForm() {
    }

    /** Compact canonical JSON. */
    public static String json(Rubric rubric) {
        ObjectNode root = RubricTree.resolved(rubric);
        root.put("canonical_form", FORMAT);
        try {
            return JSON.writeValueAsString(canonical(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise rubric " + rubric.name(), e);
        }
    }

    /** The version: the first {@value #VERSION_LENGTH} hex digits of SHA-256 over {@link #json}. */
    public static String version(Rubric rubric) {
        return fullHash(rubric).substring(0, VERSION_LENGTH);
    }

    /** The whole SHA-256, for provenance records that want it. */
    public static String fullHash(Rubric rubric) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(rubric).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            names.sort(null);
            ObjectNode out = f.objectNode();
            for (String name : names) {
                out.set(name, canonical(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(child -> out.add(canonical(child)));
            return out;
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return f.numberNode(d.signum() == 0 ? BigDecimal.ZERO : d);
        }
        return node;
    }
}
