package dev.juror.export;

import dev.juror.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.lambda.HandlerId;
import dev.juror.lambda.LambdaConfig;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.PromptRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the reward Lambda bundle (docs/export.md): {@code reward-lambda.zip} ({@code lib/*.jar} and
 * {@code juror-reward.json}), {@code template.yaml} (SAM), {@code iam/lambda-execution-policy.json},
 * {@code iam/training-role-invoke-policy.json}, the batch judge run's {@code iam/batch-inference-role.json},
 * {@code iam/batch-inference-role-trust.json} and {@code iam/batch-caller.json}, {@code training-overrides.json},
 * {@code budget.md},
 * {@code README.md} and {@code events/sample-event.json}. An unvalidated bundle says so in every file.
 */
public final class LambdaBundleExporter {

    public static final String HANDLER = "dev.juror.lambda.RewardHandler::handleRequest";
    public static final String ZIP = "reward-lambda.zip";
    static final int SAMPLE_EVENT_ROLLOUTS = 8;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path jarDir;
    /** Stamps the zip's entries: a fixed clock gives the same bytes for the same bundle. */
    private final Clock clock;

    public LambdaBundleExporter(Path jarDir, Clock clock) {
        this.jarDir = jarDir;
        this.clock = clock;
    }

    /** Writes every file into {@code out} (created if needed) and returns their paths. */
    public List<Path> export(LambdaBundleRequest r, Path out) throws IOException {
        Files.createDirectories(out.resolve("iam"));
        Files.createDirectories(out.resolve("events"));
        String region = r.region().orElse("<REGION>");
        String account = r.account().orElse("<ACCOUNT_ID>");
        String version = CanonicalForm.version(r.rubric());
        List<Path> written = new ArrayList<>();

        LambdaConfig config = LambdaConfig.defaults(r.rubricYaml(), version, PromptRenderer.secure().systemPrompt(r.rubric()),
                        r.modelId())
                .withConcurrency(r.concurrency()).withRegion(r.region()).withEnvelope(r.envelope())
                .withUnvalidated(r.unvalidated());
        LambdaConfig pinned = NeutralReward.pinned(config, r.rubric());
        ObjectNode packaged = NeutralReward.json(pinned, r.rubric());
        // The id the handler's reward records name this bundle by (it recomputes it from what it reads).
        packaged.put(HandlerId.FIELD, HandlerId.of(LambdaConfig.fromJson(packaged)));
        written.add(writeZip(out.resolve(ZIP), packaged));
        written.add(text(out.resolve("template.yaml"), SamTemplate.yaml(r, version)));
        written.add(json(out.resolve("iam/lambda-execution-policy.json"),
                IamPolicies.lambdaExecution(r.modelId(), r.functionName(), region, account, r.unvalidated())));
        written.add(json(out.resolve("iam/training-role-invoke-policy.json"),
                IamPolicies.trainingRoleInvoke(r.functionName(), region, account, r.unvalidated())));
        S3Prefix folder = r.batchFolder().orElse(S3Prefix.PLACEHOLDER);
        written.add(json(out.resolve("iam/batch-inference-role.json"),
                IamPolicies.batchRolePermissions(r.modelId(), folder, region, account, r.unvalidated())));
        written.add(json(out.resolve("iam/batch-inference-role-trust.json"),
                IamPolicies.batchRoleTrust(region, account, r.unvalidated())));
        written.add(json(out.resolve("iam/batch-caller.json"),
                IamPolicies.batchCaller(r.modelId(), folder, region, account, r.unvalidated())));
        written.add(json(out.resolve("training-overrides.json"), overrides(r)));
        written.add(text(out.resolve("budget.md"), r.budget().markdown(r.unvalidated())));
        written.add(json(out.resolve("events/sample-event.json"), sampleEvent(r)));
        written.add(text(out.resolve("README.md"), BundleReadme.text(r, version, region, account)));
        return written;
    }

    private Path writeZip(Path zip, ObjectNode config) throws IOException {
        List<Path> jars = LambdaJars.jars(jarDir);
        AtomicFiles.writeBytes(zip, file -> {
            ZipOutputStream out = new ZipOutputStream(file);
            for (Path jar : jars) {
                out.putNextEntry(entry("lib/" + jar.getFileName()));
                Files.copy(jar, out);
                out.closeEntry();
            }
            out.putNextEntry(entry(LambdaConfig.RESOURCE));
            out.write(JSON.writeValueAsBytes(config));
            out.closeEntry();
            out.finish();
        });
        return zip;
    }

    /** Without a time of its own, an entry would get the time of writing and the zip would differ on every export. */
    private ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(clock.millis());
        return entry;
    }

    static ObjectNode overrides(LambdaBundleRequest r) {
        return TrainingOverrides.of(r.budget(), r.unvalidated());
    }

    static ArrayNode sampleEvent(LambdaBundleRequest r) {
        ArrayNode event = JSON.createArrayNode();
        for (ExportSample s : r.samples()) {
            for (int i = 0; i < s.predictions().size() && event.size() < SAMPLE_EVENT_ROLLOUTS; i++) {
                event.add(NovaRows.eventSample(s, i, r.unvalidated()));
            }
        }
        return event;
    }

    private static Path json(Path file, Object node) throws IOException {
        AtomicFiles.writeBytes(file, out -> JSON.writeValue(out, node));
        return file;
    }

    private static Path text(Path file, String content) throws IOException {
        AtomicFiles.write(file, content);
        return file;
    }
}
