package dev.juror.app;

import dev.juror.align.AlignInputException;
import dev.juror.align.ProposalModel;
import dev.juror.align.TypedEdits;
import dev.juror.app.align.AlignForm;
import dev.juror.app.align.AlignPort;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.Workspace;
import dev.juror.workspace.align.AlignExperiment;
import dev.juror.workspace.align.AlignRequest;
import dev.juror.workspace.align.AlignSources;
import dev.juror.workspace.align.AlignStore;
import dev.juror.workspace.align.ClientProposalModel;
import dev.juror.workspace.align.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Align panel's port over the open workspace: builds the same {@link AlignRequest} as
 * {@code juror align} (same sources, same judge factory through {@code AlignExperiment}, default
 * bootstrap) from the panel's form, and reads the rounds {@link AlignStore} keeps.
 */
final class WorkspaceAlign implements AlignPort {

    /** Stands in for the judge model while only estimating: counted, never asked. */
    private static final ProposalModel NOT_ASKED = (system, user) -> {
        throw new IllegalStateException("the cost check makes no call");
    };

    private final Supplier<Workspace> open;
    private final Clock clock;

    WorkspaceAlign(Supplier<Workspace> open, Clock clock) {
        this.open = open;
        this.clock = clock;
    }

    @Override
    public List<Experiment> rounds() {
        Workspace ws = open.get();
        return ws == null ? List.of() : new AlignStore(ws.directory()).list();
    }

    @Override
    public AlignExperiment.Estimate estimate(AlignForm form) {
        String text = read(form.rubric(), "rubric");
        boolean asks = form.proposals() && JudgeFactory.isLive(JudgeFactory.normalise(form.provider()));
        return new AlignExperiment(workspace(), clock).estimate(request(form, text,
                asks ? Optional.of(NOT_ASKED) : Optional.empty()));
    }

    @Override
    public AlignExperiment.Outcome run(AlignForm form, Consumer<String> progress) throws InterruptedException {
        String text = read(form.rubric(), "rubric");
        try (ClientProposalModel proposals = AlignSources.proposalModel(form.provider(), modelOf(form, text),
                form.settings(), form.proposals())) {
            return new AlignExperiment(workspace(), clock).onProgress(progress)
                    .run(request(form, text, Optional.ofNullable(proposals)));
        }
    }

    @Override
    public String diff(Experiment round) {
        Path file = new AlignStore(workspace().directory()).folder(round.id(), round.rubric())
                .resolve(round.rubric() + ".diff");
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "Cannot read " + file.getFileName() + ": " + e.getMessage();
        }
    }

    @Override
    public Path newVersion(Experiment round) {
        return workspace().directory().resolve(round.rubricFile());
    }

    private AlignRequest request(AlignForm form, String text, Optional<ProposalModel> proposals) {
        List<TypedEdits.Edit> typed = new ArrayList<>();
        for (Path edit : form.typedEdits()) {
            typed.add(new TypedEdits.Edit(edit.getFileName().toString(), read(edit, "typed edit")));
        }
        return new AlignRequest(text, form.rubric().getFileName().toString(), form.provider(), form.model(),
                form.settings(), OptionalLong.empty(), form.splitSeed(),
                AlignSources.of(form.fewShot(), form.proposals(), typed), proposals,
                AlignRequest.budget(form.maxCalls(), form.maxCost()), form.reuseTestSplit(),
                BootstrapConfig.defaults(1));
    }

    /** The form's model, or the rubric's {@code judge.model_id} when the form leaves it blank. */
    private static String modelOf(AlignForm form, String text) {
        if (!form.model().isBlank()) {
            return form.model();
        }
        try {
            return new RubricYaml().read(text, form.rubric().toString()).judge().modelId();
        } catch (RubricException e) {
            throw new AlignInputException("rubric", String.join("; ", e.lines()));
        }
    }

    private Workspace workspace() {
        Workspace ws = open.get();
        if (ws == null) {
            throw new AlignInputException("workspace", "no workspace is open");
        }
        return ws;
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AlignInputException("rubric", "cannot read the " + what + " " + file.getFileName() + ": "
                    + e.getMessage());
        }
    }
}
