package dev.juror.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A workspace for review-desk benchmarks: {@value #SAMPLES} samples, each with a contract of about
 * 300 KB (the nine shipped contracts joined, repeated, with a sample-specific header so every
 * sample stores its own document) and one rollout of {@value #COMMENTS} comments. Excerpts: most
 * verbatim, some with changed spacing and quotes, a few paraphrased or not in the contract, one
 * quoting the reference, so every matching path of the locator is exercised. Seeded: every run
 * builds the same bytes.
 */
final class LargeReviewWorkspace {

    static final int SAMPLES = 6;
    static final int COMMENTS = 40;
    static final int TARGET_CHARS = 300_000;
    private static final String SEED = "dev/juror/seed/samples/contract-review/";
    private static final String[] CONTRACTS = {
        "cuad-01-agape-supply-agreement.txt", "cuad-02-medalist-consulting-agreement.txt",
        "cuad-03-americasshoppingmall-site-development-hosting-agreement.txt",
        "cuad-04-morganstanley-dlf-trademark-license-agreement.txt",
        "cuad-05-todosmedical-marketing-reseller-agreement.txt", "cuad-06-meritlife-master-services-agreement.txt",
        "cuad-07-sparklingspringwater-software-license-maintenance-agreement.txt",
        "cuad-08-netgear-distributor-agreement.txt", "commonpaper-cloud-service-agreement-v2.1-standard-terms.md"};

    private LargeReviewWorkspace() {
    }

    static Workspace create(Path dir) throws IOException {
        String corpus = corpus();
        String reference = read(SEED + "references/playbook-08-distributor-vendor-agreement.md");
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        Random random = new Random(300);
        for (int s = 0; s < SAMPLES; s++) {
            String target = "SAMPLE " + s + " \u2014 combined agreements for benchmarking\n\n" + corpus;
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("id", "large-" + s);
            sample.put("system_prompt", "Review the contract against the playbook.");
            sample.put("target_document", target);
            sample.put("reference_document", reference);
            sample.put("rollouts", List.of(json.writeValueAsString(comments(target, reference, random))));
            lines.add(json.writeValueAsString(sample));
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("large.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        Workspace workspace = Workspace.open(dir.resolve("ws"));
        Files.createDirectories(workspace.directory().resolve("rubrics"));
        Files.writeString(workspace.directory().resolve("rubrics/contract-review.yaml"),
                read("dev/juror/seed/rubrics/contract-review.yaml"));
        ImportResult result = new Importer(workspace).importBatch(JsonlImportReader.read(file),
                ImportOptions.refuseInvalid());
        if (result.refused()) {
            throw new IllegalStateException(String.join("\n", result.summaryLines()));
        }
        return workspace;
    }

    private static String corpus() throws IOException {
        StringBuilder text = new StringBuilder();
        int round = 0;
        while (text.length() < TARGET_CHARS) {
            for (String contract : CONTRACTS) {
                text.append("\n\n=== Part ").append(++round).append(" ===\n\n").append(read(SEED + "contracts/" + contract));
                if (text.length() >= TARGET_CHARS) {
                    break;
                }
            }
        }
        return text.toString();
    }

    private static List<Map<String, String>> comments(String target, String reference, Random random) {
        List<Map<String, String>> comments = new ArrayList<>();
        for (int i = 0; i < COMMENTS; i++) {
            String excerpt;
            if (i == 7) {
                excerpt = slice(reference, random, 120); // quotes the reference
            } else if (i % 13 == 5) {
                excerpt = "The parties agree that the supplier shall bear every cost of delay howsoever caused.";
            } else {
                excerpt = slice(target, random, 100 + random.nextInt(150));
                if (i % 5 == 3) {
                    excerpt = excerpt.replace(" ", "  ").replace('"', '\u201C'); // spacing and quotes changed
                }
            }
            Map<String, String> comment = new LinkedHashMap<>();
            comment.put("comment_id", "c" + (i + 1));
            comment.put("text_excerpt", excerpt);
            comment.put("comment", "Benchmark comment " + (i + 1) + ": this clause shifts risk to the customer.");
            comment.put("comment_type", "risk");
            comment.put("recommended_action", "Negotiate a cap.");
            comments.add(comment);
        }
        return comments;
    }

    /** A stretch of whole words from a random place of the text. */
    private static String slice(String text, Random random, int length) {
        int start = text.indexOf(' ', random.nextInt(text.length() - length - 1)) + 1;
        int end = text.lastIndexOf(' ', Math.min(text.length() - 1, start + length));
        return text.substring(start, Math.max(start + 1, end)).strip();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = LargeReviewWorkspace.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing seed resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
