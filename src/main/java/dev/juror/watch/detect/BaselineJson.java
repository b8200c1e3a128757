package dev.juror.watch.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Baseline} as the run stores it ({@code training_runs.baseline}):
 * {@code {"verdict", "agreement": {dim: {"kappa","lower","upper"}}, "scores": {dim: {"levels","counts"}}, "notes"}}.
 */
public final class BaselineJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BaselineJson() {
    }

    public static String write(Baseline b) {
        ObjectNode root = JSON.createObjectNode();
        b.verdict().ifPresentOrElse(v -> root.put("verdict", v), () -> root.putNull("verdict"));
        ObjectNode agreement = root.putObject("agreement");
        b.agreement().forEach((dim, a) -> agreement.putObject(dim).put("kappa", a.kappa()).put("lower", a.lower())
                .put("upper", a.upper()));
        ObjectNode scores = root.putObject("scores");
        b.scores().forEach((dim, s) -> {
            ObjectNode d = scores.putObject(dim);
            ArrayNode levels = d.putArray("levels");
            for (double l : s.levels()) {
                levels.add(l);
            }
            ArrayNode counts = d.putArray("counts");
            for (long c : s.counts()) {
                counts.add(c);
            }
        });
        ArrayNode notes = root.putArray("notes");
        b.notes().forEach(notes::add);
        return root.toString();
    }

    /** Reads a stored baseline; a document that does not read is a store fault, said as such. */
    public static Baseline read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored baseline is not JSON: " + e.getMessage(), e);
        }
        Map<String, Baseline.Agreement> agreement = new LinkedHashMap<>();
        root.path("agreement").fields().forEachRemaining(e -> agreement.put(e.getKey(), new Baseline.Agreement(
                number(e.getValue().path("kappa")), number(e.getValue().path("lower")), number(e.getValue().path("upper")))));
        Map<String, Baseline.ScoreDistribution> scores = new LinkedHashMap<>();
        root.path("scores").fields().forEachRemaining(e -> scores.put(e.getKey(), distribution(e.getValue())));
        List<String> notes = new ArrayList<>();
        root.path("notes").forEach(n -> notes.add(n.asText()));
        Optional<String> verdict = root.path("verdict").isTextual() ? Optional.of(root.path("verdict").asText())
                : Optional.empty();
        return new Baseline(verdict, agreement, scores, notes);
    }

    static Baseline.ScoreDistribution distribution(JsonNode d) {
        JsonNode levels = d.path("levels");
        JsonNode counts = d.path("counts");
        double[] l = new double[levels.size()];
        long[] c = new long[counts.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = levels.get(i).asDouble();
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = counts.get(i).asLong();
        }
        return new Baseline.ScoreDistribution(l, c);
    }

    /** A number, or NaN for null or an undefined statistic ({@code {"undefined": reason}}). */
    static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
