package dev.juror.testing;

/**
 * How far the exhaustive sweeps go. The default run ({@code mvn verify}) samples them so the
 * build stays quick on a two-core machine; {@code -Djuror.tests.deep=true} (what CI adds) runs
 * them in full. Every sampled sweep still covers every pattern and every corpus item.
 */
public final class TestDepth {

    private TestDepth() {
    }

    public static boolean deep() {
        return Boolean.getBoolean("juror.tests.deep");
    }

    /** Every {@code n}-th case in the default run, every case in a deep run. */
    public static int stride(int n) {
        return deep() ? 1 : n;
    }
}
