package dev.juror.cli;

import dev.juror.judge.BedrockWarmUp;
import java.util.List;

/**
 * Starts loading what a command will need on a second thread, before the command line is even
 * parsed. Today one case: {@code juror judge} on Amazon Bedrock ({@code --provider bedrock}, or
 * {@code --resume}, whose stored run is most likely a Bedrock one) loads the AWS SDK's request path
 * (see {@link BedrockWarmUp}) while the main thread opens the workspace and prepares the run, so the
 * first Converse request leaves about a second sooner on a two-core machine. Any other command
 * starts nothing: a warm-up it does not need would only take a core from it.
 */
public final class StartupWarmUp {

    private StartupWarmUp() {
    }

    /** Called by the process's entry point with the command line as given. */
    public static void startFor(String... args) {
        if (judgesOnBedrock(List.of(args))) {
            BedrockWarmUp.startInBackground();
        }
    }

    /** {@code judge ...} with {@code --provider bedrock} or {@code --resume}, and no help or version request. */
    static boolean judgesOnBedrock(List<String> args) {
        if (args.isEmpty() || !args.getFirst().equals("judge")
                || args.stream().anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V"))) {
            return false;
        }
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--resume") || arg.startsWith("--resume=") || arg.equals("--provider=bedrock")
                    || arg.equals("--provider") && i + 1 < args.size() && args.get(i + 1).equals("bedrock")) {
                return true;
            }
        }
        return false;
    }
}
