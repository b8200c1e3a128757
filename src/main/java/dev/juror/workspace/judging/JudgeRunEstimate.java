package dev.juror.workspace.judging;

import dev.juror.export.JudgeRunCost;
import dev.juror.export.PriceTables;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.ReplayJudge;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.judge.run.RolloutPair;
import dev.juror.judge.run.RolloutPairs;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Mode;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgePlanLoader;
import dev.juror.store.JudgeResultRepository.OutputTokenMean;
import dev.juror.store.Repositories;
import dev.juror.store.SampleDocuments;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a judge run would cost before it is started, on demand and as a Bedrock batch job: the rollouts (or
 * pairs) are selected exactly as {@link JudgeRunLauncher#create} selects them, every distinct prompt is
 * rendered to measure its length, and the price table gives both prices. Nothing is stored, except the
 * workspace's {@code prices.yaml}, written from the shipped example table when it is missing (as
 * {@code juror budget} does).
 *
 * <p>Input tokens are rendered characters / {@value #CHARS_PER_TOKEN}, a rule of thumb for English text, not
 * a tokenizer. Output tokens are the mean of earlier ok results of the same rubric version and model when the
 * workspace has any, else the rubric's {@code judge.max_tokens}, an upper bound.
 */
public final class JudgeRunEstimate {

    static final int CHARS_PER_TOKEN = 4;
    /** Judges that make no model call: their results say nothing about a model's answer length. */
    private static final Set<String> NOT_MODEL_CALLS = Set.of(HeuristicJudge.PROVIDER, ReplayJudge.PROVIDER);
    private static final int PAGE = 500;

    private final Workspace workspace;
    private final Repositories repositories;

    public JudgeRunEstimate(Workspace workspace) {
        this.workspace = workspace;
        this.repositories = Repositories.of(workspace);
    }

    /**
     * The run to estimate, as {@link JudgeRunLauncher.NewRun} names it.
     *
     * @param model             the judge model; blank for the rubric's {@code judge.model_id}
     * @param sampleIds         the samples whose rollouts would be judged; empty for all
     * @param maxPairsPerSample pairwise rubrics: at most this many pairs per sample; empty for the run's default
     * @param pricesFile        a price table; empty for the workspace's {@code prices.yaml}
     */
    public record Request(String rubricText, String rubricSource, String model, List<String> sampleIds, int repeats,
                          OptionalInt maxPairsPerSample, Optional<Path> pricesFile) {
        public Request {
            Objects.requireNonNull(rubricText, "rubricText");
            Objects.requireNonNull(rubricSource, "rubricSource");
            model = model == null ? "" : model;
            sampleIds = List.copyOf(sampleIds);
            Objects.requireNonNull(maxPairsPerSample, "maxPairsPerSample");
            Objects.requireNonNull(pricesFile, "pricesFile");
        }
    }

    /**
     * The estimate.
     *
     * @param items                  distinct judgements (rollouts, or pairs in both orders)
     * @param calls                  items x repeats: the records a batch job would hold
     * @param inputTokensPerCall     mean estimated prompt tokens of one call
     * @param maxInputTokens         the longest prompt, estimated the same way
     * @param outputTokensPerCall    measured mean, or the rubric's max_tokens
     * @param outputMeasured         whether {@code outputTokensPerCall} was measured
     * @param tokensBasis            one line saying how both token figures were found
     * @param cost                   on-demand and batch cost, and whether the batch minimum is reached
     * @param pricesCreated          this call wrote the workspace's prices.yaml from the shipped example table
     * @param leftOutWithoutComments rollouts a comment-level rubric has nothing to grade in
     * @param leftOutSingleRollout   pairwise: samples with fewer than two rollouts
     */
    public record Estimate(String rubricName, String rubricVersion, String model, int items, int repeats, long calls,
                           double inputTokensPerCall, long maxInputTokens, double outputTokensPerCall,
                           boolean outputMeasured, String tokensBasis, JudgeRunCost cost, String currency,
                           String pricesSource, boolean pricesCreated, int leftOutWithoutComments,
                           int leftOutSingleRollout) {

        /** {@code batch: needs at least 100 records, this run has N}. */
        public String batchMinimumLine() {
            return "batch: needs at least " + JudgeRunCost.BATCH_MINIMUM_RECORDS + " records, this run has " + calls
                    + (cost.meetsBatchMinimum() ? "" : " (run it on demand, or with more samples or repeats)");
        }
    }

    /**
     * @throws RubricException     the rubric text is not a valid rubric
     * @throws JudgeSetupException naming {@code repeats}, {@code max-pairs-per-sample}, {@code samples},
     *                             {@code selection} or {@code pairs}, as {@link JudgeRunLauncher#create} does
     * @throws dev.juror.export.PriceTableException the price table cannot be read
     */
    public Estimate estimate(Request request) throws RubricException {
        if (request.repeats() < 1 || request.repeats() > JudgePlan.MAX_REPEATS) {
            throw new JudgeSetupException("repeats", "must be between 1 and " + JudgePlan.MAX_REPEATS + ", was "
                    + request.repeats());
        }
        Rubric rubric = new RubricYaml().read(request.rubricText(), request.rubricSource());
        boolean pairwise = rubric.mode() == Mode.PAIRWISE;
        if (request.maxPairsPerSample().isPresent() && !pairwise) {
            throw new JudgeSetupException("max-pairs-per-sample", "applies to pairwise rubrics only; "
                    + request.rubricSource() + " (" + rubric.name() + ") is pointwise: leave it out");
        }
        int maxPairs = request.maxPairsPerSample().orElse(JudgeRunLauncher.DEFAULT_MAX_PAIRS_PER_SAMPLE);
        if (maxPairs < 1 || maxPairs > RolloutPairs.MAX_PER_SAMPLE) {
            throw new JudgeSetupException("max-pairs-per-sample", "must be between 1 and " + RolloutPairs.MAX_PER_SAMPLE
                    + ", was " + maxPairs);
        }
        String model = request.model().isBlank() ? rubric.judge().modelId() : request.model();
        String version = CanonicalForm.version(rubric);
        Prompts prompts = new Prompts();
        int withoutComments = 0;
        int singleRollout = 0;
        JudgePlanLoader loader = new JudgePlanLoader(repositories);
        try {
            if (pairwise) {
                JudgePlanLoader.PairSelection selection = loader.selectPairs(request.sampleIds(), maxPairs);
                if (selection.pairs().isEmpty()) {
                    throw nothingToJudge(!selection.samplesWithOneRollout().isEmpty());
                }
                singleRollout = selection.samplesWithOneRollout().size();
                renderPairs(rubric, selection.pairs(), request.sampleIds(), prompts);
            } else {
                JudgePlanLoader.RolloutSelection selection = loader.selectGradeable(request.sampleIds(), rubric.unit());
                if (selection.selected().isEmpty()) {
                    throw nothingToJudge(false);
                }
                withoutComments = selection.withoutComments().size();
                Set<Long> wanted = new HashSet<>(selection.selected());
                eachSample(request.sampleIds(), wanted, (docs, rollouts) -> rollouts.forEach(r -> prompts.add(rubric,
                        JudgeItem.pointwise("rollout-" + r.id(), rubric, docs.systemPrompt(), docs.target(),
                                docs.reference(), r.toPrediction()))));
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof JudgeSetupException setup) {
                throw setup;
            }
            throw new JudgeSetupException("samples", e.getMessage());
        }
        OutputTokenMean earlier = repositories.judgeResults().outputTokenMean(version, model, NOT_MODEL_CALLS);
        boolean measured = earlier.results() > 0;
        double output = measured ? earlier.mean() : rubric.judge().maxTokens();
        String basis = "input: rendered prompt characters / " + CHARS_PER_TOKEN + " (a rule of thumb, not a "
                + "tokenizer); output: " + (measured
                ? "mean of " + earlier.results() + " earlier ok result" + (earlier.results() == 1 ? "" : "s")
                + " of rubric version " + version + " with judge " + model
                : "the rubric's judge.max_tokens, an upper bound (no earlier ok result of rubric version " + version
                + " with judge " + model + ")");
        PriceTables.Loaded prices = request.pricesFile().map(PriceTables::fromFile)
                .orElseGet(() -> PriceTables.forWorkspace(workspace.directory()));
        long calls = (long) prompts.count * request.repeats();
        JudgeRunCost cost = JudgeRunCost.of(calls, prompts.meanTokens(), output, model, prices.table());
        return new Estimate(rubric.name(), version, model, prompts.count, request.repeats(), calls,
                prompts.meanTokens(), prompts.maxTokens, output, measured, basis, cost, prices.table().currency(),
                prices.table().source(), prices.created(), withoutComments, singleRollout);
    }

    private JudgeSetupException nothingToJudge(boolean onlySingleRollouts) {
        return onlySingleRollouts
                ? new JudgeSetupException("pairs", "none to judge in workspace " + workspace.directory()
                + ": no selected sample has two or more rollouts, and a pairwise rubric compares rollouts of the"
                + " same sample")
                : new JudgeSetupException("selection", "has no rollouts to judge in workspace " + workspace.directory()
                + "; import samples first");
    }

    /** Each pair in both orders, as {@link JudgePlanLoader#planPairs} plans them. */
    private void renderPairs(Rubric rubric, List<RolloutPair> pairs, List<String> sampleIds, Prompts prompts) {
        Map<Long, List<RolloutPair>> byFirst = new HashMap<>();
        Set<Long> wanted = new HashSet<>();
        for (RolloutPair p : pairs) {
            byFirst.computeIfAbsent(p.first(), k -> new ArrayList<>()).add(p);
            wanted.add(p.first());
            wanted.add(p.second());
        }
        eachSample(sampleIds, wanted, (docs, rollouts) -> {
            Map<Long, StoredRollout> byId = new HashMap<>();
            rollouts.forEach(r -> byId.put(r.id(), r));
            for (StoredRollout first : rollouts) {
                for (RolloutPair pair : byFirst.getOrDefault(first.id(), List.of())) {
                    StoredRollout second = byId.get(pair.second());
                    prompts.add(rubric, JudgeItem.pairwise("pair", rubric, docs.systemPrompt(), docs.target(),
                            docs.reference(), first.prediction(), second.prediction()));
                    prompts.add(rubric, JudgeItem.pairwise("pair", rubric, docs.systemPrompt(), docs.target(),
                            docs.reference(), second.prediction(), first.prediction()));
                }
            }
        });
    }

    /**
     * Hands each sample's documents and its wanted rollouts to {@code use}, one sample at a time, so a large
     * workspace is never held in memory whole.
     */
    private void eachSample(List<String> sampleIds, Set<Long> wanted,
                            java.util.function.BiConsumer<SampleDocuments, List<StoredRollout>> use) {
        Consumer<StoredSample> one = sample -> {
            List<StoredRollout> rollouts = repositories.rollouts().ofSample(sample.id()).stream()
                    .filter(r -> wanted.contains(r.id())).toList();
            if (!rollouts.isEmpty()) {
                use.accept(repositories.documents().documentsOf(sample), rollouts);
            }
        };
        if (!sampleIds.isEmpty()) {
            new java.util.LinkedHashSet<>(sampleIds).forEach(id -> one.accept(repositories.samples().find(id)
                    .orElseThrow(() -> new IllegalArgumentException("sample \"" + id + "\" is not in the workspace"))));
            return;
        }
        for (int offset = 0; ; offset += PAGE) {
            List<StoredSample> page = repositories.samples().list(offset, PAGE);
            page.forEach(one);
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** Prompt lengths in estimated tokens: count, sum and the longest. */
    private static final class Prompts {
        private final PromptRenderer renderer = PromptRenderer.secure();
        private int count;
        private long sum;
        private long maxTokens;

        void add(Rubric rubric, JudgeItem item) {
            RenderedPrompt p = renderer.render(rubric, item.promptInputs());
            long tokens = (p.system().length() + (long) p.userMessage().length()) / CHARS_PER_TOKEN;
            count++;
            sum += tokens;
            maxTokens = Math.max(maxTokens, tokens);
        }

        double meanTokens() {
            return count == 0 ? 0 : (double) sum / count;
        }
    }
}
