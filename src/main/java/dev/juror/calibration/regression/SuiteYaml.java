package dev.juror.calibration.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.io.InputFileException;
import dev.juror.io.InputFiles;
import dev.juror.io.SafeYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a regression suite from YAML, strictly: unknown keys, missing fields and wrong types are
 * reported all at once, each with its path in the file.
 *
 * <pre>
 * name: contract-review-core
 * rubric: contract-review
 * cases:
 *   - id: strong-01
 *     rollout: {sample: cr-01-agape-odm-supply, index: 0}
 *     expect:
 *       - sample_score: {min: 3.5}
 *       - {dimension: TargetDocument_Grounding, comment: 0, min: 4, max: 5}
 *       - outscores: {sample: cr-01-agape-odm-supply, index: 2}
 *       - flag: injection
 *       - no_flag: format
 * </pre>
 */
public final class SuiteYaml {

    /** 1 MB: thousands of cases; a bigger file is the wrong file, and the cap bounds the YAML parser's work. */
    public static final int MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(SafeYaml.builder(MAX_BYTES).build());

    public RegressionSuite read(Path file) {
        byte[] bytes;
        try {
            bytes = InputFiles.readBytes(file, new InputFiles.ReadLimit(MAX_BYTES, "split the suite"), "the file");
        } catch (InputFileException e) {
            throw new SuiteException(file.toString(), List.of(e.getMessage()));
        }
        return parse(file.toString(), bytes);
    }

    public RegressionSuite parse(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = SafeYaml.readTree(YAML, new String(bytes, StandardCharsets.UTF_8));
        } catch (SafeYaml.UnsupportedYamlException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new SuiteException(name, List.of(where + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SuiteException(name, List.of("not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")"));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new SuiteException(name, List.of("the file must be a mapping with name, rubric and cases"));
        }
        keys(root, "", Set.of("name", "rubric", "description", "cases"), problems);
        String suiteName = text(root, "name", "", true, problems);
        String rubric = text(root, "rubric", "", true, problems);
        String description = text(root, "description", "", false, problems);
        List<RegressionSuite.SuiteCase> cases = new ArrayList<>();
        JsonNode list = root.get("cases");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("cases: must be a non-empty list of cases");
        } else {
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "cases[" + i + "]";
                JsonNode c = list.get(i);
                if (!c.isObject()) {
                    problems.add(path + ": must be a mapping with id, rollout and expect");
                    continue;
                }
                keys(c, path + ".", Set.of("id", "description", "rollout", "expect"), problems);
                String id = text(c, "id", path + ".", true, problems);
                if (!id.isEmpty() && !ids.add(id)) {
                    problems.add(path + ".id: '" + id + "' is used by an earlier case; ids must be unique");
                }
                RolloutRef rollout = rollout(c.get("rollout"), path + ".rollout", problems);
                List<Expectation> expectations = new ArrayList<>();
                JsonNode expect = c.get("expect");
                if (expect == null || !expect.isArray() || expect.isEmpty()) {
                    problems.add(path + ".expect: must be a non-empty list of expectations");
                } else {
                    for (int j = 0; j < expect.size(); j++) {
                        Expectation e = expectation(expect.get(j), path + ".expect[" + j + "]", problems);
                        if (e != null) {
                            expectations.add(e);
                        }
                    }
                }
                cases.add(new RegressionSuite.SuiteCase(id, text(c, "description", path + ".", false, problems), rollout,
                        expectations));
            }
        }
        if (!problems.isEmpty()) {
            throw new SuiteException(name, problems);
        }
        return new RegressionSuite(suiteName, rubric, description, cases, sha256(bytes));
    }

    private static Expectation expectation(JsonNode e, String path, List<String> problems) {
        if (e == null || !e.isObject()) {
            problems.add(path + ": must be a mapping (dimension/min/max, sample_score, outscores or flag)");
            return null;
        }
        if (e.has("dimension")) {
            keys(e, path + ".", Set.of("dimension", "comment", "min", "max"), problems);
            String dimension = text(e, "dimension", path + ".", true, problems);
            Integer comment = null;
            if (e.has("comment")) {
                JsonNode c = e.get("comment");
                if (!c.canConvertToInt() || !c.isIntegralNumber() || c.asInt() < 0) {
                    problems.add(path + ".comment: must be a comment position (0, 1, ...)");
                } else {
                    comment = c.asInt();
                }
            }
            Double min = number(e, "min", path, problems);
            Double max = number(e, "max", path, problems);
            if (min == null && max == null) {
                problems.add(path + ": give min, max or both");
                return null;
            }
            if (min != null && max != null && min > max) {
                problems.add(path + ".min: " + min + " is above max " + max);
            }
            return new Expectation.DimensionRange(path, dimension, comment, min == null ? Double.NEGATIVE_INFINITY : min,
                    max == null ? Double.POSITIVE_INFINITY : max);
        }
        if (e.has("sample_score")) {
            keys(e, path + ".", Set.of("sample_score"), problems);
            JsonNode b = e.get("sample_score");
            if (!b.isObject()) {
                problems.add(path + ".sample_score: must be a mapping {min: x} and/or {max: y}");
                return null;
            }
            keys(b, path + ".sample_score.", Set.of("min", "max"), problems);
            Double min = number(b, "min", path + ".sample_score", problems);
            Double max = number(b, "max", path + ".sample_score", problems);
            if (min == null && max == null) {
                problems.add(path + ".sample_score: give min, max or both");
                return null;
            }
            return new Expectation.SampleScoreBound(path, min, max);
        }
        if (e.has("outscores")) {
            keys(e, path + ".", Set.of("outscores"), problems);
            RolloutRef other = rollout(e.get("outscores"), path + ".outscores", problems);
            return other == null ? null : new Expectation.Outscores(path, other);
        }
        if (e.has("flag")) {
            keys(e, path + ".", Set.of("flag"), problems);
            String flag = text(e, "flag", path + ".", true, problems);
            return flag.isEmpty() ? null : new Expectation.FlagRaised(path, flag);
        }
        if (e.has("no_flag")) {
            keys(e, path + ".", Set.of("no_flag"), problems);
            String flag = text(e, "no_flag", path + ".", true, problems);
            return flag.isEmpty() ? null : new Expectation.FlagNotRaised(path, flag);
        }
        problems.add(path + ": unknown expectation; use dimension (with min/max), sample_score, outscores, flag or no_flag");
        return null;
    }

    private static RolloutRef rollout(JsonNode r, String path, List<String> problems) {
        if (r == null || !r.isObject()) {
            problems.add(path + ": must be {sample: ID, index: N}");
            return null;
        }
        keys(r, path + ".", Set.of("sample", "index"), problems);
        String sample = text(r, "sample", path + ".", true, problems);
        JsonNode index = r.get("index");
        if (index == null || !index.isIntegralNumber() || index.asInt() < 0) {
            problems.add(path + ".index: must be a rollout index (0, 1, ...)");
            return null;
        }
        return sample.isEmpty() ? null : new RolloutRef(sample, index.asInt());
    }

    private static Double number(JsonNode node, String key, String path, List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            problems.add(path + "." + key + ": must be a number, got '" + v.asText() + "'");
            return null;
        }
        return v.asDouble();
    }

    private static String text(JsonNode node, String key, String prefix, boolean required, List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(prefix + key + ": is required");
            }
            return "";
        }
        if (!v.isTextual() && !v.isNumber()) {
            problems.add(prefix + key + ": must be text");
            return "";
        }
        String s = v.asText().strip();
        if (required && s.isEmpty()) {
            problems.add(prefix + key + ": must not be empty");
        }
        return s;
    }

    private static void keys(JsonNode node, String prefix, Set<String> allowed, List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(prefix + k + ": unknown key; allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
