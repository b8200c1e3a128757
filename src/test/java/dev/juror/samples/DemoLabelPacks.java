package dev.juror.samples;

import dev.juror.dataset.ExcerptLocator;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.dataset.MatchStatus;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.DocumentRepository;
import dev.juror.store.LabelRepository;
import dev.juror.store.RolloutRepository;
import dev.juror.store.SampleRepository;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import dev.juror.workspace.labels.LabelPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the DEMONSTRATION label packs in {@code samples/labels/}. These are not expert judgement:
 * the scores are scripted from each rollout's {@code metadata.kind} and {@code note} (which comment
 * is fabricated, quotes the playbook, carries an injection...), the excerpt locator's verdict and
 * the rubric's mandatory rules, with seeded noise so the two demo experts disagree the way real
 * raters do (expert 2 is a little stricter on Actionability and skips some rollouts). Everything
 * is deterministic, so {@code DemoLabelPacksTest} checks the shipped files are exactly what this
 * class makes.
 */
final class DemoLabelPacks {

    static final String EXPERT_1 = "demo-expert-1";
    static final String EXPERT_2 = "demo-expert-2";
    static final String ORIGIN = "DEMONSTRATION (scripted for Juror's samples; not expert judgement)";
    static final String NOTE_PREFIX = "DEMONSTRATION label, not expert judgement: ";
    static final Path SAMPLES = Path.of("samples/contract-review/contract-review.jsonl");
    static final Path RUBRIC = Path.of("rubrics/contract-review.yaml");
    private static final Pattern COMMENT_REF = Pattern.compile("\\bc(\\d)\\b");

    private DemoLabelPacks() {
    }

    static String fileName(String labeller) {
        return "DEMO-labels-" + labeller + ".jsonl";
    }

    /** Imports the samples into {@code workspaceDir} and writes both packs into {@code outDir}. */
    static void write(Path workspaceDir, Path outDir) throws Exception {
        Rubric rubric = new RubricYaml().read(RUBRIC);
        String version = CanonicalForm.version(rubric);
        try (Workspace ws = Workspace.open(workspaceDir)) {
            new Importer(ws).importBatch(JsonlImportReader.read(SAMPLES), ImportOptions.refuseInvalid());
            List<StoredLabel> labels = new ArrayList<>();
            Instant t1 = Instant.parse("2026-11-20T09:00:00Z");
            Instant t2 = Instant.parse("2026-11-21T13:00:00Z");
            for (StoredSample sample : new SampleRepository(ws).list(0, 1000)) {
                var docs = new DocumentRepository(ws).documentsOf(sample);
                ExcerptLocator locator = ExcerptLocator.forDocuments(docs.target(), docs.reference());
                for (StoredRollout r : new RolloutRepository(ws).ofSample(sample.id())) {
                    if (r.comments().isEmpty()) {
                        continue;     // nothing to score per comment: empty, malformed, prose, master key
                    }
                    String kind = String.valueOf(r.metadata().get("kind"));
                    String note = String.valueOf(r.metadata().get("note"));
                    boolean expert2 = new Random(seed(r, "skip")).nextDouble() >= 0.15;
                    for (StoredComment c : r.comments()) {
                        int[] base = base(kind, note, c, locator);
                        String why = reason(kind, note, c, locator);
                        for (int d = 0; d < 3; d++) {
                            String dim = rubric.dimensions().get(d).name();
                            labels.add(label(EXPERT_1, r, c, dim, base[d], why, version, t1));
                            t1 = t1.plusSeconds(35 + (seed(r, c.position() + dim) & 63));
                            if (expert2) {
                                int s = expert2(base[d], d, new Random(seed(r, c.position() + dim + "e2")));
                                labels.add(label(EXPERT_2, r, c, dim, s, why, version, t2));
                                t2 = t2.plusSeconds(30 + (seed(r, c.position() + dim + "t") & 63));
                            }
                        }
                    }
                }
            }
            // three later corrections by expert 1 (new rows: the history stays, the newest counts)
            List<StoredLabel> corrections = new ArrayList<>();
            for (int i = 0; i < labels.size() && corrections.size() < 3; i += 97) {
                StoredLabel l = labels.get(i);
                if (l.labeller().equals(EXPERT_1)) {
                    int s = Integer.parseInt(l.score());
                    int fixed = s >= 3 ? s - 1 : s + 1;
                    corrections.add(new StoredLabel(0, uid(l.uid() + "-correction"), l.labeller(), l.rolloutId(),
                            l.commentPosition(), l.commentId(), l.dimension(), Integer.toString(fixed),
                            NOTE_PREFIX + "correction after re-reading the clause", 41, l.rubricVersion(), true, false,
                            t1.plus(Duration.ofHours(2 + corrections.size())), ORIGIN));
                }
            }
            labels.addAll(corrections);
            new LabelRepository(ws).merge(labels);
            LabelPacks packs = new LabelPacks(ws);
            packs.export(EXPERT_1, outDir.resolve(fileName(EXPERT_1)));
            packs.export(EXPERT_2, outDir.resolve(fileName(EXPERT_2)));
        }
    }

    private static StoredLabel label(String who, StoredRollout r, StoredComment c, String dim, int score, String why,
                                     String version, Instant at) {
        String key = who + "|" + r.sampleId() + "|" + r.index() + "|" + c.position() + "|" + dim;
        double seconds = 20 + (seed(r, key) & 127);
        return new StoredLabel(0, uid(key), who, r.id(), c.position(), c.commentId(), dim, Integer.toString(score),
                NOTE_PREFIX + why, seconds, version, true, score <= 1 && (seed(r, key + "f") & 7) == 0, at, ORIGIN);
    }

    /** Grounding, reference consistency, actionability for one comment, before any rater noise. */
    static int[] base(String kind, String note, StoredComment c, ExcerptLocator locator) {
        boolean named = namedInNote(note, c);
        MatchStatus where = blank(c.textExcerpt()) ? MatchStatus.NOT_FOUND : locator.locate(c.textExcerpt()).status();
        int[] s = switch (kind) {
            case "strong", "fenced_json" -> new int[] {5, 5, 4};
            case "normalized_quote" -> new int[] {5, 4, 4};
            case "benign_instruction_talk" -> new int[] {4, 4, 4};
            case "vague" -> new int[] {3, 2, 1};
            case "wrong_clause" -> new int[] {1, 2, 2};
            case "duplicate_comments" -> new int[] {4, 3, 3};
            case "injection" -> named ? new int[] {1, 1, 1} : new int[] {4, 4, 4};
            case "quotes_reference", "fabricated_excerpt" -> where.inTarget() ? new int[] {4, 3, 3} : new int[] {1, 2, 3};
            default -> new int[] {3, 3, 3};
        };
        if (!where.inTarget()) {
            s[0] = 1;                                   // mandatory rule: not a quote of the contract
        }
        if (blank(c.recommendedAction())) {
            s[2] = 1;                                   // mandatory rule: no usable action
        }
        if (blank(c.comment())) {
            s[1] = Math.min(s[1], 2);
        }
        return s;
    }

    static String reason(String kind, String note, StoredComment c, ExcerptLocator locator) {
        MatchStatus where = blank(c.textExcerpt()) ? MatchStatus.NOT_FOUND : locator.locate(c.textExcerpt()).status();
        String excerpt = blank(c.textExcerpt()) ? "empty excerpt" : "excerpt " + where.jsonName();
        String flaw = kind.equals("injection") && namedInNote(note, c) ? "addressed to the grader" : kind.replace('_', ' ');
        return "rollout kind " + flaw + "; " + excerpt + (blank(c.recommendedAction()) ? "; no recommended action" : "");
    }

    /** Demo expert 2: the same reading with rater noise, a little stricter on Actionability. */
    static int expert2(int base, int dimension, Random random) {
        int s = base;
        double u = random.nextDouble();
        if (u < 0.04) {
            s += random.nextBoolean() ? 2 : -2;
        } else if (u < 0.26) {
            s += random.nextBoolean() ? 1 : -1;
        }
        if (dimension == 2 && s >= 4 && random.nextDouble() < 0.3) {
            s -= 1;
        }
        return Math.max(1, Math.min(5, s));
    }

    private static boolean namedInNote(String note, StoredComment c) {
        Matcher m = COMMENT_REF.matcher(note);
        while (m.find()) {
            if (("c" + m.group(1)).equals(c.commentId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static long seed(StoredRollout r, String salt) {
        return UUID.nameUUIDFromBytes((r.sampleId() + "|" + r.index() + "|" + salt).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits() & Long.MAX_VALUE;
    }

    private static String uid(String key) {
        return UUID.nameUUIDFromBytes(("juror-demo-label|" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
