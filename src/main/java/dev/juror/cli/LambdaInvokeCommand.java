package dev.juror.cli;

import dev.juror.export.LocalLambdaInvoker;
import dev.juror.io.InputFileException;
import dev.juror.io.InputFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code juror lambda invoke}: loads the package's jars in an isolated class loader and calls the
 * handler as the Lambda runtime would; prints the handler's output exactly (stdout), timings on
 * stderr with {@code --timings}.
 */
@Command(name = "invoke",
        mixinStandardHelpOptions = true,
        description = "Call the reward handler of a reward-lambda.zip with an event file, as the Lambda runtime "
                + "would, and print its output exactly.")
public final class LambdaInvokeCommand implements Callable<Integer> {

    /** Lambda's own limit on a synchronous request payload: a bigger event would never reach the function. */
    static final long MAX_EVENT_BYTES = 6 * InputFiles.MB;
    private static final InputFiles.ReadLimit EVENT_LIMIT = new InputFiles.ReadLimit(MAX_EVENT_BYTES,
            "Lambda refuses a request payload above 6 MB, so send fewer samples per event");

    @Spec
    CommandSpec spec;

    @Option(names = "--package", required = true, paramLabel = "ZIP", description = "reward-lambda.zip")
    Path zip;

    @Option(names = "--event", required = true, paramLabel = "FILE", description = "the event (JSON)")
    Path event;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Bedrock Runtime endpoint, as AWS_ENDPOINT_URL_BEDROCK_RUNTIME would set it "
                    + "(e.g. a local Converse server)")
    URI endpoint;

    @Option(names = "--region", paramLabel = "R", description = "AWS Region, as AWS_REGION would set it")
    String region;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "the Lambda timeout the handler sees (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--timings", description = "print init and invoke times on stderr")
    boolean timings;

    @Override
    public Integer call() {
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new UserInputException("--timeout must be 1..900 seconds, was " + timeoutSeconds);
        }
        byte[] bytes;
        try {
            InputFiles.checkRegular(zip, LocalLambdaInvoker.PACKAGE_LIMIT, "--package " + zip);
            bytes = InputFiles.readBytes(event, EVENT_LIMIT, "--event " + event);
        } catch (InputFileException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        LocalLambdaInvoker.Invocation result;
        try {
            result = LocalLambdaInvoker.invoke(zip, bytes, Optional.ofNullable(endpoint), Optional.ofNullable(region),
                    Duration.ofSeconds(timeoutSeconds));
        } catch (IOException e) {
            throw new UserInputException(zip + ": " + e.getMessage(), e);
        }
        // The handler's output exactly (UTF-8 JSON), without a trailing newline added.
        spec.commandLine().getOut().print(new String(result.output(), StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        if (timings) {
            spec.commandLine().getErr().println("init " + result.init().toMillis() + " ms, invoke "
                    + result.invoke().toMillis() + " ms");
            result.log().forEach(line -> spec.commandLine().getErr().print(line));
            spec.commandLine().getErr().flush();
        }
        return CliRunner.OK;
    }
}
