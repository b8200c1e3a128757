package dev.juror.workspace.labels;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.io.AtomicFiles;
import dev.juror.io.InputFileException;
import dev.juror.io.InputFiles;
import dev.juror.rubric.Rubric;
import dev.juror.store.LabelImport;
import dev.juror.store.LabelRepository;
import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoreException;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredPreference;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Label packs: a labeller's labels as JSONL, so experts can label on their own desktops and the
 * labels can be merged into another workspace. Export writes the labeller's whole history (every
 * correction too, in the order stored), so nothing is lost.
 *
 * <p>A pack is someone else's file, so import trusts none of it (see {@link LabelPackRules}): every
 * line must be a complete label with names and uids of bounded length, a uid of its own, a score on
 * its dimension's scale in the given rubric, and a declared time that is not in the future; any
 * failure refuses the whole pack, naming the line. Imported labels count in import order (after
 * every label already here), whatever time they declare; the declared time is kept as information.
 * Every imported label records its pack (SHA-256), who imported it and when. A pack that adds labels
 * under a labeller who already labels here (at the desk or from another pack) is refused unless the
 * importer confirms that labeller by name. Labels already here (same uid) are skipped, so importing
 * a pack twice changes nothing; labels whose item this workspace does not hold, or holds with a
 * different prediction, are listed and not imported; where the same labeller's score on an item
 * changes with the import, both rows are kept and the difference is listed.
 */
public final class LabelPacks {

    static final int MAX_ORIGIN = 200;
    /** The largest label pack read, in bytes. */
    public static final long MAX_PACK_BYTES = LabelPackRules.MAX_PACK_BYTES;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Workspace workspace;
    private final Repositories repositories;
    private final LabelRepository labels;
    private final RolloutRepository rollouts;
    private final Clock clock;

    public LabelPacks(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public LabelPacks(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.repositories = Repositories.of(workspace, clock);
        this.labels = repositories.labels();
        this.rollouts = repositories.rollouts();
        this.clock = clock;
    }

    /** Everyone with a label in the workspace, by name: whose labels {@link #export} can write. */
    public List<String> labellers() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(labels.labellers());
        names.addAll(repositories.preferences().labellers());
        return List.copyOf(names);
    }

    /** Writes every label of {@code labeller} (in the order stored) to {@code file}, atomically; returns the count. */
    public int export(String labeller, Path file) {
        List<StoredLabel> all = labels.byLabeller(labeller);
        Map<Long, StoredRollout> cache = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (StoredLabel l : all) {
            StoredRollout r = cache.computeIfAbsent(l.rolloutId(),
                    id -> rollouts.find(id).orElseThrow(() -> new StoreException("label " + l.uid()
                            + " refers to rollout " + id + ", which is not in the workspace", null)));
            LabelImport from = l.imported();
            LabelPackLine line = new LabelPackLine(l.uid(), l.labeller(), r.sampleId(), r.index(), r.predictionHash(),
                    l.commentPosition(), l.commentId(), l.dimension(), l.score(), l.note(), l.secondsSpent(),
                    l.rubricVersion(), l.judgeHidden(), l.blind(), l.seen(), l.flagged(), l.madeAt().toString(), l.origin(),
                    from == null ? null : from.packSha256(), from == null ? null : from.importedBy(),
                    from == null ? null : from.importedAt().toString(), null, null, null);
            lines.add(json(line));
        }
        for (StoredPreference p : repositories.preferences().byLabeller(labeller)) {  // preferences after labels
            StoredRollout a = cache.computeIfAbsent(p.rolloutAId(), id -> rollouts.find(id).orElseThrow());
            StoredRollout b = cache.computeIfAbsent(p.rolloutBId(), id -> rollouts.find(id).orElseThrow());
            lines.add(json(PreferencePackLines.line(p, a, b)));
        }
        writeAtomically(file, lines);
        return lines.size();
    }

    /**
     * A pack as read: its SHA-256 and its lines ({@code null} for a blank line, so indexes stay line
     * numbers minus one).
     */
    public record Pack(String sha256, List<LabelPackLine> lines) {
    }

    /**
     * Reads a pack and checks every line against the rules of {@link LabelPackRules} and the rubrics;
     * the first line that breaks one refuses the whole pack (nothing imported).
     *
     * @throws LabelPackException naming the file, the line and what to do
     */
    public Pack read(Path file, List<Rubric> rubrics) {
        byte[] bytes;
        try {
            // Regular files only, read with a cap: a FIFO or /dev/zero given as a pack must not hang or fill memory.
            bytes = InputFiles.readBytes(file, new InputFiles.ReadLimit(LabelPackRules.MAX_PACK_BYTES,
                    "split it into several packs (about 400,000 labels fit in one)"), "label pack " + file);
        } catch (InputFileException e) {
            throw new LabelPackException(e.getMessage() + "; nothing was imported", e);
        }
        String text = InputFiles.strictUtf8(bytes); // the bytes, not the text, are hashed for the pack's origin
        if (text == null) {
            throw new LabelPackException(file + ": not UTF-8 text; a label pack is JSONL in UTF-8; nothing was imported");
        }
        Instant now = clock.instant();
        List<String> raw = text.lines().toList();
        List<LabelPackLine> out = new ArrayList<>();
        Map<String, Integer> uidLine = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String lineText = raw.get(i).strip();
            if (lineText.isEmpty()) {
                out.add(null);
                continue;
            }
            int lineNo = i + 1;
            LabelPackLine line;
            try {
                line = JSON.readValue(lineText, LabelPackLine.class);
            } catch (JsonProcessingException e) {
                throw refused(file, lineNo, "not a label pack line (" + e.getOriginalMessage() + ")");
            }
            String missing = missingField(line);
            if (missing != null) {
                throw refused(file, lineNo, "field '" + missing + "' is missing or empty");
            }
            String problem = LabelPackRules.shape(line);
            if (problem == null) {
                problem = LabelPackRules.declaredTime(line, now);
            }
            if (problem == null) {
                problem = LabelPackRules.onScale(line, rubrics);
            }
            if (problem == null) {
                problem = PreferencePackLines.shape(line, rubrics);
            }
            if (problem != null) {
                throw refused(file, lineNo, problem);
            }
            Integer first = uidLine.putIfAbsent(line.uid(), lineNo);
            if (first != null) {
                throw refused(file, lineNo, "uid " + line.uid() + " is repeated (first on line " + first
                        + "); every label of a pack needs a uid of its own");
            }
            out.add(line);
        }
        return new Pack(HexFormat.of().formatHex(sha256(bytes)), out);
    }

    private static LabelPackException refused(Path file, int line, String problem) {
        return new LabelPackException(file + ":" + line + ": " + problem + "; nothing was imported");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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

    /** Imports a pack file in one transaction: see the class comment. */
    public LabelPackResult importPack(Path file, LabelPackOptions options) {
        Pack pack = read(file, options.rubrics());
        List<LabelPackLine> lines = pack.lines();
        Instant now = clock.instant();
        List<LabelPackConflict> conflicts = new ArrayList<>();
        List<StoredLabel> candidates = new ArrayList<>();
        List<StoredPreference> preferences = new ArrayList<>();
        Map<String, Integer> lineOfUid = new HashMap<>();
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
                boolean sampleKnown = repositories.samples().exists(l.sampleId());
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
            if (l.preference()) {
                StringBuilder problem = new StringBuilder();
                PreferencePackLines.candidate(l, r, (sample, index) -> cache.computeIfAbsent(sample + "\u0000" + index,
                                k -> rollouts.find(sample, index)), now, origin(l.origin()), blind(l), seen(l), problem)
                        .ifPresentOrElse(preferences::add, () -> conflicts.add(new LabelPackConflict(
                                LabelPackConflict.Kind.UNKNOWN_ROLLOUT, lineNo, l.uid(), problem.toString())));
                continue;
            }
            // Stored now: created_at is this workspace's time; the pack's time is kept as declared_at.
            candidates.add(new StoredLabel(0, l.uid(), l.labeller(), r.id(), l.commentPosition(),
                    l.commentId() == null ? "" : l.commentId(), l.dimension(), l.score(),
                    l.note() == null ? "" : l.note(), l.seconds() == null || !(l.seconds() >= 0)
                    || l.seconds().isInfinite() ? 0 : l.seconds(),
                    l.rubricVersion(), l.judgeHidden(), l.flagged() != null && l.flagged(),
                    now, origin(l.origin()), Instant.parse(l.createdAt()), null, blind(l), seen(l)));
            lineOfUid.put(l.uid(), lineNo);
        }
        List<StoredLabel> fresh = labels.fresh(candidates);
        List<StoredPreference> freshPreferences = repositories.preferences().fresh(preferences);
        checkLabellers(file, pack.sha256(), fresh, freshPreferences, options.asLabellers());
        conflicts.addAll(scoreChanges(fresh, lineOfUid, lines));
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (fileName.length() > 255) {
            fileName = fileName.substring(0, 255);
        }
        LabelImport batch = new LabelImport(0, pack.sha256(), fileName, options.importedBy(), now);
        List<StoredLabel> stored = labels.merge(fresh, batch);
        // The preferences join the import row the labels wrote (a second transaction), or write their own.
        int storedPreferences = repositories.preferences().merge(freshPreferences,
                stored.isEmpty() ? batch : stored.get(0).imported()).size();
        conflicts.sort(java.util.Comparator.comparingInt(LabelPackConflict::line));
        return new LabelPackResult(read, stored.size() + storedPreferences, candidates.size() - fresh.size()
                + preferences.size() - freshPreferences.size(), conflicts, pack.sha256());
    }

    /**
     * A pack must not add labels under the name of someone who already labels here (at the desk or
     * through another pack) unless the importer names that labeller: otherwise anyone's pack could
     * speak for anyone.
     */
    private void checkLabellers(Path file, String sha256, List<StoredLabel> fresh, List<StoredPreference> prefs,
                                Set<String> confirmed) {
        Map<String, Integer> adds = new TreeMap<>();
        fresh.forEach(l -> adds.merge(l.labeller(), 1, Integer::sum));
        prefs.forEach(p -> adds.merge(p.labeller(), 1, Integer::sum));
        Set<String> here = new java.util.TreeSet<>(labels.labellersOutsidePack(sha256));
        here.addAll(repositories.preferences().labellersOutsidePack(sha256));
        List<String> unconfirmed = adds.keySet().stream().filter(here::contains).filter(n -> !confirmed.contains(n))
                .toList();
        if (!unconfirmed.isEmpty()) {
            String who = String.join(", ", unconfirmed);
            int added = unconfirmed.stream().mapToInt(adds::get).sum();
            throw new LabelPackException(file + " adds " + added + (added == 1 ? " label" : " labels") + " under " + who
                    + (unconfirmed.size() == 1 ? ", who already labels" : ", who already label")
                    + " in this workspace; if the pack really is " + (unconfirmed.size() == 1 ? "theirs" : "each one's")
                    + ", confirm it with " + String.join(" ", unconfirmed.stream().map(n -> "--as-labeller " + n).toList())
                    + "; nothing was imported");
        }
    }

    /**
     * Where the import changes the score that counts for a labeller and item: the last new label of
     * the item in the pack becomes the one that counts (it is stored last), so any workspace label it
     * supersedes with a different score is listed.
     */
    private List<LabelPackConflict> scoreChanges(List<StoredLabel> fresh, Map<String, Integer> lineOfUid,
                                                 List<LabelPackLine> lines) {
        Map<String, StoredLabel> counting = new LinkedHashMap<>();
        fresh.forEach(l -> counting.put(key(l), l));   // pack order: the last one counts
        Set<String> labellers = new LinkedHashSet<>();
        fresh.forEach(l -> labellers.add(l.labeller()));
        Map<String, StoredLabel> hereLatest = new HashMap<>();
        for (String labeller : labellers) {
            for (StoredLabel l : labels.byLabeller(labeller)) {
                hereLatest.put(key(l), l);   // in insert order, so the last one wins
            }
        }
        List<LabelPackConflict> out = new ArrayList<>();
        counting.forEach((key, p) -> {
            StoredLabel h = hereLatest.get(key);
            if (h != null && !h.score().equals(p.score())) {
                int lineNo = lineOfUid.get(p.uid());
                LabelPackLine line = lines.get(lineNo - 1);
                out.add(new LabelPackConflict(LabelPackConflict.Kind.SCORE_DIFFERS, lineNo, p.uid(),
                        p.labeller() + " scored " + p.dimension() + " of sample " + line.sampleId() + " rollout "
                                + line.rolloutIndex() + " comment " + p.commentPosition() + " " + h.score()
                                + " here and " + p.score() + " in the pack; both kept, the pack's score counts"
                                + " (imported last; its declared time " + p.declaredAt() + " does not decide)"));
            }
        });
        return out;
    }

    private static String key(StoredLabel l) {
        return l.labeller() + "\u0000" + l.rolloutId() + "\u0000" + l.commentPosition() + "\u0000" + l.dimension();
    }

    /** Blind only when the pack says so: a line written before Juror recorded it proves nothing. */
    private static boolean blind(LabelPackLine l) {
        return Boolean.TRUE.equals(l.blind());
    }

    private static String seen(LabelPackLine l) {
        if (blind(l)) {
            return "";
        }
        if (l.blind() == null) {
            return l.judgeHidden() ? NOT_RECORDED : dev.juror.store.StoredLabel.JUDGE_SHOWN;
        }
        return l.seen() == null || l.seen().isBlank() ? "not said in the label pack" : l.seen().strip();
    }

    static final String NOT_RECORDED = "not recorded: the label pack does not say what the labeller could see";

    private static String origin(String packOrigin) {
        String o = "pack:" + (packOrigin == null || packOrigin.isBlank() ? "unknown" : packOrigin.strip());
        return o.length() > MAX_ORIGIN ? o.substring(0, MAX_ORIGIN) : o;
    }

    private static String json(LabelPackLine line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot write label " + line.uid(), e);
        }
    }
    private static String shortHash(String h) { return h.length() > 12 ? h.substring(0, 12) : h; }

    /** Writes lines to a temporary file next to {@code file} and moves it into place (atomically where possible). */
    static void writeAtomically(Path file, List<String> lines) {
        Path target = file.toAbsolutePath();
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
