package dev.juror.workspace.align;

import dev.juror.align.CandidateSource;
import dev.juror.align.FewShotSource;
import dev.juror.align.ProposedEditSource;
import dev.juror.align.TypedEdits;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The candidate sources of a round, as {@code juror align} and the workbench's Align panel both choose
 * them: fixed few-shot examples from the train split (with the in-process embedding model), edits the
 * judge model proposes from the train split's disagreements, and the engineer's typed edits. A new
 * proposed-edit source per round: it keeps the rejections of its last run.
 */
public final class AlignSources {

    private AlignSources() {
    }

    public static List<CandidateSource> defaults(boolean fewShot, boolean proposals) {
        List<CandidateSource> sources = new ArrayList<>();
        if (fewShot) {
            sources.add(FewShotSource.withMiniLm());
        }
        if (proposals) {
            sources.add(new ProposedEditSource());
        }
        return sources;
    }

    /** The defaults plus the typed edits (a source even when empty, so the report names it). */
    public static List<CandidateSource> of(boolean fewShot, boolean proposals, List<TypedEdits.Edit> typed) {
        List<CandidateSource> sources = new ArrayList<>(defaults(fewShot, proposals));
        sources.add(new TypedEdits(typed));
        return sources;
    }

    /**
     * The judge model asked for proposed edits when the provider calls one (bedrock, openai) and
     * proposals are on; otherwise null (replay and heuristic judges propose nothing).
     *
     * @param modelId the model, already resolved (the form's or the rubric's {@code judge.model_id})
     */
    public static ClientProposalModel proposalModel(String provider, String modelId, JudgeSettings settings,
                                                    boolean proposals) {
        String p = JudgeFactory.normalise(provider);
        if (!JudgeFactory.isLive(p) || !proposals) {
            return null;
        }
        return new ClientProposalModel(p, JudgeFactory.model(p, modelId, modelId), settings);
    }
}
