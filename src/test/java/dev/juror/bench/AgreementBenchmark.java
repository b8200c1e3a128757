package dev.juror.bench;

import dev.juror.calibration.stats.Bootstrap;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.BootstrapResult;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Krippendorff;
import dev.juror.calibration.stats.Level;
import dev.juror.calibration.stats.PairedCells;
import dev.juror.calibration.stats.RatingMatrix;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.calibration.stats.TwoRaterAgreement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Targets (docs/benchmarks.md): the whole two-rater statistic set with 2,000-resample bootstrap
 * intervals (percentile + BCa) for 100,000 judge-human pairs on each of 5 dimensions in under 5 s;
 * Krippendorff's alpha for 10,000 items x 5 raters with 20% missing in under 1 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AgreementBenchmark {

    private static final ScoreRange SCALE = new ScoreRange(1, 5);
    private static final int DIMENSIONS = 5;
    private static final int PAIRS = 100_000;

    private final List<int[][]> dimensions = new ArrayList<>();
    private RatingMatrix fiveRaters;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(20261128);
        for (int d = 0; d < DIMENSIONS; d++) {
            int[] human = new int[PAIRS];
            int[] judge = new int[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                human[i] = 1 + rng.nextInt(5);
                int noise = rng.nextInt(10) < 6 ? 0 : rng.nextBoolean() ? 1 : -1;
                judge[i] = Math.max(1, Math.min(5, human[i] + noise));
            }
            dimensions.add(new int[][] {judge, human});
        }
        int[][] rows = new int[10_000][5];
        for (int[] row : rows) {
            int truth = 1 + rng.nextInt(5);
            for (int r = 0; r < 5; r++) {
                row[r] = rng.nextInt(5) == 0 ? RatingMatrix.MISSING
                        : Math.max(1, Math.min(5, truth + (rng.nextInt(3) - 1)));
            }
        }
        fiveRaters = RatingMatrix.ofItemRows(rows);
    }

    /** Point estimates and bootstrap CIs of every two-rater statistic, 5 dimensions x 100,000 pairs. */
    @Benchmark
    public int twoRaterSetWithBootstrap5x100k() {
        return twoRaterSet(BootstrapConfig.defaults(42));
    }

    /** The same with item-by-item resampling (10^9 index draws): the baseline the default avoids. */
    @Benchmark
    public int twoRaterSetWithBootstrap5x100kItemSampling() {
        return twoRaterSet(BootstrapConfig.defaults(42).withSampling(BootstrapConfig.Sampling.ITEMS));
    }

    private int twoRaterSet(BootstrapConfig config) {
        int defined = 0;
        for (int[][] dim : dimensions) {
            PairedCells cells = TwoRaterAgreement.pair(dim[0], dim[1], SCALE);
            Map<String, BootstrapResult> cis = Bootstrap.cis(cells.groups(), TwoRaterAgreement.statistics(SCALE), config);
            for (BootstrapResult r : cis.values()) {
                defined += r.bca().isAvailable() ? 1 : 0;
            }
        }
        return defined;
    }

    /** Krippendorff's alpha (ordinal) for 10,000 items x 5 raters, 20% missing, from the raw matrix. */
    @Benchmark
    public Estimate krippendorffAlpha10kx5() {
        return Krippendorff.alpha(fiveRaters, Level.ORDINAL);
    }
}
