package dev.juror.align;

/**
 * The configured judge model asked for a free-text answer (a proposed rubric edit): built by the use
 * case from the same judge factory as every judge call, so provider, region, profile, limiter and
 * retries are the judge's. Tests pass a scripted one.
 */
@FunctionalInterface
public interface ProposalModel {

    /** One call: the system and user turns; returns the model's text. Throws on a failed call. */
    String ask(String system, String user);
}
