package dev.juror.store;

import dev.juror.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Label packs: a labeller's labels as JSONL, so experts can label on their own desktops and the
 * labels can be merged into another workspace. Export writes the labeller's whole history (every
 * correction too), so nothing is lost. Import merges by uid (idempotent), refuses labels whose item
 * this workspace does not hold or holds with a different prediction, and reports where the same
 * labeller's latest score on an item differs between the pack and this workspace (both rows are
 * kept; the newer counts).
 */
public final class LabelPacks {

    static final int MAX_ORIGIN = 200;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Workspace workspace;
    private final LabelRepository labels;
    private final RolloutRepository rollouts;

    public LabelPacks(Workspace workspace) {
        this.workspace = workspace;
        this.labels = new LabelRepository(workspace);
        this.rollouts = new RolloutRepository(workspace);
    }

    /** Writes every label of {@code labeller} (oldest first) to {@code file}, atomically; returns the count. */
    public int export(String labeller, Path file) {
        List<StoredLabel> all = labels.byLabeller(labeller);
        Map<Long, StoredRollout> cache = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (StoredLabel l : all) {
            StoredRollout r = cache.computeIfAbsent(l.rolloutId(),
                    id -> rollouts.find(id).orElseThrow(() -> new StoreException("label " + l.uid()
                            + " refers to rollout " + id + ", which is not in the workspace", null)));
            LabelPackLine line = new LabelPackLine(l.uid(), l.labeller(), r.sampleId(), r.index(), r.predictionHash(),
                    l.commentPosition(), l.commentId(), l.dimension(), l.score(), l.note(), l.secondsSpent(),
                    l.rubricVersion(), l.judgeHidden(), l.flagged(), l.createdAt().toString(), l.origin());
            try {
                lines.add(JSON.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                throw new StoreException("Cannot write label " + l.uid(), e);
            }
        }
        writeAtomically(file, lines);
        return lines.size();
    }

    /** Reads a pack; a line that is not a complete label refuses the whole pack (nothing imported). */
    public static List<LabelPackLine> read(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabelPackException(file + ": cannot read the label pack (" + e.getMessage() + ")", e);
        }
        List<LabelPackLine> out = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String raw = text.get(i).strip();
            if (raw.isEmpty()) {
                out.add(null);
                continue;
            }
            LabelPackLine line;
            try {
                line = JSON.readValue(raw, LabelPackLine.class);
            } catch (JsonProcessingException e) {
                throw new LabelPackException(file + ":" + (i + 1) + ": not a label pack line ("
                        + e.getOriginalMessage() + "); nothing was imported");
            }
            String missing = missingField(line);
            if (missing != null) {
                throw new LabelPackException(file + ":" + (i + 1) + ": field '" + missing
                        + "' is missing or empty; nothing was imported");
            }
            try {
                Instant.parse(line.createdAt());
            } catch (DateTimeParseException e) {
                throw new LabelPackException(file + ":" + (i + 1) + ": created_at '" + line.createdAt()
                        + "' is not an ISO-8601 instant such as 2026-11-28T10:15:00Z; nothing was imported");
            }
            out.add(line);
        }
        return out;
    }

    private static String missingField(LabelPackLine l) {
        if (blank(l.uid())) return "uid";
        if (blank(l.labeller())) return "labeller";
        if (blank(l.sampleId())) return "sample_id";
        if (l.rolloutIndex() == null) return "rollout_index";
        if (blank(l.predictionHash())) return "prediction_hash";
        if (l.commentPosition() == null) return "comment_position";
        if (blank(l.dimension())) return "dimension";
        if (blank(l.score())) return "score";
        if (blank(l.rubricVersion())) return "rubric_version";
        if (l.judgeHidden() == null) return "judge_hidden";
        if (blank(l.createdAt())) return "created_at";
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Imports a pack file: see the class comment. */
    public LabelPackResult importPack(Path file) {
        List<LabelPackLine> lines = read(file);
        List<LabelPackConflict> conflicts = new ArrayList<>();
        List<StoredLabel> candidates = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        Map<String, Optional<StoredRollout>> cache = new HashMap<>();
        int read = 0;
        for (int i = 0; i < lines.size(); i++) {
            LabelPackLine l = lines.get(i);
            if (l == null) {
                continue;
            }
            read++;
            int lineNo = i + 1;
            Optional<StoredRollout> rollout = cache.computeIfAbsent(l.sampleId() + "\u0000" + l.rolloutIndex(),
                    k -> rollouts.find(l.sampleId(), l.rolloutIndex()));
            if (rollout.isEmpty()) {
                boolean sampleKnown = new SampleRepository(workspace).exists(l.sampleId());
                conflicts.add(new LabelPackConflict(sampleKnown ? LabelPackConflict.Kind.UNKNOWN_ROLLOUT
                        : LabelPackConflict.Kind.UNKNOWN_SAMPLE, lineNo, l.uid(), sampleKnown
                        ? "sample " + l.sampleId() + " has no rollout " + l.rolloutIndex() + " here; not imported"
                        : "sample " + l.sampleId() + " is not in this workspace; import its samples first; not imported"));
                continue;
            }
            StoredRollout r = rollout.get();
            if (!r.predictionHash().equals(l.predictionHash())) {
                conflicts.add(new LabelPackConflict(LabelPackConflict.Kind.PREDICTION_MISMATCH, lineNo, l.uid(),
                        "rollout " + l.rolloutIndex() + " of sample " + l.sampleId() + " holds a different prediction here ("
                                + shortHash(r.predictionHash()) + ", pack " + shortHash(l.predictionHash())
                                + "); not imported"));
                continue;
            }
            if (l.commentPosition() >= 0 && r.comments().stream().noneMatch(c -> c.position() == l.commentPosition())) {
                conflicts.add(new LabelPackConflict(LabelPackConflict.Kind.UNKNOWN_COMMENT, lineNo, l.uid(),
                        "rollout " + l.rolloutIndex() + " of sample " + l.sampleId() + " has no comment at position "
                                + l.commentPosition() + "; not imported"));
                continue;
            }
            candidates.add(new StoredLabel(0, l.uid(), l.labeller(), r.id(), l.commentPosition(),
                    l.commentId() == null ? "" : l.commentId(), l.dimension(), l.score(),
                    l.note() == null ? "" : l.note(), l.seconds() == null || !(l.seconds() >= 0) ? 0 : l.seconds(),
                    l.rubricVersion(), l.judgeHidden(), l.flagged() != null && l.flagged(),
                    Instant.parse(l.createdAt()), origin(l.origin())));
            lineOf.add(lineNo);
        }
        conflicts.addAll(scoreDifferences(candidates, lineOf));
        List<StoredLabel> fresh = labels.merge(candidates);
        conflicts.sort(java.util.Comparator.comparingInt(LabelPackConflict::line));
        return new LabelPackResult(read, fresh.size(), candidates.size() - fresh.size(), conflicts);
    }

    /** Where the pack's latest score for (labeller, item) differs from this workspace's latest. */
    private List<LabelPackConflict> scoreDifferences(List<StoredLabel> candidates, List<Integer> lineOf) {
        Map<String, StoredLabel> packLatest = new HashMap<>();
        Map<String, Integer> packLine = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            StoredLabel l = candidates.get(i);
            String key = key(l);
            StoredLabel prev = packLatest.get(key);
            if (prev == null || !l.createdAt().isBefore(prev.createdAt())) {
                packLatest.put(key, l);
                packLine.put(key, lineOf.get(i));
            }
        }
        Set<String> labellers = new LinkedHashSet<>();
        candidates.forEach(l -> labellers.add(l.labeller()));
        Map<String, StoredLabel> hereLatest = new HashMap<>();
        for (String labeller : labellers) {
            for (StoredLabel l : labels.byLabeller(labeller)) {
                hereLatest.put(key(l), l);   // oldest first, so the last one wins
            }
        }
        List<LabelPackConflict> out = new ArrayList<>();
        packLatest.forEach((key, p) -> {
            StoredLabel h = hereLatest.get(key);
            if (h != null && !h.uid().equals(p.uid()) && !h.score().equals(p.score())) {
                boolean packNewer = p.createdAt().isAfter(h.createdAt());
                out.add(new LabelPackConflict(LabelPackConflict.Kind.SCORE_DIFFERS, packLine.get(key), p.uid(),
                        p.labeller() + " scored " + p.dimension() + " of rollout " + p.rolloutId() + " comment "
                                + p.commentPosition() + " " + p.score() + " in the pack (" + p.createdAt() + ") and "
                                + h.score() + " here (" + h.createdAt() + "); both kept, the "
                                + (packNewer ? "pack's" : "workspace's") + " score counts"));
            }
        });
        return out;
    }

    private static String key(StoredLabel l) {
        return l.labeller() + "\u0000" + l.rolloutId() + "\u0000" + l.commentPosition() + "\u0000" + l.dimension();
    }

    private static String origin(String packOrigin) {
        String o = "pack:" + (packOrigin == null || packOrigin.isBlank() ? "unknown" : packOrigin.strip());
        return o.length() > MAX_ORIGIN ? o.substring(0, MAX_ORIGIN) : o;
    }

    private static String shortHash(String h) {
        return h.length() > 12 ? h.substring(0, 12) : h;
    }

    /** Writes lines to a temporary file next to {@code file} and moves it into place (atomically where possible). */
    static void writeAtomically(Path file, List<String> lines) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        try {
            AtomicFiles.writeText(target, w -> {
                for (String line : lines) {
                    w.write(line);
                    w.write('\n');
                }
            });
        } catch (IOException e) {
            throw new StoreException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
