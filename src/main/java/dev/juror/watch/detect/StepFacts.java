package dev.juror.watch.detect;

import dev.juror.reward.checks.RuleCategory;
import dev.juror.watch.StepRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One step read once for every detector and the step summary: sums and counts the windows add up,
 * so a 2,048-record step is walked a few times, not once per detector.
 *
 * @param injection records whose checks include an injection or obfuscation rule ({@link #INJECTION_CATEGORIES})
 * @param copied    records that quote the Reference in an excerpt (the reward's {@value #EXCERPTS_IN_REFERENCE}
 *                  metric) or whose prediction is word for word another prompt's at the step (a playbook
 *                  pasted into every answer)
 * @param atMax     records whose reward is at the maximum (1.0)
 * @param groups    prompts with at least two generations at the step
 * @param flatGroups those of them whose rewards all lie within {@link #FLAT_RANGE}
 * @param lengthRewardRho Spearman correlation of prediction length and reward within the step, on at most
 *                        {@link Ranks#MAX_RECORDS} records of it (NaN under 30 records)
 * @param dimCounts per dimension with a baseline distribution: the step's {@code dim.*} values counted at the nearest level
 */
public record StepFacts(int step, int n, double rewardSum, double rewardMin, double rewardMax, double lengthSum,
                        double commentsSum, int fallback, int judgeErrors, int failed, int injection, int copied,
                        int atMax, int groups, int flatGroups, double lengthRewardRho, Map<String, long[]> dimCounts) {

    /** Rule families of the reward's checks counted by {@code injection}: injection, hidden text, encodings, master keys. */
    public static final List<RuleCategory> INJECTION_CATEGORIES = List.of(RuleCategory.INJECTION,
            RuleCategory.HIDDEN_TEXT, RuleCategory.ENCODED, RuleCategory.MASTER_KEY);
    /** Rewards of one prompt's generations closer than this count as equal (no learning signal). */
    public static final double FLAT_RANGE = 0.01;
    /** A reward at or above this is at the maximum. */
    public static final double MAX_REWARD = 1.0 - 1e-9;
    /** Predictions shorter than this are not counted as copied (an empty answer repeats by nature). */
    public static final int COPY_MIN_CHARS = 40;
    /** The reward's metric: excerpts found in the Reference document rather than in the contract. */
    public static final String EXCERPTS_IN_REFERENCE = "excerpts_in_reference";

    public double rewardMean() {
        return n == 0 ? Double.NaN : rewardSum / n;
    }

    /** The step's facts against the baseline: {@link StepTally#of} counted at the baseline's levels. */
    public static StepFacts of(StepRecords s, Baseline baseline) {
        return StepTally.of(s).facts(baseline);
    }

    /** Everything but the score counts ({@code dimCounts} empty): what {@link StepTally} stores beside the multisets. */
    static StepFacts withoutScores(StepRecords s) {
        int n = s.size();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double length = 0;
        double comments = 0;
        int fallback = 0;
        int judgeErrors = 0;
        int failed = 0;
        int injection = 0;
        int atMax = 0;
        for (int i = 0; i < n; i++) {
            double r = s.reward()[i];
            sum += r;
            min = Math.min(min, r);
            max = Math.max(max, r);
            length += s.predictionChars()[i];
            comments += s.comments()[i];
            fallback += s.fallback()[i] ? 1 : 0;
            judgeErrors += s.judgeError()[i] ? 1 : 0;
            failed += s.fallback()[i] || s.judgeError()[i] ? 1 : 0;
            injection += injection(s.checks().get(i)) ? 1 : 0;
            atMax += r >= MAX_REWARD ? 1 : 0;
        }
        int[] groups = groups(s);
        return new StepFacts(s.step(), n, sum, min, max, length, comments, fallback, judgeErrors, failed, injection,
                copied(s), atMax, groups[0], groups[1], n < 30 ? Double.NaN : Ranks.spearman(s.predictionChars(), s.reward()),
                Map.of());
    }

    static boolean injection(List<String> checks) {
        for (String c : checks) {
            for (RuleCategory cat : INJECTION_CATEGORIES) {
                if (c.startsWith(cat.prefix() + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {groups with two or more generations, flat ones}. */
    private static int[] groups(StepRecords s) {
        Map<String, double[]> byPrompt = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            double r = s.reward()[i];
            double[] g = byPrompt.computeIfAbsent(s.promptSha256()[i], k -> new double[]{r, r, 0});
            g[0] = Math.min(g[0], r);
            g[1] = Math.max(g[1], r);
            g[2]++;
        }
        int groups = 0;
        int flat = 0;
        for (double[] g : byPrompt.values()) {
            if (g[2] >= 2) {
                groups++;
                flat += g[1] - g[0] < FLAT_RANGE ? 1 : 0;
            }
        }
        return new int[]{groups, flat};
    }

    /** Records that quote the Reference or repeat another prompt's prediction (see {@code copied}). */
    static boolean[] copiedMask(StepRecords s) {
        boolean[] mask = boilerplateMask(s);
        double[] quoted = s.metric(EXCERPTS_IN_REFERENCE);
        if (quoted != null) {
            for (int i = 0; i < mask.length; i++) {
                mask[i] |= quoted[i] > 0;
            }
        }
        return mask;
    }

    private static boolean[] boilerplateMask(StepRecords s) {
        Map<String, String> firstPrompt = new HashMap<>();
        Map<String, Boolean> shared = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.predictionChars()[i] < COPY_MIN_CHARS) {
                continue;
            }
            String p = firstPrompt.putIfAbsent(s.predictionSha256()[i], s.promptSha256()[i]);
            if (p != null && !p.equals(s.promptSha256()[i])) {
                shared.put(s.predictionSha256()[i], true);
            }
        }
        boolean[] mask = new boolean[s.size()];
        if (!shared.isEmpty()) {
            for (int i = 0; i < s.size(); i++) {
                mask[i] = s.predictionChars()[i] >= COPY_MIN_CHARS && shared.containsKey(s.predictionSha256()[i]);
            }
        }
        return mask;
    }

    private static int copied(StepRecords s) {
        int c = 0;
        for (boolean b : copiedMask(s)) {
            c += b ? 1 : 0;
        }
        return c;
    }
}
