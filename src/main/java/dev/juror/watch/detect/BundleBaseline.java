package dev.juror.watch.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.watch.WatchInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Baseline} an exported bundle's {@code evidence/} gives: the verdict's status
 * ({@code verdict.json}), the judge's agreement with the experts per dimension ({@code agreement.json}:
 * quadratic-weighted kappa vs the humans and its interval) and the judge's score distribution on the
 * calibration set ({@code score-distribution.json}). A file that is missing or says it could not be
 * computed becomes a note, never a failure: an older or UNVALIDATED bundle still gives what it has.
 */
public final class BundleBaseline {

    public static final String VERDICT = "evidence/verdict.json";
    public static final String AGREEMENT = "evidence/agreement.json";
    public static final String SCORES = "evidence/score-distribution.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleBaseline() {
    }

    public static Baseline read(Path bundle) {
        if (!Files.isDirectory(bundle)) {
            throw new WatchInputException(bundle.toString(), "not a folder (give the exported bundle's folder)");
        }
        List<String> notes = new ArrayList<>();
        Optional<String> verdict = document(bundle, VERDICT, notes).map(v -> v.path("status").asText("NONE"));
        Map<String, Baseline.Agreement> agreement = new LinkedHashMap<>();
        document(bundle, AGREEMENT, notes).ifPresent(doc -> {
            for (JsonNode d : doc.path("dimensions")) {
                JsonNode kappa = d.path("judge").path("vs_humans").path("statistics").path("kappa_quadratic");
                double value = BaselineJson.number(kappa.path("value"));
                if (Double.isNaN(value)) {
                    notes.add(AGREEMENT + ": dimension " + d.path("dimension").asText() + " has no judge kappa; "
                            + "expert_divergence cannot compare it");
                    continue;
                }
                agreement.put(d.path("dimension").asText(), new Baseline.Agreement(value,
                        BaselineJson.number(kappa.path("ci").path("low")), BaselineJson.number(kappa.path("ci").path("high"))));
            }
        });
        Map<String, Baseline.ScoreDistribution> scores = new LinkedHashMap<>();
        document(bundle, SCORES, notes).ifPresent(doc -> {
            for (JsonNode d : doc.path("dimensions")) {
                Baseline.ScoreDistribution s = BaselineJson.distribution(d);
                if (s.levels().length == 0 || s.levels().length != s.counts().length) {
                    throw new WatchInputException(bundle.resolve(SCORES).toString(), "dimension "
                            + d.path("dimension").asText() + ": 'levels' and 'counts' must be arrays of one length");
                }
                scores.put(d.path("dimension").asText(), s);
            }
        });
        return new Baseline(verdict, agreement, scores, notes);
    }

    /** The evidence file's JSON, or a note saying why there is none. */
    private static Optional<JsonNode> document(Path bundle, String file, List<String> notes) {
        Path path = bundle.resolve(file);
        if (!Files.isRegularFile(path)) {
            notes.add("the bundle has no " + file + (file.equals(SCORES) ? " (exported before it was added): "
                    + "score_shift has no reference" : ""));
            return Optional.empty();
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new WatchInputException(path.toString(), "not JSON: " + e.getMessage());
        }
        if (doc.path("computed").isBoolean() && !doc.path("computed").asBoolean()) {
            notes.add(file + ": not computed at export: " + doc.path("reason").asText());
            return Optional.empty();
        }
        return Optional.of(doc);
    }
}
