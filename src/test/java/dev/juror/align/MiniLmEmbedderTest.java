package dev.juror.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process all-MiniLM-L6-v2 model: loads from the classpath (no network) and ranks meaning. */
class MiniLmEmbedderTest {

    @Test
    void similarMeaningsAreCloserThanUnrelatedOnes() {
        List<float[]> v = new MiniLmEmbedder().embed(List.of(
                "The supplier's liability is unlimited; add a cap.",
                "Liability has no upper limit, the clause should cap it.",
                "The weather in Lisbon was sunny yesterday.",
                ""));

        assertThat(v).hasSize(4);
        assertThat(v.get(0)).hasSize(384);
        double close = TextEmbedder.cosine(v.get(0), v.get(1));
        double far = TextEmbedder.cosine(v.get(0), v.get(2));
        assertThat(close).isGreaterThan(0.6).isGreaterThan(far + 0.3);
    }

    @Test
    void theFewShotSourceRunsWithTheRealModel() throws Exception {
        List<Candidate> candidates = FewShotSource.withMiniLm()
                .propose(AlignFixtures.context(AlignFixtures.manyMistakes(), java.util.Optional.empty()));

        assertThat(candidates).extracting(Candidate::id).containsExactly("few-shot-1", "few-shot-2");
        dev.juror.rubric.Rubric similar = new dev.juror.rubric.RubricYaml().read(candidates.get(1).rubricYaml(), "c");
        assertThat(similar.examples()).hasSizeGreaterThan(4)
                .filteredOn(e -> e.comment().contains("Typo")).isEmpty();
    }
}
