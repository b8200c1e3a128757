package dev.juror.workspace.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.juror.io.AtomicFiles;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.store.Repositories;
import dev.juror.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code evidence/} into a prompt or Lambda bundle (docs/export.md): why the judge may be
 * trusted, as the workspace knows it at export. Every file is always written; what cannot be
 * computed (no workspace, no judge run, no labels, a pairwise rubric) says why in its place, so an
 * UNVALIDATED bundle carries whatever exists.
 */
public final class BundleEvidence implements dev.juror.workspace.EvidenceWriter {

    public static final String FOLDER = "evidence";
    public static final String VERDICT = FOLDER + "/verdict.json";
    public static final String REPORT = FOLDER + "/calibration-report.html";
    public static final String AGREEMENT = FOLDER + "/agreement.json";
    public static final String REGRESSION = FOLDER + "/regression.json";
    public static final String LABELS = FOLDER + "/labels.json";
    public static final String JUDGE = FOLDER + "/judge.json";
    public static final String HASHES = FOLDER + "/content-hashes.json";
    public static final String SCORES = FOLDER + "/score-distribution.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Clock clock;

    /** @param clock dates the verdict decided again at export */
    public BundleEvidence(Clock clock) {
        this.clock = clock;
    }

    /** Writes the evidence of {@code rubric} with {@code model} from {@code workspace} (empty: none) into {@code bundle}. */
    @Override
    public List<Path> write(Path bundle, Optional<Workspace> workspace, Rubric rubric, String model) throws IOException {
        Files.createDirectories(bundle.resolve(FOLDER));
        String version = CanonicalForm.version(rubric);
        Optional<Repositories> repositories = workspace.map(w -> Repositories.of(w, clock));
        EvidenceRun.Outcome outcome = repositories.map(r -> EvidenceRun.of(r, clock, rubric, version, model))
                .orElseGet(() -> new EvidenceRun.Outcome(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), "exported without a workspace: no judge runs, labels or verdicts to show"));
        List<Path> written = new ArrayList<>();
        written.add(json(bundle, JUDGE, JSON.writeValueAsString(EvidenceDocuments.judge(rubric, version, model, outcome))));
        written.add(json(bundle, VERDICT, JSON.writeValueAsString(EvidenceDocuments.verdict(outcome))));
        written.add(json(bundle, REGRESSION, JSON.writeValueAsString(EvidenceDocuments.regression(
                repositories.flatMap(r -> r.calibration().latestRegression(version, model)), version, model))));
        if (outcome.result().isPresent()) {
            var result = outcome.result().get();
            String runId = result.report().runs().get(0).id();
            written.add(json(bundle, AGREEMENT, EvidenceDocuments.agreement(result, runId)));
            written.add(json(bundle, LABELS, EvidenceDocuments.labels(result)));
            written.add(json(bundle, SCORES, JSON.writeValueAsString(ScoreDistributionDocument.of(result, runId, rubric))));
            written.add(json(bundle, HASHES, JSON.writeValueAsString(UsedData.hashes(repositories.orElseThrow(),
                    outcome.run().orElseThrow(), result.labels().ratings()))));
            written.add(text(bundle, REPORT, result.html(List.of(outcome.recomputed().orElseThrow()))));
        } else {
            String why = outcome.missing();
            written.add(json(bundle, AGREEMENT, missing("agreement with the human labels", why)));
            written.add(json(bundle, LABELS, missing("label counts per labeller", why)));
            written.add(json(bundle, HASHES, missing("content hashes of the samples and labels", why)));
            written.add(json(bundle, SCORES, missing("the judge's score distribution on the calibration set", why)));
            written.add(text(bundle, REPORT, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>No calibration"
                    + "</title></head><body><h1>No calibration report</h1><p>" + escape(why) + "</p></body></html>\n"));
        }
        return written;
    }

    private static String missing(String what, String why) throws IOException {
        return JSON.writeValueAsString(EvidenceDocuments.missing(what, why));
    }

    private static Path json(Path bundle, String file, String json) throws IOException {
        return text(bundle, file, json.endsWith("\n") ? json : json + "\n");
    }

    private static Path text(Path bundle, String file, String content) throws IOException {
        Path path = bundle.resolve(file);
        AtomicFiles.write(path, content);
        return path;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
