package dev.juror.cli;

import dev.juror.watch.detect.Alarm;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.StepSummary;
import dev.juror.watch.detect.WatchReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} document of {@code juror watch report}: {@code run}, {@code placement},
 * {@code alarms} ({@code detector}, {@code step}, {@code evidence}, {@code numbers}, {@code examples}),
 * {@code steps}, {@code checkpoints}, {@code notes}. A number that is not defined is {@code null}.
 */
final class WatchReportJson {

    private WatchReportJson() {
    }

    static Map<String, Object> of(WatchReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", r.run());
        doc.put("placement", r.placement().wire());
        List<Map<String, Object>> alarms = new ArrayList<>();
        for (Alarm a : r.alarms()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("detector", a.detector());
            m.put("step", a.step());
            m.put("evidence", a.evidence());
            Map<String, Object> numbers = new LinkedHashMap<>();
            a.numbers().forEach((k, v) -> numbers.put(k, number(v)));
            m.put("numbers", numbers);
            m.put("examples", a.examples());
            alarms.add(m);
        }
        doc.put("alarms", alarms);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepSummary s : r.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", s.step());
            m.put("records", s.records());
            m.put("reward_mean", number(s.rewardMean()));
            m.put("reward_min", number(s.rewardMin()));
            m.put("reward_max", number(s.rewardMax()));
            m.put("length_mean", number(s.lengthMean()));
            m.put("comments_mean", number(s.commentsMean()));
            m.put("fallback_rate", number(s.fallbackRate()));
            m.put("score_shift", number(s.scoreShift()));
            steps.add(m);
        }
        doc.put("steps", steps);
        List<Map<String, Object>> checkpoints = new ArrayList<>();
        for (CheckpointAgreement c : r.checkpoints()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("checkpoint", c.checkpoint());
            m.put("step", c.step());
            m.put("labelled", c.labelled());
            m.put("agreement", numbers(c.agreement()));
            m.put("lower", numbers(c.lower()));
            m.put("upper", numbers(c.upper()));
            m.put("judge_mean", number(c.judgeMean()));
            m.put("expert_mean", number(c.expertMean()));
            checkpoints.add(m);
        }
        doc.put("checkpoints", checkpoints);
        doc.put("notes", r.notes());
        return doc;
    }

    private static Map<String, Object> numbers(Map<String, Double> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, number(v)));
        return out;
    }

    private static Double number(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }
}
