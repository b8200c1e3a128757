package dev.juror.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines an import passed over on purpose, counted by reason with the first few places named, so the
 * summary says "skipped 3 truncated lines (rewards.log:4, rewards.log:9, ...)" instead of importing
 * less without a word.
 */
public final class Skips {

    /** Why a line is passed over. */
    public enum Reason {
        TRUNCATED("truncated lines"),
        NOT_JSON("lines that are not JSON"),
        NO_RECORD("JSON lines without a juror record"),
        PLATFORM("Lambda platform lines (START, END, REPORT, INIT)"),
        NO_STEP("metric lines without a step number"),
        NO_METRICS("lines without metrics"),
        NOT_METRICS_EVENT("events that are not metrics events"),
        BLANK("blank lines");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int PLACES_KEPT = 5;

    private final Map<Reason, Integer> counts = new LinkedHashMap<>();
    private final Map<Reason, List<String>> places = new LinkedHashMap<>();

    public void add(Reason reason, String where) {
        counts.merge(reason, 1, Integer::sum);
        List<String> kept = places.computeIfAbsent(reason, r -> new ArrayList<>());
        if (kept.size() < PLACES_KEPT) {
            kept.add(where);
        }
    }

    public int count(Reason reason) {
        return counts.getOrDefault(reason, 0);
    }

    public Map<Reason, Integer> counts() {
        return Map.copyOf(counts);
    }

    public List<String> places(Reason reason) {
        return List.copyOf(places.getOrDefault(reason, List.of()));
    }

    /** One sentence per reason, blank lines left out: "skipped 3 truncated lines (f:4, f:9, f:12)". */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        counts.forEach((reason, n) -> {
            if (reason == Reason.BLANK) {
                return;
            }
            List<String> at = places.get(reason);
            out.add("skipped " + n + " " + reason.label() + " (" + String.join(", ", at)
                    + (n > at.size() ? ", ..." : "") + ")");
        });
        return out;
    }
}
