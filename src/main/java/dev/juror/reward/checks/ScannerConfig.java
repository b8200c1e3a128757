package dev.juror.reward.checks;

import java.util.List;

/**
 * Settings of the {@link InjectionScanner}.
 *
 * @param extraDelimiters  literal strings the judge prompt uses as block markers (e.g. the rubric's
 *                         {@code </TargetDocument>}); any occurrence is a delimiter breakout
 * @param extraVerdictKeys judge-output keys of the rubric (e.g. dimension names); {@code "key":}
 *                         inside a prediction is a forged verdict
 * @param maxFindingsPerRule findings kept per rule (counts in the metrics stay exact)
 * @param maxDecodeDepth   how many layers of base64/hex/tag encoding are unwrapped
 * @param maxDecodedChars  total decoded characters per scan (bounds the work on hostile input)
 */
public record ScannerConfig(List<String> extraDelimiters, List<String> extraVerdictKeys, int maxFindingsPerRule,
                            int maxDecodeDepth, int maxDecodedChars) {

    public ScannerConfig {
        extraDelimiters = List.copyOf(extraDelimiters);
        extraVerdictKeys = List.copyOf(extraVerdictKeys);
        for (String d : extraDelimiters) {
            if (d.isBlank()) {
                throw new IllegalArgumentException("extraDelimiters must not contain a blank string");
            }
        }
        for (String k : extraVerdictKeys) {
            if (k.isBlank()) {
                throw new IllegalArgumentException("extraVerdictKeys must not contain a blank string");
            }
        }
        if (maxFindingsPerRule < 1) {
            throw new IllegalArgumentException("maxFindingsPerRule must be >= 1, was " + maxFindingsPerRule);
        }
        if (maxDecodeDepth < 0 || maxDecodeDepth > 4) {
            throw new IllegalArgumentException("maxDecodeDepth must be within 0..4, was " + maxDecodeDepth);
        }
        if (maxDecodedChars < 0) {
            throw new IllegalArgumentException("maxDecodedChars must be >= 0, was " + maxDecodedChars);
        }
    }

    /** No extra delimiters or keys, 20 findings per rule, 2 decode layers, 64 K decoded characters. */
    public static ScannerConfig defaults() {
        return new ScannerConfig(List.of(), List.of(), 20, 2, 65_536);
    }

    public ScannerConfig withExtraDelimiters(List<String> delimiters) {
        return new ScannerConfig(delimiters, extraVerdictKeys, maxFindingsPerRule, maxDecodeDepth, maxDecodedChars);
    }

    public ScannerConfig withExtraVerdictKeys(List<String> keys) {
        return new ScannerConfig(extraDelimiters, keys, maxFindingsPerRule, maxDecodeDepth, maxDecodedChars);
    }
}
