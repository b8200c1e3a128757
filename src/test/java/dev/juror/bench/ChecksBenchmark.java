package dev.juror.bench;

import dev.juror.dataset.PredictionParser;
import dev.juror.reward.checks.AdversarialInputs;
import dev.juror.reward.checks.CheckResult;
import dev.juror.reward.checks.FormatCheck;
import dev.juror.reward.checks.InjectionScanner;
import dev.juror.reward.checks.LanguageCheck;
import dev.juror.reward.checks.LengthBand;
import dev.juror.reward.checks.LengthCheck;
import dev.juror.reward.checks.ReferenceOverlapCheck;
import dev.juror.reward.checks.SafetyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The deterministic reward checks on a typical ~3 KB contract-review prediction, and the injection
 * scanner on 1 MB adversarial inputs (linear-time claim). Results: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChecksBenchmark {

    @Param({"ignore-repeat", "zero-width", "base64", "angle-brackets", "homoglyph-spaces"})
    public String adversarialKind;

    private final InjectionScanner scanner = new InjectionScanner();
    private final FormatCheck format = new FormatCheck();
    private final LengthCheck length = new LengthCheck(new LengthBand(LengthBand.Unit.WORDS, 20, 60, 800, 1600));
    private final LanguageCheck language = new LanguageCheck();
    private final SafetyCheck safety = new SafetyCheck();
    private final ReferenceOverlapCheck overlap = new ReferenceOverlapCheck();

    private String prediction;
    private String input;
    private List<String> excerpts;
    private List<String> spans;
    private String adversarial;

    @Setup
    public void setUp() {
        StringBuilder json = new StringBuilder("[");
        excerpts = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String excerpt = "Either party may terminate this Agreement upon ninety (90) days prior written notice "
                    + "to the other party, clause " + i + ".";
            excerpts.add(excerpt);
            json.append(i > 1 ? "," : "").append("{\"comment_id\":\"c").append(i).append("\",\"text_excerpt\":\"")
                    .append(excerpt).append("\",\"comment\":\"The termination right in clause ").append(i)
                    .append(" is broader than the Reference playbook allows, because it lets the Supplier exit "
                            + "without cause while the Customer remains bound by the minimum purchase commitment "
                            + "for the full term, which is one-sided.\",\"comment_type\":\"risk\","
                            + "\"recommended_action\":\"Make the termination right mutual and tie it to a material "
                            + "breach that is not cured within thirty days of written notice.\"}");
        }
        prediction = json.append("]").toString();
        input = "This Supply Agreement is entered into by the Supplier and the Customer. The Supplier shall deliver "
                + "the products in accordance with the specifications and the Customer shall pay the fees.";
        spans = List.of("Either party may terminate this Agreement upon ninety (90) days prior written notice to "
                + "the other party.", "This Agreement shall be governed by the laws of the State of New York.");
        adversarial = AdversarialInputs.make(adversarialKind, 1 << 20);
    }

    @Benchmark
    public CheckResult scanner3k() {
        return scanner.scanPrediction(PredictionParser.parse(prediction));
    }

    @Benchmark
    public CheckResult format3k() {
        return format.check(prediction);
    }

    @Benchmark
    public CheckResult length3k() {
        return length.check(prediction);
    }

    @Benchmark
    public CheckResult language3k() {
        return language.check(input, LanguageCheck.predictionProse(PredictionParser.parse(prediction)));
    }

    @Benchmark
    public CheckResult safety3k() {
        return safety.check(prediction);
    }

    @Benchmark
    public CheckResult overlap3k() {
        return overlap.check(spans, excerpts);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CheckResult scanner1mbAdversarial() {
        return scanner.scan(adversarial);
    }
}
