package dev.juror.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.juror.calibration.stats.Bootstrap;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.BootstrapResult;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.FleissKappa;
import dev.juror.calibration.stats.Interval;
import dev.juror.calibration.stats.Krippendorff;
import dev.juror.calibration.stats.Level;
import dev.juror.calibration.stats.PairedCells;
import dev.juror.calibration.stats.RatingMatrix;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.calibration.stats.TwoRaterAgreement;
import dev.juror.calibration.stats.TwoRaterResult;
import dev.juror.calibration.stats.UnitCounts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code juror agreement FILE.csv}: agreement statistics over a long-format ratings CSV
 * (item,rater,score). See docs/statistics.md for every key of the output.
 */
@Command(name = "agreement",
        mixinStandardHelpOptions = true,
        description = {
            "Agreement statistics for ratings in a CSV with header item,rater,score (blank score = missing).",
            "Two raters: exact, within-1, Cohen's and weighted kappas, Spearman, Kendall tau-b, Pearson, MAE, bias "
                    + "(first rater in the file minus second), Gwet's AC1. Any number of raters: Krippendorff's "
                    + "alpha (nominal, ordinal, interval) and Fleiss' kappa."})
public final class AgreementCommand implements Callable<Integer> {

    static final long DEFAULT_SEED = 1L;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "ratings, header item,rater,score")
    Path file;

    @Option(names = "--scale", paramLabel = "MIN..MAX",
            description = "declared score scale, e.g. 1..5 (default: min..max of the scores in the file)")
    String scale;

    @Option(names = "--level", paramLabel = "nominal|ordinal|interval", defaultValue = "ordinal",
            description = "level of measurement reported as 'alpha' (all three are always listed; default ${DEFAULT-VALUE})")
    String level;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
            description = "item-bootstrap resamples for confidence intervals (0 = none; 2000 recommended; at most 100,000)")
    int resamples;

    @Option(names = "--seed", paramLabel = "S", description = "bootstrap seed (default " + DEFAULT_SEED + ")")
    Long seed;

    @Option(names = "--ci-level", paramLabel = "L", defaultValue = "0.95", description = "confidence level (default ${DEFAULT-VALUE})")
    double ciLevel;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Override
    public Integer call() {
        ScoreRange declared = parseScale();
        Level alphaLevel = parseLevel();
        if (resamples < 0) {
            throw new UserInputException("--bootstrap must be 0 or a positive number of resamples, got " + resamples);
        }
        if (resamples > BootstrapConfig.MAX_RESAMPLES) {
            throw new UserInputException(BootstrapConfig.resamplesProblem("--bootstrap", resamples));
        }
        if (!(ciLevel > 0 && ciLevel < 1)) {
            throw new UserInputException("--ci-level must be between 0 and 1, e.g. 0.95, got " + ciLevel);
        }
        if (seed != null && resamples == 0) {
            throw new UserInputException("--seed only matters with --bootstrap N; add --bootstrap 2000");
        }
        RatingsCsv.Ratings ratings = RatingsCsv.read(file, declared);
        if (!ratings.anyScore()) {
            throw new UserInputException(file + " has no scores, only blank ones; fill in at least two raters' scores");
        }
        ScoreRange used = declared != null ? declared : new ScoreRange(ratings.minScore(), ratings.maxScore());
        Map<String, Object> report = report(ratings, declared, used, alphaLevel);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(report));
        } else {
            printTable(out, report);
        }
        out.flush();
        return CliRunner.OK;
    }

    private Map<String, Object> report(RatingsCsv.Ratings ratings, ScoreRange declared, ScoreRange used, Level alphaLevel) {
        RatingMatrix m = ratings.matrix();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file.getFileName().toString());
        r.put("n_items", m.itemCount());
        r.put("raters", ratings.raters());
        Map<String, Object> scaleInfo = new LinkedHashMap<>();
        scaleInfo.put("min", used.min());
        scaleInfo.put("max", used.max());
        scaleInfo.put("source", declared != null ? "declared with --scale"
                : "inferred from the data (min..max of the scores); declare it with --scale for chance-corrected statistics over the full scale");
        r.put("scale", scaleInfo);

        Map<String, Estimate> statistics = new LinkedHashMap<>();
        PairedCells cells = null;
        if (m.raterCount() == 2) {
            cells = TwoRaterAgreement.pair(m.raterScores(0), m.raterScores(1), used);
            TwoRaterResult two = TwoRaterAgreement.fromCellCounts(cells.cellCounts(), used);
            r.put("n_pairs", two.n());
            r.put("bias_direction", ratings.raters().get(0) + " minus " + ratings.raters().get(1));
            statistics.putAll(two.statistics());
        }
        UnitCounts units = UnitCounts.of(m);
        Krippendorff.Prepared alpha = Krippendorff.prepare(units);
        int[] full = units.fullCounts();
        for (Level l : new Level[] {Level.NOMINAL, Level.ORDINAL, Level.INTERVAL}) {
            statistics.put("alpha_" + l.jsonName(), alpha.alpha(full, l));
        }
        statistics.put("fleiss_kappa", FleissKappa.compute(units, full));
        r.putAll(statistics);
        r.put("alpha_level", alphaLevel.jsonName());
        r.put("alpha", alpha.alpha(full, alphaLevel));

        if (resamples > 0) {
            long s = seed != null ? seed : DEFAULT_SEED;
            BootstrapConfig config = BootstrapConfig.defaults(s).withResamples(resamples).withLevel(ciLevel);
            Map<String, BootstrapResult> results = new LinkedHashMap<>();
            if (cells != null) {
                results.putAll(Bootstrap.cis(cells.groups(), TwoRaterAgreement.statistics(used), config));
            }
            results.putAll(Bootstrap.cis(units.groups(), counts -> {
                Map<String, Estimate> multi = new LinkedHashMap<>();
                for (Level l : new Level[] {Level.NOMINAL, Level.ORDINAL, Level.INTERVAL}) {
                    multi.put("alpha_" + l.jsonName(), alpha.alpha(counts, l));
                }
                multi.put("fleiss_kappa", FleissKappa.compute(units, counts));
                return multi;
            }, config));
            Map<String, Object> bootstrap = new LinkedHashMap<>();
            bootstrap.put("resamples", resamples);
            bootstrap.put("seed", s);
            bootstrap.put("level", ciLevel);
            bootstrap.put("unit", "item");
            bootstrap.put("max_undefined_fraction", config.maxUndefinedFraction());
            r.put("bootstrap", bootstrap);
            Map<String, Object> ci = new LinkedHashMap<>();
            for (Map.Entry<String, BootstrapResult> e : results.entrySet()) {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("bca", e.getValue().bca());
                both.put("percentile", e.getValue().percentile());
                both.put("standard_error", e.getValue().standardError());
                both.put("undefined_resamples", e.getValue().undefinedResamples());
                ci.put(e.getKey(), both);
            }
            r.put("ci", ci);
        }
        return r;
    }

    private ScoreRange parseScale() {
        if (scale == null) {
            return null;
        }
        try {
            ScoreRange s = ScoreRange.parse(scale);
            if (s.size() < 2) {
                throw new UserInputException("--scale " + scale + " has a single category; give MIN..MAX with MIN < MAX");
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--scale: " + e.getMessage());
        }
    }

    private Level parseLevel() {
        try {
            Level l = Level.parse(level);
            if (l == Level.RATIO) {
                throw new IllegalArgumentException("level 'ratio' is not offered here; use nominal, ordinal or interval");
            }
            return l;
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--level: " + e.getMessage());
        }
    }

    private static String toJson(Map<String, Object> report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the report as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void printTable(PrintWriter out, Map<String, Object> report) {
        out.printf(Locale.ROOT, "%s: %s items, raters %s, scale %s..%s (%s)%n", report.get("file"), report.get("n_items"),
                report.get("raters"), ((Map<String, Object>) report.get("scale")).get("min"),
                ((Map<String, Object>) report.get("scale")).get("max"),
                ((Map<String, Object>) report.get("scale")).get("source"));
        if (report.containsKey("n_pairs")) {
            out.printf(Locale.ROOT, "paired items: %s; bias = %s%n", report.get("n_pairs"), report.get("bias_direction"));
        }
        Map<String, Object> ci = (Map<String, Object>) report.getOrDefault("ci", Map.of());
        for (Map.Entry<String, Object> e : report.entrySet()) {
            if (!(e.getValue() instanceof Estimate est) || e.getKey().equals("alpha")) {
                continue;
            }
            String value = est instanceof Estimate.Defined d ? String.format(Locale.ROOT, "%.4f", d.value())
                    : "undefined: " + ((Estimate.Undefined) est).reason();
            String interval = "";
            if (ci.get(e.getKey()) instanceof Map<?, ?> c && c.get("bca") instanceof Interval i) {
                interval = switch (i) {
                    case Interval.Bounds b -> String.format(Locale.ROOT, "  %.0f%% BCa [%.4f, %.4f]", b.level() * 100,
                            b.low(), b.high());
                    case Interval.Unavailable u -> c.get("percentile") instanceof Interval.Bounds p
                            ? String.format(Locale.ROOT, "  %.0f%% percentile [%.4f, %.4f] (BCa: %s)", p.level() * 100,
                                    p.low(), p.high(), u.reason())
                            : "  no interval: " + u.reason();
                };
            }
            out.printf(Locale.ROOT, "  %-16s %s%s%n", e.getKey(), value, interval);
        }
    }
}
