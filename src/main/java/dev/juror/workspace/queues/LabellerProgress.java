package dev.juror.workspace.queues;

/**
 * How far one labeller is through a queue: a rollout counts as done once they have labelled each of
 * its comments (or its whole response).
 */
public record LabellerProgress(String labeller, int done, int assigned) {

    /** "Ann 12/40". */
    @Override
    public String toString() {
        return labeller + " " + done + "/" + assigned;
    }
}
