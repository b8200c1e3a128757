package dev.juror.align;

import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Candidate source (b): the configured judge model reads the train split's disagreements (judge reason
 * vs expert note) and proposes changes to the rubric: sharper level descriptions, a new mandatory rule, a
 * new edge case ({@link RubricEdit}). One call; each proposal it returns is applied and validated like any
 * rubric ({@link RubricChanges}) and becomes a candidate, or is rejected with the reason (see
 * {@link #rejections()}). Only train items are ever sent.
 *
 * <p>Holds the outcome of its last {@link #propose} for {@link #whyNone} and {@link #rejections()}: use
 * one instance per experiment.
 */
public final class ProposedEditsSource implements CandidateSource {

    /** Default proposals asked for in the one call. */
    public static final int DEFAULT_MAX_PROPOSALS = 3;
    /** Disagreements sent at most, the largest first: enough to show a pattern, bounded in tokens. */
    public static final int DEFAULT_MAX_ITEMS = 12;

    private final int maxProposals;
    private final int maxItems;
    private final RandomGenerator random;
    private final List<String> rejections = new ArrayList<>();
    private String failure = "";

    /** Tag codes from {@code random}: pass a seeded one in tests only (real calls use {@link #ProposedEditsSource()}). */
    public ProposedEditsSource(int maxProposals, int maxItems, RandomGenerator random) {
        if (maxProposals < 1 || maxItems < 1) {
            throw new IllegalArgumentException("maxProposals and maxItems must be at least 1");
        }
        this.maxProposals = maxProposals;
        this.maxItems = maxItems;
        this.random = random;
    }

    public ProposedEditsSource() {
        this(DEFAULT_MAX_PROPOSALS, DEFAULT_MAX_ITEMS, new SecureRandom());
    }

    @Override
    public String origin() {
        return "proposed";
    }

    @Override
    public synchronized List<Candidate> propose(AlignContext context) {
        rejections.clear();
        failure = "";
        List<TrainExample> disagreements = disagreements(context);
        if (context.model().isEmpty() || disagreements.isEmpty()) {
            return List.of();
        }
        Rubric baseline = baseline(context);
        ProposalPrompt.Rendered prompt = ProposalPrompt.render(context.baselineYaml(), disagreements, maxProposals,
                random);
        List<ProposalParser.Parsed> parsed;
        try {
            String answer = context.model().get().ask(prompt.system(), prompt.user());
            parsed = ProposalParser.parse(answer, maxProposals);
        } catch (IllegalArgumentException e) {
            failure = "the model's answer was refused: " + e.getMessage();
            return List.of();
        } catch (RuntimeException e) {
            failure = "the proposal call failed: " + e.getMessage();
            return List.of();
        }
        List<Candidate> out = new ArrayList<>();
        for (ProposalParser.Parsed p : parsed) {
            String label = "proposal " + (p.index() + 1);
            if (!p.rejection().isEmpty()) {
                rejections.add(label + ": " + p.rejection());
                continue;
            }
            RubricChanges.Applied applied = RubricChanges.apply(baseline, p.change());
            if (!applied.ok()) {
                rejections.add(label + ": " + applied.rejection());
                continue;
            }
            out.add(new Candidate("proposed-" + (out.size() + 1), origin(), describe(p.change()), applied.rubricYaml()));
        }
        if (parsed.isEmpty()) {
            failure = "the model proposed no change";
        }
        return out;
    }

    @Override
    public synchronized String whyNone(AlignContext context) {
        if (context.model().isEmpty()) {
            return "no model configured for proposals";
        }
        if (disagreements(context).isEmpty()) {
            return "the baseline judge agrees with the experts on every train item: nothing to learn from";
        }
        if (!failure.isEmpty()) {
            return failure;
        }
        return rejections.isEmpty() ? "" : "every proposal was rejected: " + String.join("; ", rejections);
    }

    /**
     * Characters of the one proposal call's prompt (system and user turns), or 0 when {@link #propose} would
     * make no call (no model, no disagreement): for the budget check before any call. The answer is bounded
     * by the judge settings' max tokens.
     */
    public int promptChars(AlignContext context) {
        List<TrainExample> disagreements = disagreements(context);
        if (context.model().isEmpty() || disagreements.isEmpty()) {
            return 0;
        }
        ProposalPrompt.Rendered p = ProposalPrompt.render(context.baselineYaml(), disagreements, maxProposals,
                new java.util.SplittableRandom(0));
        return p.system().length() + p.user().length();
    }

    /** Why proposals of the last {@link #propose} were rejected, one line each ("proposal 2: ..."). */
    public synchronized List<String> rejections() {
        return List.copyOf(rejections);
    }

    /** Train items where judge and experts differ, the largest differences first, at most {@code maxItems}. */
    private List<TrainExample> disagreements(AlignContext context) {
        return context.train().stream().filter(TrainExample::disagrees)
                .sorted(Comparator.comparingInt(ProposedEditsSource::distance).reversed()
                        .thenComparing(TrainExample::itemKey))
                .limit(maxItems).toList();
    }

    private static int distance(TrainExample e) {
        int sum = 0;
        for (Map.Entry<String, Integer> s : e.expertScores().entrySet()) {
            Integer judge = e.judgeScores().get(s.getKey());
            sum += judge == null ? 0 : Math.abs(judge - s.getValue());
        }
        return sum;
    }

    private static String describe(RubricChange change) {
        String edits = String.join(", ", change.edits().stream().map(RubricEdit::summary).toList());
        return (change.description().isEmpty() ? "proposed by the judge model" : change.description())
                + " [" + edits + "]";
    }

    private static Rubric baseline(AlignContext context) {
        try {
            return new RubricYaml().read(context.baselineYaml(), "baseline rubric");
        } catch (RubricException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
