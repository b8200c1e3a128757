package dev.juror.dataset;

/**
 * Finds the window of a folded document most similar to a folded excerpt. Two steps keep it fast on
 * long contracts: (1) a bag-of-words window as long as the excerpt slides over the document's word
 * ids in linear time and keeps the few windows sharing the most words (at least half) with the
 * excerpt, dropping those sharing under 90% of the best one's; (2) each candidate region (window plus slack) is aligned to the excerpt with a
 * semi-global edit distance (free start and end in the document), and similarity is
 * {@code 1 - distance / max(excerpt length, window length)}; the first candidate reaching the
 * threshold is taken. Excerpts above
 * {@link #MAX_ALIGNED_CHARS} characters use the word overlap as similarity instead, bounding the
 * quadratic step.
 */
final class FuzzyMatcher {

    static final int CANDIDATES = 3;
    static final int MAX_ALIGNED_CHARS = 2000;
    private static final double MIN_WORD_OVERLAP = 0.5;
    private static final double TOP_SHARE = 0.9;

    /** A window of the folded document: [start, end) and its similarity. */
    record Window(int start, int end, double similarity) {
    }

    private FuzzyMatcher() {
    }

    /**
     * The best window, or null when no window shares at least half of the excerpt's words.
     * Candidates are aligned in order of shared words; the first reaching {@code stopAt} wins, and a
     * candidate sharing under 90% of the top candidate's words is not aligned (it would not win).
     */
    static Window best(NormalizedText document, WordIndex words, String excerpt, double stopAt) {
        int[] excerptIds = words.lookup(excerpt);
        int w = excerptIds.length;
        int n = words.size();
        if (w == 0 || n == 0) {
            return null;
        }
        int width = Math.min(w, n);
        int[] overlaps = slideOverlap(words, excerptIds, width);
        int minOverlap = Math.max(1, (int) Math.ceil(MIN_WORD_OVERLAP * w));
        Window best = null;
        int topOverlap = -1;
        for (int c = 0; c < CANDIDATES; c++) {
            int s = argMax(overlaps);
            if (s < 0 || overlaps[s] < minOverlap || overlaps[s] < TOP_SHARE * topOverlap) {
                break;
            }
            topOverlap = Math.max(topOverlap, overlaps[s]);
            Window window = excerpt.length() > MAX_ALIGNED_CHARS
                    ? new Window(words.starts[s], words.ends[s + width - 1], overlaps[s] / (double) w)
                    : align(excerpt, document.text, words.starts[s], words.ends[s + width - 1]);
            if (best == null || window.similarity() > best.similarity()) {
                best = window;
            }
            if (best.similarity() >= stopAt) {
                break;
            }
            // suppress windows overlapping this one so the next candidate is elsewhere
            for (int k = Math.max(0, s - width + 1); k < Math.min(overlaps.length, s + width); k++) {
                overlaps[k] = -1;
            }
        }
        return best;
    }

    /** overlaps[s] = size of the multiset intersection of the excerpt's words and words[s, s+width). */
    private static int[] slideOverlap(WordIndex words, int[] excerptIds, int width) {
        // local slots for the excerpt's distinct known words
        int[] slotOf = new int[0];
        int slots = 0;
        java.util.HashMap<Integer, Integer> slotById = new java.util.HashMap<>();
        int maxId = -1;
        for (int id : excerptIds) {
            maxId = Math.max(maxId, id);
        }
        if (maxId >= 0) {
            slotOf = new int[maxId + 1];
            java.util.Arrays.fill(slotOf, -1);
        }
        int[] need = new int[excerptIds.length];
        for (int id : excerptIds) {
            if (id < 0) {
                continue;
            }
            Integer slot = slotById.get(id);
            if (slot == null) {
                slot = slots++;
                slotById.put(id, slot);
                slotOf[id] = slot;
            }
            need[slot]++;
        }
        int[] have = new int[Math.max(1, slots)];
        int[] ids = words.ids;
        int count = ids.length - width + 1;
        int[] overlaps = new int[count];
        int overlap = 0;
        for (int k = 0; k < ids.length; k++) {
            int in = ids[k] < slotOf.length ? slotOf[ids[k]] : -1;
            if (in >= 0 && have[in]++ < need[in]) {
                overlap++;
            }
            if (k >= width) {
                int leaving = ids[k - width];
                int out = leaving < slotOf.length ? slotOf[leaving] : -1;
                if (out >= 0 && --have[out] < need[out]) {
                    overlap--;
                }
            }
            if (k >= width - 1) {
                overlaps[k - width + 1] = overlap;
            }
        }
        return overlaps;
    }

    private static int argMax(int[] values) {
        int best = -1;
        for (int k = 0; k < values.length; k++) {
            if (values[k] >= 0 && (best < 0 || values[k] > values[best])) {
                best = k;
            }
        }
        return best;
    }

    /** Semi-global alignment of the excerpt inside document[from - slack, to + slack). */
    static Window align(String excerpt, String document, int from, int to) {
        int m = excerpt.length();
        int slack = Math.max(8, m / 4);
        int regionStart = Math.max(0, from - slack);
        int regionEnd = Math.min(document.length(), to + slack);
        int n = regionEnd - regionStart;
        char[] a = excerpt.toCharArray();
        char[] b = new char[n];
        document.getChars(regionStart, regionEnd, b, 0);
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        int[] prevStart = new int[n + 1];
        int[] curStart = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prevStart[j] = j;
        }
        for (int i = 1; i <= m; i++) {
            cur[0] = i;
            curStart[0] = 0;
            char ca = a[i - 1];
            for (int j = 1; j <= n; j++) {
                int best = prev[j - 1] + (ca == b[j - 1] ? 0 : 1);
                int start = prevStart[j - 1];
                int skipExcerpt = prev[j] + 1;
                if (skipExcerpt < best) {
                    best = skipExcerpt;
                    start = prevStart[j];
                }
                int skipDocument = cur[j - 1] + 1;
                if (skipDocument < best) {
                    best = skipDocument;
                    start = curStart[j - 1];
                }
                cur[j] = best;
                curStart[j] = start;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            t = prevStart;
            prevStart = curStart;
            curStart = t;
        }
        int end = 0;
        for (int j = 1; j <= n; j++) {
            if (prev[j] < prev[end]) {
                end = j;
            }
        }
        int start = prevStart[end];
        int distance = prev[end];
        double similarity = 1.0 - distance / (double) Math.max(m, end - start);
        // trim folded spaces at the window's edges so offsets cover text only
        int s = regionStart + start;
        int e = regionStart + end;
        while (s < e && document.charAt(s) == ' ') {
            s++;
        }
        while (e > s && document.charAt(e - 1) == ' ') {
            e--;
        }
        return new Window(s, e, similarity);
    }
}
