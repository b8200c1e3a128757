package dev.juror.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.rubric.Mode;
import dev.juror.rubric.PromptInputs;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import dev.juror.store.SampleDocuments;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code juror rubric render FILE}: prints the judge prompt a rubric renders for a sample given as
 * files, or for clearly marked placeholders when a file is not given.
 */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = "Render the judge prompt: system prompt, then the user message as its cacheable prefix"
                + " and its per-call suffix. Missing sample files are replaced by marked placeholders.")
public final class RubricRenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Rubric YAML file.")
    Path file;

    @Option(names = "--target", paramLabel = "FILE", description = "Target document (the contract under review).")
    Path target;

    @Option(names = "--reference", paramLabel = "FILE", description = "Reference document.")
    Path reference;

    @Option(names = "--system-prompt", paramLabel = "FILE", description = "System prompt given to the policy model.")
    Path systemPrompt;

    @Option(names = "--prediction", paramLabel = "FILE",
            description = "The prediction to grade; give it twice (A, then B) for a pairwise rubric.")
    List<Path> predictions = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "ID",
            description = "Render for this sample of the workspace (its documents and system prompt).")
    String sampleId;

    @Option(names = "--rollout", paramLabel = "N",
            description = "With --sample: the rollout (0-based index) whose prediction is graded (default 0).")
    Integer rolloutIndex;

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for the candidate tag codes, for repeatable output (default: secure random).")
    Long seed;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Optional<Rubric> loaded = RubricFiles.load(file, spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return CliRunner.BAD_INPUT;
        }
        Rubric rubric = loaded.get();
        PromptInputs inputs = inputs(rubric);
        PromptRenderer renderer = seed == null ? PromptRenderer.secure() : new PromptRenderer(new SplittableRandom(seed));
        print(rubric, renderer.render(rubric, inputs));
        return CliRunner.OK;
    }

    /** The sample from the workspace (--sample) or from the option files; a placeholder for each part not given. */
    PromptInputs inputs(Rubric rubric) {
        if (sampleId != null) {
            return fromWorkspace(rubric);
        }
        if (rolloutIndex != null) {
            throw new UserInputException("--rollout needs --sample ID: say which sample of the workspace to render");
        }
        int needed = rubric.mode() == Mode.PAIRWISE ? 2 : 1;
        if (predictions.size() > needed) {
            throw new UserInputException("--prediction given " + predictions.size() + " times; rubric "
                    + rubric.name() + " is " + rubric.mode().yaml() + " and takes " + needed);
        }
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < needed; i++) {
            String label = needed == 2 ? "candidate " + (i == 0 ? "A" : "B") : "prediction";
            candidates.add(i < predictions.size()
                    ? RubricFiles.readText(predictions.get(i), "--prediction")
                    : placeholder(label, "--prediction FILE"));
        }
        return new PromptInputs(
                text(systemPrompt, "--system-prompt", "system prompt given to the policy"),
                text(target, "--target", "target document"),
                text(reference, "--reference", "reference document"),
                candidates);
    }

    private PromptInputs fromWorkspace(Rubric rubric) {
        if (target != null || reference != null || systemPrompt != null || !predictions.isEmpty()) {
            throw new UserInputException("--sample takes the documents and prediction from the workspace;"
                    + " leave out --target, --reference, --system-prompt and --prediction");
        }
        int index = rolloutIndex == null ? 0 : rolloutIndex;
        try (Workspace opened = workspace.open()) {
            WorkspaceLookups lookups = new WorkspaceLookups(opened);
            StoredSample sample = lookups.sample(sampleId).orElseThrow(() ->
                    new UserInputException("no sample \"" + sampleId + "\" in workspace " + opened.directory()
                            + "; list them with juror stats or import the file that holds it"));
            SampleDocuments documents = lookups.documentsOf(sample);
            List<StoredRollout> rollouts = lookups.rolloutsOf(sampleId);
            int needed = rubric.mode() == Mode.PAIRWISE ? 2 : 1;
            if (index < 0 || index + needed > rollouts.size()) {
                throw new UserInputException("sample " + sampleId + " has " + rollouts.size() + " rollouts (0.."
                        + (rollouts.size() - 1) + "); --rollout " + index + " is out of range"
                        + (needed == 2 ? " (pairwise takes rollouts N and N+1 as A and B)" : ""));
            }
            List<String> candidates = new ArrayList<>();
            for (int i = 0; i < needed; i++) {
                candidates.add(rollouts.get(index + i).prediction());
            }
            return new PromptInputs(documents.systemPrompt(), documents.target(), documents.reference(), candidates);
        }
    }

    private static String text(Path path, String option, String what) {
        return path == null ? placeholder(what, option + " FILE") : RubricFiles.readText(path, option);
    }

    static String placeholder(String what, String option) {
        return "[PLACEHOLDER: " + what + " - pass " + option + " to render a real one]";
    }

    private void print(Rubric rubric, RenderedPrompt p) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("rubric", rubric.name());
            node.put("version", p.rubricVersion());
            node.put("system", p.system());
            node.put("user_prefix", p.userPrefix());
            node.put("user_suffix", p.userSuffix());
            p.candidateTags().forEach(node.putArray("candidate_tags")::add);
            try {
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println("===== system prompt (rubric " + rubric.name() + ", version " + p.rubricVersion() + ") =====");
            out.println(p.system());
            out.println("===== user message: static prefix (same for every rollout of the sample; cache point after it) =====");
            out.print(p.userPrefix());
            out.println("===== user message: dynamic suffix (per call) =====");
            out.print(p.userSuffix());
        }
        out.flush();
    }
}
