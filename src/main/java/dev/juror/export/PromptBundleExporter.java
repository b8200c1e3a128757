package dev.juror.export;

import dev.juror.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.OutputSchema;
import dev.juror.rubric.PromptInputs;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * {@code juror export prompt}: the judge prompt for use outside Juror: {@code system-prompt.txt},
 * {@code user-message-template.txt} (placeholders for the documents and the candidate; the
 * candidate tag must be re-drawn per call), {@code output-schema.json}, {@code rubric.yaml} and
 * {@code prompt-settings.json} (rubric version, judge model, validation status).
 */
public final class PromptBundleExporter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PromptBundleExporter() {
    }

    public static List<Path> export(Rubric rubric, String rubricYaml, String modelId, boolean unvalidated, Path out)
            throws IOException {
        Files.createDirectories(out);
        String version = CanonicalForm.version(rubric);
        String mark = unvalidated ? "UNVALIDATED: no VALIDATED verdict for rubric version " + version + " and judge "
                + modelId + ".\n\n" : "";
        PromptInputs placeholders = rubric.mode() == dev.juror.rubric.Mode.PAIRWISE
                ? PromptInputs.pairwise("{{SYSTEM_PROMPT}}", "{{TARGET_DOCUMENT}}", "{{REFERENCE_DOCUMENT}}",
                "{{CANDIDATE_A}}", "{{CANDIDATE_B}}")
                : PromptInputs.pointwise("{{SYSTEM_PROMPT}}", "{{TARGET_DOCUMENT}}", "{{REFERENCE_DOCUMENT}}",
                "{{CANDIDATE}}");
        // A fixed seed only for the template: a real caller must draw a fresh 128-bit tag per call.
        RenderedPrompt p = new PromptRenderer(new Random(0)).render(rubric, placeholders);
        String user = p.userMessage();
        for (String tag : p.candidateTags()) {
            user = user.replace(tag, tag.replaceAll("_[0-9a-f]{32}$", "_{{NONCE_128_BIT_HEX}}"));
        }
        Path system = write(out.resolve("system-prompt.txt"), mark.isEmpty() ? p.system() : p.system());
        Path template = write(out.resolve("user-message-template.txt"), user);
        Path schema = write(out.resolve("output-schema.json"), OutputSchema.of(rubric).toPrettyJson());
        Path yaml = write(out.resolve("rubric.yaml"), (unvalidated ? "# " + mark.strip() + "\n" : "") + rubricYaml);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("status", unvalidated ? "UNVALIDATED" : "VALIDATED");
        manifest.put("rubric", rubric.name());
        manifest.put("rubric_version", version);
        manifest.put("judge_model", modelId);
        manifest.put("temperature", rubric.judge().temperature());
        manifest.put("max_tokens", rubric.judge().maxTokens());
        manifest.put("candidate_tag", "replace {{NONCE_128_BIT_HEX}} with 32 fresh random hex digits per call, "
                + "drawn again if the candidate contains them");
        Path manifestFile = out.resolve("prompt-settings.json");
        AtomicFiles.writeBytes(manifestFile, file -> JSON.writeValue(file, manifest));
        Path readme = write(out.resolve("README.md"), PromptBundleReadme.text(rubric, version, modelId, unvalidated));
        if (unvalidated) {
            // The prompt texts go to the judge verbatim, so the mark lives in a file beside them.
            write(out.resolve("UNVALIDATED.txt"), mark);
        }
        return List.of(system, template, schema, yaml, manifestFile, readme);
    }

    private static Path write(Path file, String text) throws IOException {
        AtomicFiles.write(file, text);
        return file;
    }
}
