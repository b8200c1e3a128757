package dev.juror.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    private static final String CONTRACT = "contract-review.yaml";

    private static String version(String yaml) throws RubricException {
        return CanonicalForm.version(TestRubrics.read(yaml));
    }

    @Test
    void versionIsTwelveHexDigitsOfTheSha256() throws Exception {
        Rubric r = TestRubrics.shipped(CONTRACT);
        assertThat(CanonicalForm.version(r)).matches("[0-9a-f]{12}");
        assertThat(CanonicalForm.fullHash(r)).matches("[0-9a-f]{64}").startsWith(CanonicalForm.version(r));
        assertThat(CanonicalForm.json(r)).startsWith("{\"aggregation\":").doesNotContain("\n  ");
    }

    @Test
    void formattingDoesNotChangeTheVersion() throws Exception {
        String original = TestRubrics.shippedText(CONTRACT);
        String v = version(original);
        // Written back by Juror: every default explicit, other quoting and block styles.
        assertThat(version(new RubricYaml().write(TestRubrics.read(original)))).isEqualTo(v);
        // Comments and blank lines added, CRLF line ends, trailing blanks.
        String commented = "# a comment\n\n" + original.replace("mode: pointwise", "mode: pointwise   # inline")
                .replace("\n", "  \r\n");
        assertThat(version(commented)).isEqualTo(v);
        // Numbers written differently, defaults spelled out.
        String numbers = original.replace("temperature: 0\n", "temperature: 0.00\n")
                .replace("  max_flip_rate: 0.1\n", "  max_flip_rate: 0.100\n")
                .replace("    deal_breaker: true\n", "    deal_breaker: true\n    weight: 1.0\n");
        assertThat(numbers).isNotEqualTo(original);
        assertThat(version(numbers)).isEqualTo(v);
    }

    @Test
    void aDefaultWrittenOutEqualsTheDefaultLeftOut() throws Exception {
        String v = version(TestRubrics.MINIMAL);
        assertThat(version(TestRubrics.MINIMAL + "  temperature: 0\n  max_tokens: 4096\nunit: response\n"
                + "checks:\n  neutral_reward: 0.5\n  format:\n    enabled: true\n")).isEqualTo(v);
        // An override that demands what the defaults demand changes nothing.
        assertThat(version(TestRubrics.MINIMAL + "validation:\n  per_dimension:\n    Clarity:\n      min_items: 50\n"))
                .isEqualTo(v);
    }

    @Test
    void everyChangeOfMeaningGivesANewVersion() throws Exception {
        String original = TestRubrics.shippedText(CONTRACT);
        String v = version(original);
        List<UnaryOperator<String>> changes = List.of(
                t -> t.replace("limited to the clause at issue", "limited to the clause in question"),
                t -> t.replace("    deal_breaker: true\n", "    deal_breaker: true\n    weight: 2\n"),
                t -> t.replace("  min_kappa_lower_bound: 0.6\n", "  min_kappa_lower_bound: 0.65\n"),
                t -> t.replace("      - An empty or missing text_excerpt scores 1.\n",
                        "      - An empty or missing text_excerpt scores 1.\n      - A second rule.\n"),
                t -> t.replace("model_id: us.anthropic.claude-sonnet-4-5-20250929-v1:0", "model_id: amazon.nova-pro-v1:0"),
                t -> t.replace("  deal_breaker_floor: true", "  deal_breaker_floor: false"),
                t -> t.replace("      html_comment: flag\n", "      html_comment: report\n"),
                t -> t.replace("  neutral_reward: 0.5", "  neutral_reward: 0.4"),
                t -> t.replace("  - Generic comments that would fit any contract.\n", ""));
        for (UnaryOperator<String> change : changes) {
            String changed = change.apply(original);
            assertThat(changed).isNotEqualTo(original);
            assertThat(version(changed)).as(changed).isNotEqualTo(v);
        }
    }

    @Test
    void dimensionOrderIsPartOfTheMeaning() throws Exception {
        Rubric r = TestRubrics.shipped(CONTRACT);
        List<Dimension> reversed = new ArrayList<>(r.dimensions());
        Collections.reverse(reversed);
        Rubric swapped = new Rubric(r.name(), r.description(), r.objective(), r.approach(), r.unit(), r.mode(), reversed,
                r.edgeCases(), r.encourage(), r.discourage(), r.aggregation(), r.judge(), r.validation(), r.checks());
        assertThat(CanonicalForm.version(swapped)).isNotEqualTo(CanonicalForm.version(r));
    }

    // ---- properties ----

    @Property(tries = 60)
    void shufflingKeysAndReindentingKeepsTheVersion(@ForAll("shippedFiles") String file, @ForAll long seed,
                                                    @ForAll("indents") int indent) throws Exception {
        Rubric r = TestRubrics.shipped(file);
        JsonNode shuffled = shuffle(RubricTree.of(r), new Random(seed));
        // JSON is YAML: a different key order, quoting and layout of the same content.
        String json = new ObjectMapper().writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter(" ".repeat(indent), "\n")))
                .writeValueAsString(shuffled);
        assertThat(CanonicalForm.version(TestRubrics.read(json))).isEqualTo(CanonicalForm.version(r));
    }

    @Property(tries = 60)
    void changingAnyLevelTextChangesTheVersion(@ForAll("shippedFiles") String file, @ForAll long seed,
                                               @ForAll("edits") String edit) throws Exception {
        Rubric r = TestRubrics.shipped(file);
        Random random = new Random(seed);
        ObjectNode tree = RubricTree.of(r);
        ArrayNode dims = (ArrayNode) tree.get("dimensions");
        ObjectNode levels = (ObjectNode) dims.get(random.nextInt(dims.size())).get("levels");
        List<String> keys = new ArrayList<>();
        levels.fieldNames().forEachRemaining(keys::add);
        String key = keys.get(random.nextInt(keys.size()));
        levels.put(key, levels.get(key).asText() + edit);
        String yaml = new ObjectMapper().writeValueAsString(tree);
        assertThat(CanonicalForm.version(TestRubrics.read(yaml))).isNotEqualTo(CanonicalForm.version(r));
    }

    @Provide
    Arbitrary<String> shippedFiles() {
        return Arbitraries.of(CONTRACT, "boolean-checklist.yaml", "pairwise-preference.yaml");
    }

    @Provide
    Arbitrary<Integer> indents() {
        return Arbitraries.integers().between(1, 8);
    }

    @Provide
    Arbitrary<String> edits() {
        // Visible text: whitespace-only edits at the end are normalised away by design.
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(5).map(s -> " " + s);
    }

    private static JsonNode shuffle(JsonNode node, Random random) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            Collections.shuffle(names, random);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                out.set(name, shuffle(node.get(name), random));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(shuffle(child, random)));
            return out;
        }
        return node;
    }
}
