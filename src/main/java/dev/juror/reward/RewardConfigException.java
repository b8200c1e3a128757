package dev.juror.reward;

/** A reward configuration that cannot be used; the message names the setting and what to do. */
public final class RewardConfigException extends RuntimeException {

    public RewardConfigException(String message) {
        super(message);
    }
}
