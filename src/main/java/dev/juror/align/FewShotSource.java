package dev.juror.align;

import dev.juror.rubric.FewShotExample;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate source (a): the baseline rubric plus fixed examples from the train split, written into the
 * rubric ({@code examples:}) so the exported prompt is self-contained: no retrieval, no embedding model
 * at judge time. One candidate per size (4 and 8 examples by default): first the items that show every
 * score level the experts used on each dimension (preferring items the judge got wrong), then the items
 * most like the judge's remaining mistakes (greedy coverage of their neighbourhoods by {@link TextEmbedder}
 * similarity). Only train items are ever read.
 */
public final class FewShotSource implements CandidateSource {

    /** Default sizes, one candidate each: a short prompt, and one that shows each level of a 1-5 scale and more. */
    public static final List<Integer> DEFAULT_SIZES = List.of(4, 8);
    /** Characters kept of an example's text, context and note: a few examples must not crowd the prompt. */
    static final int MAX_COMMENT_CHARS = 1200;
    static final int MAX_CONTEXT_CHARS = 500;
    static final int MAX_NOTE_CHARS = 400;

    private final TextEmbedder embedder;
    private final List<Integer> sizes;

    /** One candidate per size in {@code sizes} (examples per candidate, each 1..20). */
    public FewShotSource(TextEmbedder embedder, List<Integer> sizes) {
        if (sizes.isEmpty() || sizes.stream().anyMatch(k -> k < 1 || k > FewShotExample.MAX_PER_RUBRIC)) {
            throw new IllegalArgumentException("example counts must be between 1 and " + FewShotExample.MAX_PER_RUBRIC
                    + ", got " + sizes);
        }
        this.embedder = embedder;
        this.sizes = List.copyOf(sizes);
    }

    /** With the in-process all-MiniLM-L6-v2 model and the {@link #DEFAULT_SIZES}. */
    public static FewShotSource withMiniLm() {
        return new FewShotSource(new MiniLmEmbedder(), DEFAULT_SIZES);
    }

    @Override
    public String origin() {
        return "few-shot";
    }

    @Override
    public List<Candidate> propose(AlignContext context) {
        Rubric baseline = baseline(context);
        if (!whyNone(context, baseline).isEmpty()) {
            return List.of();
        }
        List<TrainExample> usable = usable(context.train(), baseline);
        List<float[]> vectors;
        String similarityOff = "";
        try {
            vectors = embedder.embed(usable.stream().map(FewShotSource::embeddingText).toList());
        } catch (RuntimeException | LinkageError e) {
            // A platform without ONNX Runtime's native library must not stop the experiment: coverage needs
            // no embedding, only the similarity part is lost (and the description says so).
            vectors = usable.stream().map(u -> new float[1]).toList();
            similarityOff = " (similarity off: the embedding model failed: " + e + ")";
        }
        FewShotPicker picker = new FewShotPicker(usable, vectors, baseline.dimensionNames(), context.seed());

        long mistakes = usable.stream().filter(TrainExample::disagrees).count();
        List<Candidate> out = new ArrayList<>();
        List<java.util.Set<Integer>> seen = new ArrayList<>();
        for (int k : sizes) {
            List<Integer> coverage = picker.byCoverage(k);
            List<Integer> chosen = picker.extendBySimilarity(coverage, k);
            if (seen.contains(java.util.Set.copyOf(chosen))) {
                continue;
            }
            seen.add(java.util.Set.copyOf(chosen));
            String description = "adds " + chosen.size() + " examples from the train split: " + coverage.size()
                    + " covering the expert scores " + String.join(", ", picker.covered(coverage))
                    + (chosen.size() > coverage.size() ? "; " + (chosen.size() - coverage.size())
                            + " most like the judge's " + mistakes + " disagreement(s) with the experts" : "");
            out.add(candidate("few-shot-" + (out.size() + 1), baseline, picker.items(chosen),
                    description + similarityOff));
        }
        return out;
    }

    @Override
    public String whyNone(AlignContext context) {
        return whyNone(context, baseline(context));
    }

    private String whyNone(AlignContext context, Rubric baseline) {
        if (baseline.mode() == Mode.PAIRWISE) {
            return "fixed examples are for pointwise rubrics; " + baseline.name() + " is pairwise";
        }
        if (usable(context.train(), baseline).isEmpty()) {
            return "no train item has an expert score for every dimension of " + baseline.name()
                    + " (" + context.train().size() + " train item(s))";
        }
        return "";
    }

    private static Rubric baseline(AlignContext context) {
        try {
            return new RubricYaml().read(context.baselineYaml(), "baseline rubric");
        } catch (RubricException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Items the experts scored on every dimension, on its scale (an example shows all of a rubric's scores). */
    private static List<TrainExample> usable(List<TrainExample> train, Rubric rubric) {
        return train.stream().filter(e -> !e.comment().isBlank())
                .filter(e -> rubric.dimensions().stream().allMatch(d -> e.expertScores().get(d.name()) != null
                        && d.scale().accepts(e.expertScores().get(d.name()))))
                // a fixed order, so the split's order cannot change a pick (not even through rounding)
                .sorted(java.util.Comparator.comparing(TrainExample::itemKey))
                .toList();
    }

    private static String embeddingText(TrainExample e) {
        return e.comment();
    }

    private static Candidate candidate(String id, Rubric baseline, List<TrainExample> chosen, String description) {
        List<FewShotExample> examples = new ArrayList<>();
        for (TrainExample e : chosen) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            baseline.dimensionNames().forEach(d -> scores.put(d, e.expertScores().get(d)));
            examples.add(new FewShotExample(cut(e.comment(), MAX_COMMENT_CHARS), cut(e.context(), MAX_CONTEXT_CHARS),
                    scores, cut(e.expertNote(), MAX_NOTE_CHARS)));
        }
        String yaml = new RubricYaml().write(baseline.withExamples(examples));
        String replaced = baseline.examples().isEmpty() ? ""
                : " (instead of the baseline's " + baseline.examples().size() + ")";
        return new Candidate(id, "few-shot", description + replaced, yaml);
    }

    /** The text cut at {@code max} characters (on a blank when one is near), marked as cut. */
    static String cut(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int end = t.lastIndexOf(' ', max);
        return t.substring(0, end > max - 80 ? end : max).stripTrailing() + " [...]";
    }
}
