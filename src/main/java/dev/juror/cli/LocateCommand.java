package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.dataset.ExcerptLocator;
import dev.juror.dataset.Location;
import dev.juror.dataset.MatchStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code juror locate}: where is an excerpt in a target document (or its reference)? Exit code 0
 * whatever the status (the status is the answer); 2 for a missing or unreadable file.
 */
@Command(name = "locate",
        mixinStandardHelpOptions = true,
        description = "Find where an excerpt is in a target document: exact, normalized, fuzzy, "
                + "in_reference or not_found, with character offsets.")
public final class LocateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "FILE", description = "the target document (UTF-8 text)")
    Path target;

    @Option(names = "--reference", paramLabel = "FILE", description = "the reference document (UTF-8 text)")
    Path reference;

    @Option(names = "--excerpt", required = true, paramLabel = "TEXT", description = "the excerpt to find")
    String excerpt;

    @Option(names = "--threshold", paramLabel = "SIMILARITY", defaultValue = "0.85",
            description = "minimum similarity for a fuzzy match, in (0, 1] (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--json", description = "print {\"status\", \"start\", \"end\", \"similarity\"} as JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new UserInputException("--threshold must be in (0, 1], was " + threshold);
        }
        String targetText = read(target, "--target");
        String referenceText = reference == null ? "" : read(reference, "--reference");
        Location location = ExcerptLocator.forDocuments(targetText, referenceText, threshold).locate(excerpt);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(location)));
        } else {
            out.println(describe(location, location.status() == MatchStatus.IN_REFERENCE ? referenceText : targetText));
        }
        out.flush();
        return CliRunner.OK;
    }

    private static ObjectNode toJson(Location location) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", location.status().jsonName());
        node.put("start", location.start());
        node.put("end", location.end());
        node.put("similarity", Math.round(location.similarity() * 10_000) / 10_000.0);
        if (!location.reason().isEmpty()) {
            node.put("reason", location.reason());
        }
        return node;
    }

    private static String describe(Location location, String text) {
        String similarity = String.format(Locale.ROOT, "%.2f", location.similarity());
        return switch (location.status()) {
            case NOT_FOUND -> "not found: " + location.reason();
            case IN_REFERENCE -> "in the reference, not the target: characters " + location.start() + "-" + location.end()
                    + " of the reference (similarity " + similarity + ")\n" + quote(text, location);
            default -> location.status().jsonName() + " match: characters " + location.start() + "-" + location.end()
                    + " of the target (similarity " + similarity + ")\n" + quote(text, location);
        };
    }

    private static String quote(String text, Location location) {
        String found = text.substring(location.start(), location.end()).replaceAll("\\s+", " ");
        return "  \u00ab" + (found.length() > 300 ? found.substring(0, 297) + "..." : found) + "\u00bb";
    }

    private static String read(Path file, String option) {
        return RubricFiles.readText(file, option);
    }
}
