package dev.juror.app.review;

import dev.juror.app.workspace.WorkspaceSeeder;
import dev.juror.dataset.ExcerptLocator;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Mode;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.DocumentRepository;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.RolloutRepository;
import dev.juror.store.SampleDocuments;
import dev.juror.store.SampleRepository;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the review desk reads and writes in a workspace. Every method does I/O and is called off the
 * FX thread (through the background tasks). Keeps the documents and excerpt locator of the last
 * few samples, because eight rollouts of a sample share one contract and its index.
 */
public final class ReviewData {

    /** The rubric the desk starts with when the workspace has it. */
    public static final String DEFAULT_RUBRIC = "contract-review.yaml";
    private static final int CACHED_SAMPLES = 4;

    private final Workspace workspace;
    private final Map<String, SampleText> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SampleText> eldest) {
            return size() > CACHED_SAMPLES;
        }
    };

    /** Rubrics that could not be read, by file, with the reason: shown, not hidden. */
    public record RubricList(List<RubricChoice> rubrics, List<String> problems) {
    }

    private record SampleText(SampleDocuments documents, ExcerptLocator locator) {
    }

    public ReviewData(Workspace workspace) {
        this.workspace = workspace;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The pointwise rubrics in {@code rubrics/}, the default one first: what the desk can label with. */
    public RubricList rubrics() throws IOException {
        return rubrics(EnumSet.of(Mode.POINTWISE));
    }

    /** The rubrics of these modes in {@code rubrics/}, the default one first (the judge screen runs both modes). */
    public RubricList rubrics(Set<Mode> modes) throws IOException {
        Path folder = workspace.directory().resolve(WorkspaceSeeder.RUBRICS_FOLDER);
        List<RubricChoice> rubrics = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new RubricList(rubrics, List.of("No rubrics/ folder in " + workspace.directory()));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(DEFAULT_RUBRIC))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
        RubricYaml yaml = new RubricYaml();
        for (Path file : files) {
            try {
                var rubric = yaml.read(file);
                if (modes.contains(rubric.mode())) {
                    rubrics.add(new RubricChoice(file.getFileName().toString(), rubric, CanonicalForm.version(rubric)));
                }
            } catch (RubricException e) {
                problems.add(file.getFileName() + ": " + String.join("; ", e.lines()));
            }
        }
        return new RubricList(rubrics, problems);
    }

    /** Every rollout of the workspace, in file order of the samples (without their text). */
    public List<QueueEntry> queue() {
        return new RolloutRepository(workspace).summaries().stream()
                .map(r -> new QueueEntry(r.sampleId(), r.rolloutId(), r.index(), r.model(), r.commentCount(), r.parsed()))
                .toList();
    }

    public List<StoredLabel> latestLabels() {
        return new LabelRepository(workspace).latest();
    }

    /** Loads a rollout with its documents and locates every excerpt (the locator is built once per sample). */
    public OpenedRollout open(QueueEntry entry, boolean responseLevel) {
        StoredRollout rollout = new RolloutRepository(workspace).find(entry.rolloutId())
                .orElseThrow(() -> new IllegalStateException("rollout " + entry.rolloutId() + " is gone"));
        SampleText text = sampleText(entry.sampleId());
        List<ReviewItem> items = new ArrayList<>();
        if (responseLevel) {
            items.add(new ReviewItem(ItemKey.RESPONSE, "", "", rollout.prediction(), "", "", null));
        } else {
            for (StoredComment comment : rollout.comments()) {
                items.add(new ReviewItem(comment.position(), comment.commentId(), comment.textExcerpt(),
                        comment.comment(), comment.commentType(), comment.recommendedAction(),
                        text.locator().locate(comment.textExcerpt())));
            }
        }
        return new OpenedRollout(entry, text.documents().target(), text.documents().reference(), rollout, items);
    }

    private SampleText sampleText(String sampleId) {
        synchronized (cache) {
            SampleText cached = cache.get(sampleId);
            if (cached != null) {
                return cached;
            }
        }
        StoredSample sample = new SampleRepository(workspace).find(sampleId)
                .orElseThrow(() -> new IllegalStateException("sample " + sampleId + " is gone"));
        SampleDocuments documents = new DocumentRepository(workspace).documentsOf(sample);
        SampleText text = new SampleText(documents, ExcerptLocator.forDocuments(documents.target(),
                documents.reference()));
        synchronized (cache) {
            cache.put(sampleId, text);
        }
        return text;
    }

    /** Stores one submit; committed before this returns. */
    public List<StoredLabel> submit(List<NewLabel> labels) {
        return new LabelRepository(workspace).submit(labels);
    }
}
