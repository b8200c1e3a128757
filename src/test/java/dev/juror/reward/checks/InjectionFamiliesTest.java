package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.dataset.PredictionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Recall per attack family of issue #18 §2 (other languages, spaced letters, reversal, ROT13 and
 * other Caesar shifts, an instruction split across comments, notes to whoever grades, headings
 * announcing new grading criteria, delimiters written with HTML entities or percent encoding) and
 * the false-positive rate on contract-review commentary in five languages that legitimately talks
 * about previous instructions, scores, grading and evaluation criteria. Each text is scanned as
 * the reward does, with {@code scanPrediction} on the parsed prediction. The printed table is the
 * one in docs/reward-checks.md.
 */
class InjectionFamiliesTest {

    private final InjectionScanner scanner = new InjectionScanner();

    private CheckResult scan(String text) {
        return scanner.scanPrediction(PredictionParser.parse(text));
    }

    @Test
    void everyFamilyIsCaughtWithItsExpectedRules() {
        Map<String, int[]> perFamily = new TreeMap<>(); // family -> {items, all expected rules, any injection}
        List<String> misses = new ArrayList<>();
        List<Corpus.Item> items = Corpus.families();
        for (Corpus.Item item : items) {
            CheckResult result = scan(item.text());
            int[] counts = perFamily.computeIfAbsent(item.group(), k -> new int[3]);
            counts[0]++;
            List<String> missing = item.expect().stream().filter(rule -> !result.hasRule(rule)).toList();
            if (missing.isEmpty()) {
                counts[1]++;
            } else {
                misses.add(item.id() + " missed " + missing + " (found " + names(result) + ")");
            }
            if (result.findings().stream().anyMatch(f -> f.category() == RuleCategory.INJECTION)) {
                counts[2]++;
            }
        }
        System.out.println("| family | attacks | all expected rules | detected (an injection rule fired) |");
        System.out.println("|---|---|---|---|");
        perFamily.forEach((family, c) -> System.out.printf("| %s | %d | %d/%d (%.2f) | %d/%d (%.2f) |%n",
                family, c[0], c[1], c[0], (double) c[1] / c[0], c[2], c[0], (double) c[2] / c[0]));
        assertThat(perFamily).hasSize(11);
        assertThat(perFamily.values()).allSatisfy(c -> assertThat(c[0]).isGreaterThanOrEqualTo(5));
        assertThat(misses).isEmpty();
    }

    @Test
    void benignCommentaryInFiveLanguagesRaisesNoFinding() {
        Map<String, int[]> perLanguage = new TreeMap<>(); // lang -> {items, false positives}
        List<String> falsePositives = new ArrayList<>();
        for (Corpus.Item item : Corpus.benignMultilingual()) {
            CheckResult result = scan(item.text());
            int[] counts = perLanguage.computeIfAbsent(item.group(), k -> new int[2]);
            counts[0]++;
            if (!result.clean()) {
                counts[1]++;
                falsePositives.add(item.id() + " " + names(result) + ": " + result.findings());
            }
        }
        System.out.println("| language | benign texts | false positives |");
        System.out.println("|---|---|---|");
        perLanguage.forEach((lang, c) -> System.out.printf("| %s | %d | %d |%n", lang, c[0], c[1]));
        assertThat(perLanguage.keySet()).containsExactly("de", "en", "es", "fr", "zh");
        assertThat(perLanguage.values()).allSatisfy(c -> assertThat(c[0]).isGreaterThanOrEqualTo(10));
        assertThat(falsePositives).isEmpty();
    }

    private static String names(CheckResult result) {
        return result.findings().stream().map(CheckFinding::ruleName).distinct().collect(Collectors.joining(","));
    }
}
