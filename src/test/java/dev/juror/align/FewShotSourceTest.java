package dev.juror.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.rubric.FewShotExample;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Candidate source (a): fixed examples from the train split, by level coverage and by similarity. */
class FewShotSourceTest {

    private final FewShotSource source = new FewShotSource(AlignFixtures.wordsEmbedder(), List.of(4, 8));

    private static Rubric read(Candidate c) throws Exception {
        return new RubricYaml().read(c.rubricYaml(), c.id());
    }

    @Test
    void everyLevelTheExpertsUsedIsShownPreferringTheJudgesMistakes() throws Exception {
        List<Candidate> candidates = source.propose(AlignFixtures.context(AlignFixtures.train(), Optional.empty()));

        // 3 items cover the 6 (dimension, level) pairs, and no other item is closer to a mistake than the
        // mistakes themselves: the 8-example candidate would be the same, so it is left out
        assertThat(candidates).hasSize(1);
        Candidate coverage = candidates.get(0);
        assertThat(coverage.id()).isEqualTo("few-shot-1");
        assertThat(coverage.origin()).isEqualTo("few-shot");
        Rubric rubric = read(coverage);
        Set<String> shown = rubric.examples().stream()
                .flatMap(e -> e.scores().entrySet().stream().map(s -> s.getKey() + "=" + s.getValue()))
                .collect(Collectors.toSet());
        assertThat(shown).contains("Grounding=1", "Grounding=2", "Grounding=3", "Action=1", "Action=2", "Action=3");
        assertThat(rubric.examples()).hasSize(3);
        // levels 1 and 2 are shown by the items the judge got wrong, with the experts' note
        assertThat(rubric.examples().stream().filter(e -> e.comment().contains("indemnity")))
                .hasSize(2).allMatch(e -> e.explanation().equals("only a vague suggestion"));
        assertThat(coverage.description()).contains("3 covering the expert scores");
        // the rest of the rubric is the baseline's
        Rubric baseline = new RubricYaml().read(AlignFixtures.RUBRIC, "baseline");
        assertThat(rubric.withExamples(List.of())).isEqualTo(baseline);
    }

    @Test
    void theLargerCandidateAddsTheItemsMostLikeTheRemainingMistakes() throws Exception {
        List<Candidate> candidates = source.propose(AlignFixtures.context(AlignFixtures.manyMistakes(), Optional.empty()));

        assertThat(candidates).extracting(Candidate::id).containsExactly("few-shot-1", "few-shot-2");
        List<FewShotExample> four = read(candidates.get(0)).examples();
        List<FewShotExample> eight = read(candidates.get(1)).examples();
        assertThat(four).hasSize(4);
        assertThat(eight.size()).isGreaterThan(4).isLessThanOrEqualTo(8);
        assertThat(eight.subList(0, 3)).isEqualTo(four.subList(0, 3));
        // beyond coverage, only indemnity comments (where the judge errs) are added; never the far typo item
        assertThat(eight.subList(3, eight.size())).allMatch(e -> e.comment().contains("indemnity"));
        assertThat(eight).noneMatch(e -> e.comment().contains("Typo"));
        assertThat(candidates.get(1).description()).contains("most like the judge's 6 disagreement(s)");
    }

    @Test
    void examplesComeFromTheTrainSplitOnlyAndTheChoiceIsRepeatable() throws Exception {
        List<TrainExample> train = AlignFixtures.manyMistakes();
        List<Candidate> first = source.propose(AlignFixtures.context(train, Optional.empty()));
        List<Candidate> again = source.propose(AlignFixtures.context(train, Optional.empty()));
        assertThat(again).isEqualTo(first);
        List<Candidate> reversed = source.propose(AlignFixtures.context(train.reversed(), Optional.empty()));
        assertThat(reversed).extracting(Candidate::rubricYaml).containsExactlyElementsOf(
                first.stream().map(Candidate::rubricYaml).toList());

        Set<String> trainTexts = train.stream().map(TrainExample::comment).collect(Collectors.toSet());
        for (Candidate c : first) {
            assertThat(read(c).examples()).extracting(FewShotExample::comment).isSubsetOf(trainTexts);
        }
    }

    @Test
    void longTextsAreCutAndItemsWithoutEveryScoreAreLeftOut() throws Exception {
        List<TrainExample> train = new ArrayList<>();
        train.add(AlignFixtures.item("long", "word ".repeat(2000), 3, 3, 3, 3, "", ""));
        train.add(new TrainExample("partial", "s", "only grounding scored", "",
                java.util.Map.of("Grounding", 1), "", java.util.Map.of("Grounding", 2), ""));
        List<Candidate> candidates = source.propose(AlignFixtures.context(train, Optional.empty()));

        List<FewShotExample> examples = read(candidates.get(0)).examples();
        assertThat(examples).hasSize(1);
        assertThat(examples.get(0).comment()).hasSizeLessThan(FewShotSource.MAX_COMMENT_CHARS + 10).endsWith("[...]");
    }

    @Test
    void anEmbeddingModelThatFailsToLoadLeavesCoverageWorking() throws Exception {
        TextEmbedder broken = texts -> {
            throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
        };
        List<Candidate> candidates = new FewShotSource(broken, List.of(4, 8))
                .propose(AlignFixtures.context(AlignFixtures.manyMistakes(), Optional.empty()));

        // coverage still shows every level; the remaining slots take the judge's mistakes themselves
        assertThat(candidates).hasSize(2).allMatch(c -> c.description().contains(
                "similarity off: the embedding model failed: java.lang.UnsatisfiedLinkError: no onnxruntime"));
        Set<String> shown = read(candidates.get(0)).examples().stream()
                .flatMap(e -> e.scores().entrySet().stream().map(s -> s.getKey() + "=" + s.getValue()))
                .collect(Collectors.toSet());
        assertThat(shown).hasSize(6);
        assertThat(read(candidates.get(1)).examples()).hasSize(3 + 4) // the 4 mistakes coverage left out
                .filteredOn(e -> e.comment().contains("indemnity")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void saysWhyWhenItHasNothingToPropose() {
        AlignContext empty = AlignFixtures.context(List.of(), Optional.empty());
        assertThat(source.propose(empty)).isEmpty();
        assertThat(source.whyNone(empty)).contains("no train item has an expert score for every dimension");

        String pairwise = AlignFixtures.RUBRIC.replace("unit: comment", "unit: response\nmode: pairwise")
                .replace("scale: 1-3", "scale: preference")
                .replaceAll("(?m)^ {6}[123]: .*\\n", "")
                .replace("levels:\n", "levels:\n      better: Better.\n      tie: Even.\n");
        AlignContext pw = new AlignContext(pairwise, AlignFixtures.train(), 1, Optional.empty());
        assertThat(source.propose(pw)).isEmpty();
        assertThat(source.whyNone(pw)).contains("pointwise");
        assertThatThrownBy(() -> new FewShotSource(AlignFixtures.wordsEmbedder(), List.of(4, 21)))
                .hasMessageContaining("between 1 and 20");
    }
}
