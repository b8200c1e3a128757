package dev.juror.workspace.evidence;

import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.JudgeDimension;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Rubric;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code evidence/score-distribution.json}: how often the judge run the verdict used gave each scale
 * level, per dimension, on the calibration set. The training watch's {@code score_shift} compares the
 * policy's scores with it (PSI), so a judge scoring outputs unlike those it was validated on is seen.
 * Shape: {@code {"run", "dimensions": [{"dimension", "levels": [1, 2, ...], "counts": [...]}]}}.
 */
final class ScoreDistributionDocument {

    private ScoreDistributionDocument() {
    }

    static Map<String, Object> of(WorkspaceCalibration.Result result, String runId, Rubric rubric) {
        List<Map<String, Object>> dims = new ArrayList<>();
        for (DimensionCalibration d : result.report().dimensions()) {
            Optional<JudgeDimension> judge = d.judge(runId);
            Optional<Dimension> dimension = rubric.dimension(d.dimension());
            if (judge.isEmpty() || dimension.isEmpty()) {
                continue;
            }
            long[] counts = judge.get().judgeHistogram();
            int min = (int) dimension.get().scale().min();
            List<Integer> levels = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                levels.add(min + i);
            }
            Map<String, Object> dim = new LinkedHashMap<>();
            dim.put("dimension", d.dimension());
            dim.put("levels", levels);
            dim.put("counts", counts);
            dims.add(dim);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", runId);
        doc.put("what", "the judge's scores per scale level on the calibration set, per dimension");
        doc.put("dimensions", dims);
        return doc;
    }
}
