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

    /** A Juror-shape file: {@code samples} samples {@code s1..}, each with {@code rollouts} rollouts. */
    public static Path juror(Path file, int samples, int rollouts, String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int s = 1; s <= samples; s++) {
            List<String> predictions = new ArrayList<>();
            for (int r = 0; r < rollouts; r++) {
                predictions.add(quote(prediction(tag + "-s" + s + "-r" + r, 1)));
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
