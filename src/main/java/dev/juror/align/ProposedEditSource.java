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
 * Candidate source (b): the configured judge model reads a bounded sample of the train split's
 * disagreements (judge reason vs expert note and scores) and proposes a change to the rubric: sharper
 * level descriptions, a new mandatory rule, a new edge case ({@link RubricEdit}). A few calls (two by
 * default: the largest disagreements asking for sharper levels, then a seeded sample asking for a rule or
 * an edge case); each answer is applied and validated like any rubric ({@link RubricChanges}) and becomes
 * a candidate, or is rejected with the reason ({@link #rejections()}). Only train items are ever sent.
 *
 * <p>Holds the outcome of its last {@link #propose} for {@link #whyNone} and {@link #rejections()}: use
 * one instance per experiment.
 */
public final class ProposedEditSource implements CandidateSource {

    /** Default calls, hence proposals at most. */
    public static final int DEFAULT_CALLS = 2;
    /** Disagreements sent per call at most: enough to show a pattern, bounded in tokens. */
    public static final int DEFAULT_MAX_ITEMS = 10;

    private final int calls;
    private final int maxItems;
    private final RandomGenerator random;
    private final List<String> rejections = new ArrayList<>();
    private String failure = "";
    private int accepted;

    /** Tag codes from {@code random}: pass a seeded one in tests only (real calls use {@link #ProposedEditSource()}). */
    public ProposedEditSource(int calls, int maxItems, RandomGenerator random) {
        if (calls < 1 || calls > ProposalPrompt.Focus.values().length * 2 || maxItems < 1) {
            throw new IllegalArgumentException("calls must be 1.." + ProposalPrompt.Focus.values().length * 2
                    + " and maxItems at least 1");
        }
        this.calls = calls;
        this.maxItems = maxItems;
        this.random = random;
    }

    public ProposedEditSource() {
        this(DEFAULT_CALLS, DEFAULT_MAX_ITEMS, new SecureRandom());
    }

    @Override
    public String origin() {
        return "proposed";
    }

    @Override
    public synchronized List<Candidate> propose(AlignContext context) {
        rejections.clear();
        failure = "";
        accepted = 0;
        if (context.model().isEmpty() || disagreements(context).isEmpty()) {
            return List.of();
        }
        Rubric baseline = baseline(context);
        List<Candidate> out = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int call = 0; call < calls; call++) {
            String label = "call " + (call + 1);
            ProposalPrompt.Rendered prompt = prompt(context, call, random);
            String answer;
            try {
                answer = context.model().get().ask(prompt.system(), prompt.user());
            } catch (RuntimeException e) {
                failures.add(label + " failed: " + e.getMessage());
                continue;
            }
            ProposalParser.Parsed parsed = ProposalParser.parse(answer);
            if (!parsed.ok()) {
                rejections.add(label + ": " + parsed.rejection());
                continue;
            }
            RubricChanges.Applied applied = RubricChanges.apply(baseline, parsed.change());
            if (!applied.ok()) {
                rejections.add(label + ": " + applied.rejection());
                continue;
            }
            if (out.stream().anyMatch(c -> c.rubricYaml().equals(applied.rubricYaml()))) {
                rejections.add(label + ": the same change as an earlier call");
                continue;
            }
            out.add(new Candidate("proposed-" + (out.size() + 1), origin(), describe(parsed.change()),
                    applied.rubricYaml()));
        }
        failure = String.join("; ", failures);
        accepted = out.size();
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
        if (accepted > 0) {
            return ""; // it did give something; the other calls' rejections are in rejections()
        }
        List<String> why = new ArrayList<>();
        if (!failure.isEmpty()) {
            why.add(failure);
        }
        if (!rejections.isEmpty()) {
            why.add("rejected: " + String.join("; ", rejections));
        }
        return String.join("; ", why);
    }

    /** Why answers of the last {@link #propose} were rejected, one line each ("call 2: ..."). */
    public synchronized List<String> rejections() {
        return List.copyOf(rejections);
    }

    /**
     * Characters of all the calls' prompts (system and user turns), or 0 when {@link #propose} would make
     * no call (no model, no disagreement): for the budget check before any call. Each answer is bounded by
     * the judge settings' max tokens.
     */
    public int promptChars(AlignContext context) {
        if (context.model().isEmpty() || disagreements(context).isEmpty()) {
            return 0;
        }
        int chars = 0;
        for (int call = 0; call < calls; call++) {
            ProposalPrompt.Rendered p = prompt(context, call, new java.util.SplittableRandom(call));
            chars += p.system().length() + p.user().length();
        }
        return chars;
    }

    @Override
    public int plannedCalls(AlignContext context) {
        return callCount(context);
    }

    /** The number of calls {@link #propose} makes for {@code context} (0 or {@code calls}). */
    public int callCount(AlignContext context) {
        return context.model().isEmpty() || disagreements(context).isEmpty() ? 0 : calls;
    }

    private ProposalPrompt.Rendered prompt(AlignContext context, int call, RandomGenerator codes) {
        ProposalPrompt.Focus[] foci = ProposalPrompt.Focus.values();
        return ProposalPrompt.render(context.baselineYaml(), sample(context, call), foci[call % foci.length], codes);
    }

    /** Call 0: the largest disagreements; later calls: a sample drawn with the experiment's seed. */
    private List<TrainExample> sample(AlignContext context, int call) {
        List<TrainExample> all = disagreements(context);
        if (call == 0 || all.size() <= maxItems) {
            return all.stream().limit(maxItems).toList();
        }
        List<TrainExample> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new java.util.Random(context.seed() * 31 + call));
        return shuffled.stream().limit(maxItems).toList();
    }

    /** Train items where judge and experts differ, the largest differences first (then by key). */
    private static List<TrainExample> disagreements(AlignContext context) {
        return context.train().stream().filter(TrainExample::disagrees)
                .sorted(Comparator.comparingInt(ProposedEditSource::distance).reversed()
                        .thenComparing(TrainExample::itemKey))
                .toList();
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
