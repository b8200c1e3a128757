package dev.juror.watch.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facts of consecutive steps (by index among the steps with records) added up. */
record Window(int fromStep, int toStep, int steps, long n, double rewardSum, double lengthSum, double commentsSum,
              long failed, long fallback, long judgeErrors, long injection, long copied, long atMax, long groups,
              long flatGroups, double rhoMean, int rhoSteps, Map<String, long[]> dimCounts) {

    static Window over(List<StepFacts> facts, int from, int to) {
        long n = 0;
        double reward = 0;
        double length = 0;
        double comments = 0;
        long failed = 0;
        long fallback = 0;
        long judgeErrors = 0;
        long injection = 0;
        long copied = 0;
        long atMax = 0;
        long groups = 0;
        long flat = 0;
        double rho = 0;
        int rhoSteps = 0;
        Map<String, long[]> dims = new LinkedHashMap<>();
        for (int i = from; i <= to; i++) {
            StepFacts f = facts.get(i);
            n += f.n();
            reward += f.rewardSum();
            length += f.lengthSum();
            comments += f.commentsSum();
            failed += f.failed();
            fallback += f.fallback();
            judgeErrors += f.judgeErrors();
            injection += f.injection();
            copied += f.copied();
            atMax += f.atMax();
            groups += f.groups();
            flat += f.flatGroups();
            if (!Double.isNaN(f.lengthRewardRho())) {
                rho += f.lengthRewardRho();
                rhoSteps++;
            }
            f.dimCounts().forEach((dim, counts) -> {
                long[] sum = dims.computeIfAbsent(dim, k -> new long[counts.length]);
                for (int j = 0; j < counts.length; j++) {
                    sum[j] += counts[j];
                }
            });
        }
        return new Window(facts.get(from).step(), facts.get(to).step(), to - from + 1, n, reward, length, comments,
                failed, fallback, judgeErrors, injection, copied, atMax, groups, flat,
                rhoSteps == 0 ? Double.NaN : rho / rhoSteps, rhoSteps, dims);
    }

    double rewardMean() {
        return rewardSum / n;
    }

    double lengthMean() {
        return lengthSum / n;
    }

    double commentsMean() {
        return commentsSum / n;
    }

    double rate(long count) {
        return n == 0 ? 0 : (double) count / n;
    }

    String span() {
        return fromStep == toStep ? "step " + fromStep : "steps " + fromStep + "-" + toStep;
    }

    /** Two-proportion z statistic of {@code k1/n1} above {@code k0/n0} (pooled); 0 when both are 0. */
    static double z(long k1, long n1, long k0, long n0) {
        double p = (double) (k1 + k0) / (n1 + n0);
        double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n0));
        return se == 0 ? 0 : ((double) k1 / n1 - (double) k0 / n0) / se;
    }
}
