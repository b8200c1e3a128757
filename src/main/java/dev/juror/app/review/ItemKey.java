package dev.juror.app.review;

/** What one label submit is about: a comment of a rollout, or the whole response (position -1). */
public record ItemKey(long rolloutId, int position) {

    public static final int RESPONSE = -1;
}
