package dev.juror.workspace;

import dev.juror.judge.run.RolloutPair;
import dev.juror.rubric.Preference;
import dev.juror.store.NewPreference;
import dev.juror.store.PairwiseScoreRow;
import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.StoredPreference;
import dev.juror.store.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Human preferences for pairwise rubrics, as the review desk uses them: which pairs to compare, the
 * preferences so far, a submit (committed before it returns), and what the newest pairwise judge
 * run of the rubric said about a pair, to show once the labeller has given their own.
 */
public final class Preferences {

    private final Repositories repositories;

    public Preferences(Workspace workspace) {
        this.repositories = Repositories.of(workspace);
    }

    /** Two rollouts of one sample to compare, {@code first} being the earlier in the sample's order. */
    public record PairToLabel(String sampleId, long first, int firstIndex, long second, int secondIndex) {
    }

    /**
     * The pairs to compare under a rubric: the pairs its pairwise judge runs compared (newest run
     * first, each pair once), so that human and judge verdicts meet; when no pairwise run exists yet,
     * every pair of rollouts of every sample, in file order.
     */
    public List<PairToLabel> pairs(String rubricName) {
        List<RolloutRepository.Summary> rollouts = new WorkspaceLookups(repositories).rolloutSummaries();
        Map<Long, RolloutRepository.Summary> byId = new TreeMap<>();
        rollouts.forEach(r -> byId.put(r.rolloutId(), r));
        Set<String> seen = new LinkedHashSet<>();
        List<PairToLabel> pairs = new ArrayList<>();
        for (StoredJudgeRun run : new WorkspaceLookups(repositories).runsOf(rubricName)) {
            for (RolloutPair p : run.pairs()) {
                RolloutRepository.Summary a = byId.get(p.first());
                RolloutRepository.Summary b = byId.get(p.second());
                if (a != null && b != null && seen.add(Math.min(a.rolloutId(), b.rolloutId()) + "-"
                        + Math.max(a.rolloutId(), b.rolloutId()))) {
                    pairs.add(new PairToLabel(a.sampleId(), a.rolloutId(), a.index(), b.rolloutId(), b.index()));
                }
            }
        }
        if (!pairs.isEmpty()) {
            return pairs;
        }
        Map<String, List<RolloutRepository.Summary>> bySample = new LinkedHashMap<>();
        rollouts.forEach(r -> bySample.computeIfAbsent(r.sampleId(), k -> new ArrayList<>()).add(r));
        bySample.forEach((sample, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    pairs.add(new PairToLabel(sample, list.get(i).rolloutId(), list.get(i).index(),
                            list.get(j).rolloutId(), list.get(j).index()));
                }
            }
        });
        return pairs;
    }

    public List<StoredPreference> latest() {
        return repositories.preferences().latest();
    }

    /** Stores the preferences of one submit; committed before this returns. */
    public List<StoredPreference> submit(List<NewPreference> preferences) {
        return repositories.preferences().submit(preferences);
    }

    /**
     * The newest pairwise judge run's verdict per dimension on a pair, in the pair's naming (A =
     * {@code first}): order-balanced over the first repeat when both orders were judged. Empty when
     * no pairwise run of the rubric judged the pair.
     */
    public Map<String, Preference> judgeVerdicts(String rubricName, long first, long second) {
        for (StoredJudgeRun run : new WorkspaceLookups(repositories).runsOf(rubricName)) {
            if (!run.pairwise()) {
                continue;
            }
            Map<String, Preference[]> both = new LinkedHashMap<>();
            for (PairwiseScoreRow row : repositories.pairwiseScores().of(run.id())) {
                boolean inOrder = row.shownA() == first && row.shownB() == second;
                boolean swapped = row.shownA() == second && row.shownB() == first;
                if (row.repeat() != 0 || !(inOrder || swapped)) {
                    continue;
                }
                Preference shown = row.shareOfA() == 1 ? Preference.A : row.shareOfA() == 0 ? Preference.B : Preference.TIE;
                both.computeIfAbsent(row.dimension(), d -> new Preference[2])[inOrder ? 0 : 1] =
                        inOrder ? shown : shown == Preference.A ? Preference.B : shown == Preference.B ? Preference.A : shown;
            }
            if (!both.isEmpty()) {
                Map<String, Preference> verdicts = new LinkedHashMap<>();
                both.forEach((d, v) -> verdicts.put(d, v[0] != null && v[1] != null
                        ? (v[0] == v[1] ? v[0] : Preference.TIE) : v[0] != null ? v[0] : v[1]));
                return verdicts;
            }
        }
        return Map.of();
    }
}
