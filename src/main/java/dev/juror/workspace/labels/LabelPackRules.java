package dev.juror.workspace.labels;

import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Preference;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.Scale;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a label pack may not do, checked line by line before anything is imported. A pack is
 * written by someone else, on another computer, maybe by hand: its names, uids, scores and times
 * are claims. Each check returns null when the line is fine, else the problem in words (the caller
 * adds the file and line number and refuses the whole pack).
 */
final class LabelPackRules {

    /** Column sizes of {@code labels} (V2) and {@code samples} (V1); the note has a limit of its own. */
    static final int MAX_UID = 64;
    static final int MAX_NAME = 200;
    static final int MAX_SAMPLE_ID = 512;
    static final int MAX_COMMENT_ID = 512;
    static final int MAX_HASH = 64;
    static final int MAX_SCORE = 16;
    static final int MAX_NOTE = 100_000;
    static final int MAX_SEEN = 500;
    /** A pack is read whole (its SHA-256 is recorded): 256 MiB, some 400,000 labels. */
    static final long MAX_PACK_BYTES = 256L * 1024 * 1024;

    /**
     * How far a label's declared time may be ahead of this computer's clock: clocks of two desktops
     * differ by seconds, not by minutes. A label cannot be made after it is imported.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Uids are identifiers (the desk writes UUIDs): no spaces, quotes or control characters. */
    private static final Pattern UID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private LabelPackRules() {
    }

    /** Lengths, characters and positions of a line whose fields are all present. */
    static String shape(LabelPackLine l) {
        if (l.uid().length() > MAX_UID) {
            return "uid is " + l.uid().length() + " characters; at most " + MAX_UID + " are allowed";
        }
        if (!UID.matcher(l.uid()).matches()) {
            return "uid '" + l.uid() + "' may hold only letters, digits and . _ : - (a UUID, as the desk writes)";
        }
        String name = name("labeller", l.labeller());
        if (name != null) {
            return name;
        }
        if (l.sampleId().length() > MAX_SAMPLE_ID) {
            return "sample_id is " + l.sampleId().length() + " characters; at most " + MAX_SAMPLE_ID + " are allowed";
        }
        if (l.rolloutIndex() < 0) {
            return "rollout_index " + l.rolloutIndex() + " is negative";
        }
        if (l.predictionHash().length() > MAX_HASH) {
            return "prediction_hash is " + l.predictionHash().length() + " characters; at most " + MAX_HASH
                    + " are allowed (a SHA-256 in hex)";
        }
        if (l.commentPosition() < -1) {
            return "comment_position " + l.commentPosition() + " is below -1 (-1 is the whole response)";
        }
        if (l.commentId() != null && l.commentId().length() > MAX_COMMENT_ID) {
            return "comment_id is " + l.commentId().length() + " characters; at most " + MAX_COMMENT_ID + " are allowed";
        }
        if (l.dimension().length() > MAX_NAME) {
            return "dimension is " + l.dimension().length() + " characters; at most " + MAX_NAME + " are allowed";
        }
        if (l.score().length() > MAX_SCORE) {
            return "score is " + l.score().length() + " characters; at most " + MAX_SCORE + " are allowed";
        }
        if (l.rubricVersion().length() > MAX_HASH) {
            return "rubric_version is " + l.rubricVersion().length() + " characters; at most " + MAX_HASH + " are allowed";
        }
        if (l.note() != null && l.note().length() > MAX_NOTE) {
            return "note is " + l.note().length() + " characters; at most " + MAX_NOTE + " are allowed";
        }
        if (l.seen() != null && l.seen().length() > MAX_SEEN) {
            return "seen is " + l.seen().length() + " characters; at most " + MAX_SEEN + " are allowed";
        }
        if (Boolean.TRUE.equals(l.blind()) && !l.judgeHidden()) {
            return "blind is true but judge_hidden is false; a label given with the judge's scores shown is not"
                    + " blind: set blind to false";
        }
        if (Boolean.TRUE.equals(l.blind()) && l.seen() != null && !l.seen().isBlank()) {
            return "blind is true but seen says '" + l.seen().strip() + "' was shown; set blind to false or empty seen";
        }
        return null;
    }

    /**
     * A person's name (a labeller, or who imports): 1-200 characters, no control characters, no
     * spaces around it (so "ann " cannot pass for a second "ann").
     */
    static String name(String field, String value) {
        if (value.length() > MAX_NAME) {
            return field + " is " + value.length() + " characters; at most " + MAX_NAME + " are allowed";
        }
        if (!value.equals(value.strip())) {
            return field + " '" + value.strip() + "' has spaces around it; write the name without them";
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return field + " holds a control character (a line break or tab, for example); write the name on one line";
        }
        return null;
    }

    /** The declared time: an ISO-8601 instant, not after {@code now} plus {@link #CLOCK_SKEW}. */
    static String declaredTime(LabelPackLine l, Instant now) {
        Instant declared;
        try {
            declared = Instant.parse(l.createdAt());
        } catch (DateTimeParseException e) {
            return "created_at '" + l.createdAt() + "' is not an ISO-8601 instant such as 2026-11-28T10:15:00Z";
        }
        if (declared.isAfter(now.plus(CLOCK_SKEW))) {
            return "created_at " + declared + " is in the future (this computer's clock says " + now
                    + "; at most " + CLOCK_SKEW.toMinutes() + " minutes ahead are allowed); a label cannot be made"
                    + " after it is imported: fix the line, or the clock of the computer that made the pack";
        }
        return null;
    }

    /**
     * The score must be a value of the dimension's scale in the rubric the label was made with: the
     * rubric whose version is the line's {@code rubric_version}, else any given rubric that has the
     * dimension (labels outlive rubric edits; calibration matches dimensions by name too).
     */
    static String onScale(LabelPackLine l, List<Rubric> rubrics) {
        List<Rubric> candidates = new ArrayList<>();
        for (Rubric r : rubrics) {
            if (CanonicalForm.version(r).equals(l.rubricVersion()) && r.dimension(l.dimension()).isPresent()) {
                candidates = List.of(r);
                break;
            }
            if (r.dimension(l.dimension()).isPresent()) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            return "dimension '" + l.dimension() + "' is not in " + describe(rubrics)
                    + "; give the rubric the labels were made with (--rubric FILE)";
        }
        for (Rubric r : candidates) {
            if (accepts(r.dimension(l.dimension()).orElseThrow().scale(), l.score())) {
                return null;
            }
        }
        Rubric first = candidates.get(0);
        Dimension d = first.dimension(l.dimension()).orElseThrow();
        return "score '" + l.score() + "' is not on the scale of " + d.name() + " in rubric " + first.name()
                + " (" + d.scale().label() + ": one of " + String.join(", ", values(d.scale())) + ")";
    }

    /** The score texts a scale takes: its integer levels, pass/fail, or A/B/tie for pairwise dimensions. */
    static List<String> values(Scale scale) {
        return switch (scale) {
            case Scale.PreferenceScale p -> Arrays.stream(Preference.values()).map(Preference::json).toList();
            default -> scale.levelKeys().reversed();
        };
    }

    static boolean accepts(Scale scale, String score) {
        return values(scale).contains(score);
    }

    private static String describe(List<Rubric> rubrics) {
        if (rubrics.size() == 1) {
            Rubric r = rubrics.get(0);
            return "rubric " + r.name() + " (" + String.join(", ", r.dimensionNames()) + ")";
        }
        return "rubrics " + String.join(", ", rubrics.stream().map(Rubric::name).toList());
    }
}
