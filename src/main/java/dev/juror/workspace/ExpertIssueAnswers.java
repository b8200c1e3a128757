package dev.juror.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.export.ExportSample;
import dev.juror.store.ExpertIssue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training data's reference answer from the issues experts recorded as missed (opt-in,
 * {@code export training-data --reference-answer expert-issues}): the answer a strong review would
 * have given, in the shape a prediction has ({@code {"comments": [...]}}, each with the passage as
 * {@code text_excerpt}, the expert's comment, its type and severity). Samples without any keep theirs.
 */
final class ExpertIssueAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpertIssueAnswers() {
    }

    static List<ExportSample> apply(List<ExportSample> rows, ExpertIssues issues) {
        Map<String, List<ExpertIssue>> bySample = new LinkedHashMap<>();
        issues.all().forEach(i -> bySample.computeIfAbsent(i.sampleId(), k -> new ArrayList<>()).add(i));
        List<ExportSample> out = new ArrayList<>();
        for (ExportSample s : rows) {
            List<ExpertIssue> found = bySample.get(s.id());
            out.add(found == null ? s : new ExportSample(s.id(), s.systemPrompt(), s.target(), s.reference(),
                    answer(found), s.predictions()));
        }
        return out;
    }

    static String answer(List<ExpertIssue> issues) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode comments = root.putArray("comments");
        int n = 1;
        for (ExpertIssue i : issues) {
            ObjectNode c = comments.addObject();
            c.put("comment_id", "e" + n++);
            c.put("text_excerpt", i.passage());
            c.put("comment", i.comment());
            c.put("comment_type", i.type());
            c.put("severity", i.severity());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always writes", e);
        }
    }
}
