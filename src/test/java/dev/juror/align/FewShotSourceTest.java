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

    private final FewShotSource source = new FewShotSource(AlignFixtures.wordsEmbedder(), 4);

    private static Rubric read(Candidate c) throws Exception {
        return new RubricYaml().read(c.rubricYaml(), c.id());
    }

    @Test
    void theCoverageCandidateShowsEveryLevelTheExpertsUsed() throws Exception {
        List<Candidate> candidates = source.propose(AlignFixtures.context(AlignFixtures.train(), Optional.empty()));

        Candidate coverage = candidates.get(0);
        assertThat(coverage.id()).isEqualTo("few-shot-1");
        assertThat(coverage.origin()).isEqualTo("few-shot");
        Rubric rubric = read(coverage);
        assertThat(rubric.examples()).hasSizeLessThanOrEqualTo(4);
        Set<String> shown = rubric.examples().stream()
                .flatMap(e -> e.scores().entrySet().stream().map(s -> s.getKey() + "=" + s.getValue()))
                .collect(Collectors.toSet());
        assertThat(shown).contains("Grounding=1", "Grounding=2", "Grounding=3", "Action=1", "Action=2", "Action=3");
        assertThat(coverage.description()).contains("covering the expert scores");
        // the rest of the rubric is the baseline's
        Rubric baseline = new RubricYaml().read(AlignFixtures.RUBRIC, "baseline");
        assertThat(rubric.withExamples(List.of())).isEqualTo(baseline);
    }

    @Test
    void theSimilarityCandidateIsMadeOfItemsLikeTheJudgesMistakes() throws Exception {
        List<Candidate> candidates = source.propose(AlignFixtures.context(AlignFixtures.train(), Optional.empty()));

        assertThat(candidates).hasSize(2);
        Candidate similar = candidates.get(1);
        assertThat(similar.id()).isEqualTo("few-shot-2");
        assertThat(similar.description()).contains("2 disagreement(s)");
        List<FewShotExample> examples = read(similar).examples();
        // the judge is wrong on the indemnity comments only: the first pick is one of them, with its note
        assertThat(examples.get(0).comment()).contains("indemnity");
        assertThat(examples.get(0).explanation()).isEqualTo("only a vague suggestion");
    }

    @Test
    void examplesComeFromTheTrainSplitOnlyAndTheChoiceIsRepeatable() {
        List<TrainExample> train = AlignFixtures.train();
        List<Candidate> first = source.propose(AlignFixtures.context(train, Optional.empty()));
        List<Candidate> again = source.propose(AlignFixtures.context(train, Optional.empty()));
        assertThat(again).isEqualTo(first);

        Set<String> trainTexts = train.stream().map(TrainExample::comment).collect(Collectors.toSet());
        for (Candidate c : first) {
            for (String line : c.rubricYaml().lines().filter(l -> l.contains("comment:")).toList()) {
                assertThat(trainTexts).contains(line.substring(line.indexOf("comment:") + 8).strip());
            }
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
        assertThatThrownBy(() -> new FewShotSource(AlignFixtures.wordsEmbedder(), 21))
                .hasMessageContaining("between 1 and 20");
    }
}
