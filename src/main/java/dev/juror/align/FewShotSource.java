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
 * at judge time. Two candidates: one covering every score level the experts used, one made of the items
 * most like the judge's mistakes (by {@link TextEmbedder} similarity). Only train items are ever read.
 */
public final class FewShotSource implements CandidateSource {

    /** Default examples per candidate: enough to show each level of a 1-5 scale, short enough to pay for. */
    public static final int DEFAULT_MAX_EXAMPLES = 6;
    /** Characters kept of an example's text, context and note: a few examples must not crowd the prompt. */
    static final int MAX_COMMENT_CHARS = 1200;
    static final int MAX_CONTEXT_CHARS = 500;
    static final int MAX_NOTE_CHARS = 400;

    private final TextEmbedder embedder;
    private final int maxExamples;

    public FewShotSource(TextEmbedder embedder, int maxExamples) {
        if (maxExamples < 1 || maxExamples > FewShotExample.MAX_PER_RUBRIC) {
            throw new IllegalArgumentException("maxExamples must be between 1 and " + FewShotExample.MAX_PER_RUBRIC
                    + ", got " + maxExamples);
        }
        this.embedder = embedder;
        this.maxExamples = maxExamples;
    }

    /** With the in-process all-MiniLM-L6-v2 model and {@value #DEFAULT_MAX_EXAMPLES} examples. */
    public static FewShotSource withMiniLm() {
        return new FewShotSource(new MiniLmEmbedder(), DEFAULT_MAX_EXAMPLES);
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
        List<float[]> vectors = embedder.embed(usable.stream().map(FewShotSource::embeddingText).toList());
        FewShotPicker picker = new FewShotPicker(usable, vectors, baseline.dimensionNames(), context.seed());

        List<Candidate> out = new ArrayList<>();
        List<Integer> coverage = picker.byCoverage(maxExamples);
        out.add(candidate("few-shot-1", baseline, picker.items(coverage), "adds " + coverage.size()
                + " examples from the train split covering the expert scores " + String.join(", ",
                picker.covered(coverage))));
        List<Integer> similar = picker.bySimilarity(maxExamples);
        if (!similar.isEmpty() && !similar.stream().sorted().toList().equals(coverage.stream().sorted().toList())) {
            long mistakes = usable.stream().filter(TrainExample::disagrees).count();
            out.add(candidate("few-shot-2", baseline, picker.items(similar), "adds " + similar.size()
                    + " examples from the train split most like the judge's " + mistakes + " disagreement(s)"
                    + " with the experts"));
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
