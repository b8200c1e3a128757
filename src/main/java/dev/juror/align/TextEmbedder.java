package dev.juror.align;

import java.util.List;

/**
 * Turns texts into vectors whose cosine similarity says how alike they are. The few-shot source uses it
 * to pick train examples that resemble the judge's mistakes; {@link MiniLmEmbedder} runs a small model
 * in-process, tests pass a cheap deterministic one.
 */
@FunctionalInterface
public interface TextEmbedder {

    /** One vector per text, in order; all of one length. */
    List<float[]> embed(List<String> texts);

    /** Cosine similarity in [-1, 1]; 0 when either vector is all zeros. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
