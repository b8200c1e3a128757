package dev.juror.cli;

import dev.juror.calibration.stats.BootstrapConfig;
import picocli.CommandLine.Option;

/**
 * The bootstrap options of the commands that calibrate ({@code calibrate}, {@code verdict}):
 * {@code @Mixin BootstrapOptions bootstrap;} and call {@link #config()}.
 */
public final class BootstrapOptions {

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "2000", description = "Bootstrap resamples, 1 to 100,000 (default 2000).")
    int resamples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Bootstrap seed (default 1).")
    long seed;

    /** The configuration; a bad value is a usage error naming the option. */
    public BootstrapConfig config() {
        if (resamples < 1 || resamples > BootstrapConfig.MAX_RESAMPLES) {
            throw new UserInputException(BootstrapConfig.resamplesProblem("--resamples", resamples));
        }
        return BootstrapConfig.defaults(seed).withResamples(resamples);
    }
}
