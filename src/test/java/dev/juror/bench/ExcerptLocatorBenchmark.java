package dev.juror.bench;

import dev.juror.dataset.ContractTexts;
import dev.juror.dataset.ExcerptLocator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 40 excerpts (16 exact, 10 normalised, 6 fuzzy, 4 in the reference, 4 not found; see
 * {@link ExcerptMix}) against a ~300 KB document made of six CUAD contracts. Target: well under
 * 100 ms for all 40, index included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ExcerptLocatorBenchmark {

    static final int DOCUMENT_CHARS = 300_000;

    String target;
    String reference;
    List<ExcerptMix.Case> cases;
    ExcerptLocator locator;

    @Setup(Level.Trial)
    public void setUp() {
        target = ContractTexts.concatenated(DOCUMENT_CHARS);
        reference = ContractTexts.reference();
        cases = ExcerptMix.build(target, reference);
        locator = ExcerptLocator.forDocuments(target, reference);
    }

    /** The review desk's case: one indexed contract, 40 comments. */
    @Benchmark
    public void locate40(Blackhole bh) {
        for (ExcerptMix.Case c : cases) {
            bh.consume(locator.locate(c.excerpt()));
        }
    }

    /** The reward Lambda's case: a fresh document pair per sample, then 40 excerpts. */
    @Benchmark
    public void indexAndLocate40(Blackhole bh) {
        ExcerptLocator fresh = ExcerptLocator.forDocuments(target, reference);
        for (ExcerptMix.Case c : cases) {
            bh.consume(fresh.locate(c.excerpt()));
        }
    }

    @Benchmark
    public ExcerptLocator indexOnly() {
        return ExcerptLocator.forDocuments(target, reference);
    }
}
