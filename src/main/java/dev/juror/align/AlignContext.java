package dev.juror.align;

import java.util.List;
import java.util.Optional;

/**
 * What a candidate source may use: the baseline rubric (text), the train split only (never validation
 * or test items), a seed for anything random, and the model for proposed edits when one is configured.
 *
 * @param baselineYaml  the rubric being aligned, as its file text
 * @param train         the train split's labelled items
 * @param seed          the experiment's seed
 * @param model         the configured judge model, for proposals; empty when proposals are off
 */
public record AlignContext(String baselineYaml, List<TrainExample> train, long seed, Optional<ProposalModel> model) {

    public AlignContext {
        train = List.copyOf(train);
    }
}
