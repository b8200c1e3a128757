package dev.juror.reward.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the labelled corpora (attacks.jsonl, benign.jsonl) from the test resources. */
final class Corpus {

    /** {@code group} is the attack family or the benign text's language (empty in the older corpora). */
    record Item(String id, List<String> expect, String text, String group) {

        Item(String id, List<String> expect, String text) {
            this(id, expect, text, "");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    static List<Item> attacks() {
        return load("attacks.jsonl");
    }

    static List<Item> benign() {
        return load("benign.jsonl");
    }

    /** Hand-written attacks per family of issue #18 §2 (generate_families.py). */
    static List<Item> families() {
        return load("injection-families.jsonl");
    }

    /** Contract-review commentary in en, fr, es, de, zh (generate_families.py). */
    static List<Item> benignMultilingual() {
        return load("benign-multilingual.jsonl");
    }

    static List<Item> load(String name) {
        InputStream in = Corpus.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("test resource " + name + " missing");
        }
        List<Item> items = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                List<String> expect = new ArrayList<>();
                if (node.has("expect")) {
                    node.get("expect").forEach(e -> expect.add(e.asText()));
                }
                String group = node.has("family") ? node.get("family").asText()
                        : node.has("lang") ? node.get("lang").asText() : "";
                items.add(new Item(node.get("id").asText(), List.copyOf(expect), node.get("text").asText(), group));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }
}
