package dev.juror.export;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.dataset.LineError;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.store.DocumentRepository;
import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.SampleDocuments;
import dev.juror.store.SampleRepository;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Samples for the exports: from a workspace, or from a Juror / Nova JSONL file. */
public final class SampleSources {

    private SampleSources() {
    }

    public static List<ExportSample> fromWorkspace(Workspace workspace, int limit) {
        Repositories repositories = Repositories.of(workspace);
        SampleRepository samples = repositories.samples();
        RolloutRepository rollouts = repositories.rollouts();
        DocumentRepository documents = repositories.documents();
        List<ExportSample> out = new ArrayList<>();
        for (StoredSample s : samples.list(0, limit)) {
            SampleDocuments docs = documents.documentsOf(s);
            List<String> predictions = rollouts.ofSample(s.id()).stream().map(StoredRollout::prediction).toList();
            out.add(new ExportSample(s.id(), docs.systemPrompt(), docs.target(), docs.reference(), s.referenceAnswer(),
                    predictions));
        }
        return out;
    }

    /**
     * The event bytes per sample of every sample of the workspace (with all its rollouts), read a page
     * at a time so a large workspace is never held in memory at once.
     */
    public static EventSize eventSize(Workspace workspace) {
        Repositories repositories = Repositories.of(workspace);
        SampleRepository samples = repositories.samples();
        RolloutRepository rollouts = repositories.rollouts();
        DocumentRepository documents = repositories.documents();
        EventSize.Meter meter = new EventSize.Meter();
        int page = 50;
        for (int offset = 0; ; offset += page) {
            List<StoredSample> batch = samples.list(offset, page);
            for (StoredSample s : batch) {
                SampleDocuments docs = documents.documentsOf(s);
                List<String> predictions = rollouts.ofSample(s.id()).stream().map(StoredRollout::prediction).toList();
                meter.add(new ExportSample(s.id(), docs.systemPrompt(), docs.target(), docs.reference(),
                        s.referenceAnswer(), predictions));
            }
            if (batch.size() < page) {
                return meter.result();
            }
        }
    }

    /**
     * @throws IOException for an unreadable file; a file with refused lines is an error naming them
     */
    public static List<ExportSample> fromFile(Path jsonl) throws IOException {
        ImportBatch batch = JsonlImportReader.read(jsonl);
        if (batch.hasErrors()) {
            LineError first = batch.errors().get(0);
            throw new IOException(jsonl + ": " + batch.errors().size() + " bad line(s), first: line " + first.line() + ": "
                    + first.reason());
        }
        List<ExportSample> out = new ArrayList<>();
        for (SampleInput s : batch.samples()) {
            out.add(new ExportSample(s.id(), s.systemPrompt(), s.targetDocument(), s.referenceDocument(),
                    s.referenceAnswer(), s.rollouts().stream().map(RolloutInput::prediction).toList()));
        }
        return out;
    }
}
