package dev.juror.export;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the reward Lambda's jar set that the build puts beside the workbench jar
 * ({@code lib/lambda/*.jar} next to {@code juror.jar}; {@code target/lib/lambda} when running from
 * {@code target/classes}; {@code ../lambda} in an installed app). System property {@code juror.lambda.lib} names another folder.
 */
public final class LambdaJars {

    public static final String PROPERTY = "juror.lambda.lib";
    public static final String ENGINE_JAR = "juror-lambda.jar";

    private LambdaJars() {
    }

    public static Path locate() throws IOException {
        String override = System.getProperty(PROPERTY);
        Path dir;
        if (override != null && !override.isBlank()) {
            dir = Path.of(override);
        } else {
            Path codeSource;
            try {
                codeSource = Path.of(LambdaJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | RuntimeException e) {
                throw new IOException("cannot tell where Juror is installed: " + e.getMessage(), e);
            }
            dir = besideTheJar(codeSource);
        }
        if (!Files.isRegularFile(dir.resolve(ENGINE_JAR))) {
            throw new IOException("the reward Lambda's jars are missing: no " + ENGINE_JAR + " in " + dir
                    + "; this Juror installation is incomplete (build it with mvn package, or set -D" + PROPERTY + ")");
        }
        return dir;
    }

    /**
     * {@code lib/lambda} beside the jar (a build, {@code target/}), else {@code ../lambda} (an
     * installed app: jpackage puts the set there as app content, off the app's class path).
     */
    static Path besideTheJar(Path codeSource) {
        Path build = codeSource.getParent().resolve("lib").resolve("lambda");
        Path installed = codeSource.getParent().resolveSibling("lambda");
        return !Files.isDirectory(build) && Files.isDirectory(installed) ? installed : build;
    }

    public static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
