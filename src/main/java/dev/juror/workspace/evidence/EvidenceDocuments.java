package dev.juror.workspace.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.calibration.report.ReportJson;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.rubric.JudgeModelSettings;
import dev.juror.rubric.Rubric;
import dev.juror.store.CalibrationRepository;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON documents of {@code evidence/}, built from what the calibration already computed
 * (docs/export.md lists their fields). Engine objects go through {@link ReportJson}, so they read as
 * they do in {@code juror calibrate --json} and {@code juror verdict --json}.
 */
final class EvidenceDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceDocuments() {
    }

    static ObjectNode judge(Rubric rubric, String version, String model, EvidenceRun.Outcome outcome) {
        JudgeModelSettings settings = rubric.judge();
        ObjectNode n = JSON.createObjectNode();
        n.put("rubric", rubric.name());
        n.put("rubric_version", version);
        n.put("mode", rubric.mode().name().toLowerCase(java.util.Locale.ROOT));
        n.put("judge_model", model);
        n.put("rubric_judge_model", settings.modelId());
        n.put("temperature", settings.temperature());
        n.put("max_tokens", settings.maxTokens());
        if (settings.topP().isPresent()) {
            n.put("top_p", settings.topP().getAsDouble());
        } else {
            n.putNull("top_p");
        }
        outcome.run().ifPresentOrElse(r -> n.put("judge_run", "run-" + r.id()), () -> n.putNull("judge_run"));
        return n;
    }

    /**
     * The verdict the export gate went by, in the shape of {@code juror verdict --json}; with none
     * recorded, the verdict decided at export (or why there is none). {@code recomputed_at_export}
     * says whether deciding again on today's labels gives the same status.
     */
    static ObjectNode verdict(EvidenceRun.Outcome outcome) {
        ObjectNode n;
        if (outcome.recorded().isPresent()) {
            CalibrationRepository.StoredVerdict v = outcome.recorded().get();
            n = JSON.createObjectNode();
            n.put("source", "recorded");
            n.put("status", v.status());
            n.put("rubric", v.rubricName());
            n.put("rubric_version", v.rubricVersion());
            n.put("judge_model", v.judgeModel());
            n.put("run", v.run());
            n.put("created_at", v.createdAt().toString());
            JsonNode conditions = tree(v.conditionsJson() == null ? "[]" : v.conditionsJson());
            n.set("conditions", conditions);
            ArrayNode failed = n.putArray("failed");
            conditions.forEach(c -> {
                if (!c.path("passed").asBoolean(false)) {
                    failed.add(c);
                }
            });
            outcome.recomputed().ifPresent(r -> n.putObject("recomputed_at_export").put("status", r.status().name())
                    .put("agrees", r.status().name().equals(v.status())));
        } else if (outcome.recomputed().isPresent()) {
            n = (ObjectNode) tree(ReportJson.write(outcome.recomputed().get()));
            n.put("source", "computed at export: no verdict was recorded for this rubric version and judge model");
        } else {
            n = JSON.createObjectNode();
            n.put("source", "none");
            n.put("status", "NONE");
            n.put("reason", outcome.missing());
        }
        if (!outcome.missing().isEmpty()) {
            n.put("calibration_missing", outcome.missing());
        }
        return n;
    }

    /** Per dimension: the human ceiling and this run's agreement with the humans, with bootstrap intervals. */
    static String agreement(WorkspaceCalibration.Result r, String runId) {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("run", runId);
        doc.put("reference", r.reference().label());
        doc.put("bootstrap", r.report().bootstrap());
        java.util.List<Map<String, Object>> dims = new java.util.ArrayList<>();
        for (DimensionCalibration d : r.report().dimensions()) {
            Map<String, Object> dim = new java.util.LinkedHashMap<>();
            dim.put("dimension", d.dimension());
            dim.put("human_ceiling", d.humanCeiling());
            dim.put("judge", d.judge(runId).orElse(null));
            dims.add(dim);
        }
        doc.put("dimensions", dims);
        doc.put("run_summary", r.report().runs().stream().filter(x -> x.id().equals(runId)).findFirst().orElse(null));
        return ReportJson.write(doc);
    }

    /** Labels that counted, per labeller and by origin, and those left out. */
    static String labels(WorkspaceCalibration.Result r) {
        Map<String, Integer> perLabeller = new TreeMap<>();
        r.labels().ratings().forEach(x -> perLabeller.merge(x.rater(), 1, Integer::sum));
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("labels_counted", r.labels().ratings().size());
        doc.put("per_labeller", perLabeller);
        doc.put("sources", r.labelSources());
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("not_blind", r.labels().unblindedLeftOut());
        out.put("off_scale", r.labels().offScale());
        out.put("other_dimensions", r.labels().otherDimensions());
        out.put("replaced_by_a_later_label", r.labels().replaced());
        doc.put("left_out", out);
        doc.put("notes", r.notes());
        return ReportJson.write(doc);
    }

    /** The newest regression suite result for this version and model, or a file saying none was run. */
    static ObjectNode regression(Optional<CalibrationRepository.StoredRegression> stored, String version, String model) {
        ObjectNode n = JSON.createObjectNode();
        if (stored.isEmpty()) {
            n.put("run", false);
            n.put("reason", "no regression suite was run for rubric version " + version + " with judge " + model
                    + " in this workspace (juror regress records one)");
            return n;
        }
        CalibrationRepository.StoredRegression s = stored.get();
        n.put("run", true);
        n.put("suite", s.suiteName());
        n.put("suite_sha256", s.suiteHash());
        n.put("cases", s.cases());
        n.put("failed", s.failed());
        n.put("created_at", s.createdAt().toString());
        n.set("result", s.resultJson() == null ? JSON.nullNode() : tree(s.resultJson()));
        return n;
    }

    static ObjectNode missing(String what, String why) {
        ObjectNode n = JSON.createObjectNode();
        n.put("computed", false);
        n.put("what", what);
        n.put("reason", why);
        return n;
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON cannot be read: " + e.getMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
