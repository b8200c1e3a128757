package dev.juror.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.CalibrationRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verdicts recorded in a workspace by the calibration engine (table {@code calibration_verdicts}):
 * the newest one for the rubric version and judge model counts. A verdict whose status is not
 * VALIDATED lists its failed conditions (their {@code summary}, else their name).
 */
public final class WorkspaceVerdictSource implements VerdictSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CalibrationRepository repository;

    public WorkspaceVerdictSource(CalibrationRepository repository) {
        this.repository = repository;
    }

    @Override
    public GateVerdict verdict(String rubricVersion, String judgeModel) {
        Optional<CalibrationRepository.StoredVerdict> stored = repository.latestVerdict(rubricVersion, judgeModel);
        if (stored.isEmpty()) {
            return VerdictSource.none().verdict(rubricVersion, judgeModel);
        }
        CalibrationRepository.StoredVerdict v = stored.get();
        if ("VALIDATED".equals(v.status())) {
            return GateVerdict.validatedVerdict();
        }
        List<String> failed = new ArrayList<>();
        try {
            JsonNode conditions = JSON.readTree(v.conditionsJson() == null ? "[]" : v.conditionsJson());
            for (JsonNode c : conditions.isArray() ? conditions : conditions.path("conditions")) {
                if (!c.path("passed").asBoolean(false)) {
                    failed.add(c.hasNonNull("summary") ? c.get("summary").asText() : c.path("name").asText("condition"));
                }
            }
        } catch (java.io.IOException e) {
            failed.add("the recorded verdict's conditions cannot be read: " + e.getMessage());
        }
        if (failed.isEmpty()) {
            failed.add("the newest verdict (" + v.createdAt() + ") is " + v.status());
        }
        return new GateVerdict(false, failed);
    }
}
