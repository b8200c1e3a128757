package dev.juror.app.review;

import dev.juror.rubric.Preference;
import dev.juror.store.StoredPreference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pairwise desk's reveal in plain words, in the labeller's view of the pair (left / right). */
final class RevealText {

    private RevealText() {
    }

    static String of(List<PairRow> rows, ShownPair shown, Map<String, Preference> judge, List<StoredPreference> others) {
        List<String> lines = new ArrayList<>();
        lines.add(judge.isEmpty() ? "Judge: no pairwise judge run compared this pair."
                : "Judge: " + verdicts(rows, shown, judge));
        Map<String, Map<String, Preference>> byLabeller = new TreeMap<>();
        for (StoredPreference p : others) {
            byLabeller.computeIfAbsent(p.labeller(), k -> new TreeMap<>()).put(p.dimension(), p.towards(shown.pair().first()));
        }
        if (byLabeller.isEmpty()) {
            lines.add("No other labeller has compared this pair.");
        }
        byLabeller.forEach((who, verdicts) -> lines.add(who + ": " + verdicts(rows, shown, verdicts)));
        return String.join("\n", lines);
    }

    private static String verdicts(List<PairRow> rows, ShownPair shown, Map<String, Preference> stored) {
        List<String> parts = new ArrayList<>();
        for (PairRow row : rows) {
            Preference p = stored.get(row.dimension());
            if (p != null) {
                parts.add(row.dimension() + " " + words(shown.toShown(p)));
            }
        }
        return String.join(", ", parts);
    }

    static String words(Preference seen) {
        return switch (seen) {
            case A -> "A (left)";
            case B -> "B (right)";
            case TIE -> "tie";
        };
    }
}
