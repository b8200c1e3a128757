package dev.juror.app.rubric;

import dev.juror.judge.JudgeResult;
import dev.juror.judge.output.CommentJudgement;
import dev.juror.judge.output.DimensionScore;
import dev.juror.judge.output.ParsedJudgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What "Try on this sample" shows: a headline and one line per comment and dimension with the
 * score and the justification, or why the judge could not grade.
 */
public record TrialResult(String headline, List<String> lines) {

    public TrialResult {
        lines = List.copyOf(lines);
    }

    static TrialResult refused(String reason) {
        return new TrialResult("Cannot try this rubric: " + reason, List.of());
    }

    static TrialResult of(String judge, String against, String version, JudgeResult result) {
        List<String> lines = new ArrayList<>();
        String score = result.sampleScore().isPresent()
                ? String.format(Locale.ROOT, "sample score %.2f", result.sampleScore().getAsDouble())
                : "no sample score";
        String headline = judge + " on " + against + " (rubric version " + version + "): " + result.status().code()
                + ", " + score;
        if (!result.error().isEmpty()) {
            lines.add("Error: " + result.error());
        }
        result.judgement().map(ParsedJudgement::comments).orElse(List.of()).forEach(c -> describe(c, lines));
        return new TrialResult(headline, lines);
    }

    private static void describe(CommentJudgement c, List<String> lines) {
        String score = c.commentScore().isPresent()
                ? String.format(Locale.ROOT, "%.2f", c.commentScore().getAsDouble()) : "-";
        lines.add((c.commentId().isEmpty() ? "response" : c.commentId()) + "  comment score " + score);
        for (DimensionScore d : c.scores()) {
            lines.add("    " + d.dimension() + " = " + d.label() + ": " + d.justification());
        }
    }

    public String text() {
        return headline + "\n\n" + String.join("\n", lines);
    }
}
