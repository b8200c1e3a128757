package dev.juror.testing.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: import files of checkpoint rollouts and RFT prompt files, written as a user would. */
public final class CheckpointFiles {

    public static final String TARGET = "MASTER SERVICES AGREEMENT\n1. Term. This Agreement runs for three years.\n"
            + "2. Liability. Supplier's liability is unlimited.";
    public static final String REFERENCE = "Playbook: cap liability at fees paid in the prior 12 months.";

    private CheckpointFiles() {
    }

    /** A contract-review prediction with one comment per excerpt, as a JSON string literal's content. */
    public static String prediction(String tag, int comments) {
        List<String> list = new ArrayList<>();
        for (int c = 0; c < comments; c++) {
            list.add("{\"comment_id\": \"c" + (c + 1) + "\", \"text_excerpt\": \"Supplier's liability is unlimited\","
                    + " \"comment\": \"" + tag + " comment " + (c + 1) + "\", \"comment_type\": \"risk\","
                    + " \"recommended_action\": \"Cap it.\"}");
        }
        return "[" + String.join(", ", list) + "]";
    }

    private static final String[] EXCERPTS = {"Supplier's liability is unlimited", "a clause this contract lacks",
        "This Agreement runs for three years"};
    private static final String[] COMMENTS = {"Liability must be capped at fees paid in the prior 12 months.",
        "Bad.", "The playbook caps liability; unlimited liability breaks it."};
    private static final String[] ACTIONS = {"Replace with \"Liability is capped at the fees paid in the prior 12"
        + " months.\"", "Consider reviewing.", "Cap liability at 12 months of fees.", ""};

    /**
     * A one-comment prediction whose excerpt, comment and action vary with {@code i}, so the heuristic
     * judge scores the rollouts of a file differently.
     */
    public static String varied(String tag, int i) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.List.of(
                    java.util.Map.of("comment_id", "c1", "text_excerpt", EXCERPTS[i % 3],
                            "comment", COMMENTS[(i / 3) % 3] + " (" + tag + ")", "comment_type", "risk",
                            "recommended_action", ACTIONS[i % 4])));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Juror-shape file: {@code samples} samples {@code s1..}, each with {@code rollouts} rollouts. */
    public static Path juror(Path file, int samples, int rollouts, String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int s = 1; s <= samples; s++) {
            List<String> predictions = new ArrayList<>();
            for (int r = 0; r < rollouts; r++) {
                predictions.add(quote(varied(tag, (s - 1) * rollouts + r)));
            }
            lines.add("{\"id\": \"s" + s + "\", \"target_document\": " + quote(TARGET + " Sample " + s + ".")
                    + ", \"reference_document\": " + quote(REFERENCE) + ", \"rollouts\": [" + String.join(", ", predictions)
                    + "]}");
        }
        return Files.write(file, lines);
    }

    /** Nova RFT training rows (no assistant turn): the prompts {@code juror watch sample} sends. */
    public static Path rftPrompts(Path file, int samples) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int s = 1; s <= samples; s++) {
            lines.add("{\"id\": \"p" + s + "\", \"messages\": [{\"role\": \"system\", \"content\": \"You review contracts.\"},"
                    + " {\"role\": \"user\", \"content\": " + quote("<TargetDocument>" + TARGET + " Prompt " + s
                    + ".</TargetDocument><Reference>" + REFERENCE + "</Reference>") + "}]}");
        }
        return Files.write(file, lines);
    }

    public static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
