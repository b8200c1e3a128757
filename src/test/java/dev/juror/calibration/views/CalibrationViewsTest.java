package dev.juror.calibration.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.JudgeScore;
import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.ScoreRange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Views on small fixtures whose values are worked out by hand in the comments. */
class CalibrationViewsTest {

    static final ScoreRange S3 = new ScoreRange(1, 3);
    static final BootstrapConfig CONFIG = BootstrapConfig.defaults(7).withResamples(200).withParallel(false);

    /*
     * Humans on scale 1..3: i1 (1,1), i2 (2,3), i3 (3,3), i4 only h1 = 2.
     * Pairs h1 x h2 on i1..i3: table O (rows h1, cols h2): (1,1)=1, (2,3)=1, (3,3)=1; n = 3;
     * rows [1,1,1], columns [1,0,2]. Quadratic weights (i-j)^2: observed sum = 1;
     * expected = sum (i-j)^2 r_i c_j / n = (8 + 3 + 4) / 3 = 5; kappa = 1 - 1/5 = 0.8. Exact = 2/3.
     */
    static List<Rating> humans() {
        return List.of(new Rating("s/0/0", "D", "h1", 1), new Rating("s/0/0", "D", "h2", 1),
                new Rating("s/0/1", "D", "h1", 2), new Rating("s/0/1", "D", "h2", 3),
                new Rating("s/0/2", "D", "h1", 3), new Rating("s/0/2", "D", "h2", 3),
                new Rating("s/0/3", "D", "h1", 2));
    }

    static Map<Item, Map<String, Rating>> byItem(List<Rating> ratings) {
        return new ItemScores(ratings).ofDimension("D");
    }

    @Nested
    class Ceiling {
        @Test
        void humanPairsOnDoublyLabelledItemsOnly() {
            HumanCeiling c = HumanCeiling.of(byItem(humans()), List.of("h1", "h2"), S3, CONFIG);
            assertThat(c.doublyCovered()).isEqualTo(3);
            assertThat(c.agreement().pairs()).isEqualTo(3);
            assertThat(c.agreement().kappaQuadratic().estimate().value()).isCloseTo(0.8, within(1e-12));
            assertThat(c.agreement().stat("exact").estimate().value()).isCloseTo(2.0 / 3, within(1e-12));
        }

        @Test
        void noDoublyLabelledItemGivesUndefinedNotNaN() {
            HumanCeiling c = HumanCeiling.of(byItem(List.of(new Rating("a", "D", "h1", 2))), List.of("h1"), S3, CONFIG);
            assertThat(c.doublyCovered()).isZero();
            assertThat(c.agreement().kappaQuadratic().estimate()).isInstanceOf(Estimate.Undefined.class);
            assertThat(c.alphaOrdinal()).isInstanceOf(Estimate.Undefined.class);
        }
    }

    @Nested
    class Loao {
        /*
         * Judge = h1's scores. Held out h1: kappa(h1, h2) = 0.8, kappa(judge, h2) = kappa(h1, h2) = 0.8 -> 0.
         * Held out h2: kappa(h2, h1) = 0.8 (quadratic weights are symmetric), kappa(judge, h1) = 1 -> 0.2.
         * Mean difference = 0.1; judge at least as good for both.
         */
        @Test
        void judgeEqualToOneExpertIsAtLeastAsGoodAsTheHeldOutExpert() {
            Map<Item, Rating> judge = judgeOf("J", Map.of("s/0/0", 1, "s/0/1", 2, "s/0/2", 3, "s/0/3", 2));
            LeaveOneAnnotatorOut l = LeaveOneAnnotatorOut.compute(byItem(humans()), judge, List.of("h1", "h2"), S3, CONFIG);
            assertThat(l.items()).isEqualTo(3);
            assertThat(l.perAnnotator().get(0).kappaHuman().value()).isCloseTo(0.8, within(1e-12));
            assertThat(l.perAnnotator().get(0).difference().value()).isCloseTo(0.0, within(1e-12));
            assertThat(l.perAnnotator().get(1).kappaJudge().value()).isCloseTo(1.0, within(1e-12));
            assertThat(l.perAnnotator().get(1).difference().value()).isCloseTo(0.2, within(1e-12));
            assertThat(l.meanDifference().estimate().value()).isCloseTo(0.1, within(1e-12));
            assertThat(l.judgeWins()).isEqualTo(2);
        }

        /*
         * A judge that reverses the scale (3 for 1, 1 for 3, 2 for 2): against h2 on i1..i3 the pairs are
         * (3,1), (2,3), (1,3): observed sum 4 + 1 + 4 = 9; rows [1,1,1], columns [1,0,2];
         * expected 5 as above -> kappa = 1 - 9/5 = -0.8. Held out h1: -0.8 - 0.8 = -1.6.
         */
        @Test
        void reversedJudgeFallsFarBelowTheCeiling() {
            Map<Item, Rating> judge = judgeOf("J", Map.of("s/0/0", 3, "s/0/1", 2, "s/0/2", 1));
            LeaveOneAnnotatorOut l = LeaveOneAnnotatorOut.compute(byItem(humans()), judge, List.of("h1", "h2"), S3, CONFIG);
            assertThat(l.perAnnotator().get(0).kappaJudge().value()).isCloseTo(-0.8, within(1e-12));
            assertThat(l.perAnnotator().get(0).difference().value()).isCloseTo(-1.6, within(1e-12));
            assertThat(l.meanDifference().estimate().value()).isLessThan(-1);
            assertThat(l.judgeWins()).isZero();
        }

        @Test
        void withoutTwoHumansOnAnItemTheTestIsUndefined() {
            Map<Item, Rating> judge = judgeOf("J", Map.of("s/0/3", 2));
            LeaveOneAnnotatorOut l = LeaveOneAnnotatorOut.compute(byItem(humans()), judge, List.of("h1", "h2"), S3, CONFIG);
            assertThat(l.meanDifference().estimate()).isInstanceOf(Estimate.Undefined.class);
            assertThat(((Estimate.Undefined) l.meanDifference().estimate()).reason()).contains("two or more humans");
        }
    }

    @Nested
    class Consistency {
        /*
         * Repeats: a [3,3,3], b [2,3,2], c [1,1], d [4,5]. Unstable: b and d -> flip rate 2/4.
         * SD (n-1): b sqrt(((1/3)^2 * 2 + (2/3)^2) / 2) = sqrt(1/3) = 0.577350; d sqrt(0.5) = 0.707107;
         * mean SD = (0.577350 + 0.707107) / 4 = 0.321114. d is listed first (larger SD).
         */
        @Test
        void flipRateAndPerItemSd() {
            JudgeRun run = new JudgeRun("r", "v", "m", Instant.EPOCH, List.of(
                    new JudgeScore("a", "D", 0, 3), new JudgeScore("a", "D", 1, 3), new JudgeScore("a", "D", 2, 3),
                    new JudgeScore("b", "D", 0, 2), new JudgeScore("b", "D", 1, 3), new JudgeScore("b", "D", 2, 2),
                    new JudgeScore("c", "D", 0, 1), new JudgeScore("c", "D", 1, 1),
                    new JudgeScore("d", "D", 0, 4), new JudgeScore("d", "D", 1, 5)));
            RepeatConsistency c = RepeatConsistency.of(run.repeatScores(), run.repeats(), "D");
            assertThat(c.items()).isEqualTo(4);
            assertThat(c.flipRate().value()).isEqualTo(0.5);
            assertThat(c.meanSd().value()).isCloseTo((Math.sqrt(1.0 / 3) + Math.sqrt(0.5)) / 4, within(1e-12));
            assertThat(c.unstable()).extracting(RepeatConsistency.UnstableItem::itemKey).containsExactly("d", "b");
            // the rating compared with humans is the median over repeats, half to even: b -> 2, d -> 4.5 -> 4
            assertThat(run.ratings()).extracting(Rating::score).containsExactly(3, 2, 1, 4);
        }

        @Test
        void oneRepeatLeavesTheFlipRateUndefinedWithAReason() {
            JudgeRun run = new JudgeRun("r", "v", "m", Instant.EPOCH, List.of(new JudgeScore("a", "D", 0, 3)));
            RepeatConsistency c = RepeatConsistency.of(run.repeatScores(), run.repeats(), "D");
            assertThat(c.flipRate()).isInstanceOf(Estimate.Undefined.class);
            assertThat(c.flipRate().toString()).contains("2 or more repeats");
        }
    }

    @Nested
    class Disagreements {
        @Test
        void rankedByGapWithBothRationalesAndAgreementsLeftOut() {
            List<Rating> hs = List.of(new Rating("x", "D", "h1", 1, "no quote"), new Rating("x", "D", "h2", 2, "weak"),
                    new Rating("y", "D", "h1", 3, "fine"), new Rating("z", "D", "h1", 2, "meh"));
            Map<Item, Rating> judge = new LinkedHashMap<>();
            judge.put(new Item("x", "D"), new Rating("x", "D", "J", 3, "grounded <b>"));
            judge.put(new Item("y", "D"), new Rating("y", "D", "J", 3, "same"));
            judge.put(new Item("z", "D"), new Rating("z", "D", "J", 1, "bad"));
            List<Disagreement> list = Disagreement.rank(new ItemScores(hs).byItem(), judge);
            // x: |3 - 1.5| = 1.5; z: |1 - 2| = 1; y agrees
            assertThat(list).extracting(Disagreement::itemKey).containsExactly("x", "z");
            assertThat(list.get(0).gap()).isEqualTo(1.5);
            assertThat(list.get(0).judgeRationale()).isEqualTo("grounded <b>");
            assertThat(list.get(0).humans()).extracting(Disagreement.HumanLabel::note).containsExactly("no quote", "weak");
        }
    }

    @Nested
    class CrossJudge {
        /*
         * Humans (one each) on items a..d: 1, 2, 3, 3. Judge j1: 3, 2, 1, 3 (wrong on a, c by 2).
         * Judge j2: 3, 2, 3, 1 (wrong on a, d). Both wrong: a only; either wrong: a, c, d = 3.
         * Errors j1: +2, 0, -2, 0; j2: +2, 0, 0, -2 -> Pearson = 4 / (sqrt(8) sqrt(8)) = 0.5.
         */
        @Test
        void pairsAndSharedErrors() {
            List<Rating> hs = List.of(new Rating("a", "D", "h", 1), new Rating("b", "D", "h", 2),
                    new Rating("c", "D", "h", 3), new Rating("d", "D", "h", 3));
            Map<String, Map<Item, Rating>> judges = new LinkedHashMap<>();
            judges.put("j1", judgeOf("j1", Map.of("a", 3, "b", 2, "c", 1, "d", 3)));
            judges.put("j2", judgeOf("j2", Map.of("a", 3, "b", 2, "c", 3, "d", 1)));
            CrossJudgeMatrix m = CrossJudgeMatrix.of("D", new ItemScores(hs).byItem(), judges, S3, 1.0);
            assertThat(m.raters()).containsExactly("j1", "j2", CrossJudgeMatrix.CONSENSUS);
            assertThat(m.cells()).hasSize(3);
            assertThat(m.cells().get(0).n()).isEqualTo(4);
            assertThat(m.cells().get(0).exact().value()).isEqualTo(0.5);      // j1 and j2 agree on a and b
            CrossJudgeMatrix.SharedErrors s = m.sharedErrors().get(0);
            assertThat(s.bothWrong()).isEqualTo(1);
            assertThat(s.eitherWrong()).isEqualTo(3);
            assertThat(s.items()).containsExactly("a");
            assertThat(s.errorCorrelation().value()).isCloseTo(0.5, within(1e-12));
        }
    }

    static Map<Item, Rating> judgeOf(String run, Map<String, Integer> scores) {
        Map<Item, Rating> m = new LinkedHashMap<>();
        new java.util.TreeMap<>(scores).forEach((k, v) -> m.put(new Item(k, "D"), new Rating(k, "D", run, v)));
        return m;
    }
}
