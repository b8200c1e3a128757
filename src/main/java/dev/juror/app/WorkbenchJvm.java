package dev.juror.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the workbench's JVM must be started so that JavaFX runs as it is meant to: from the module
 * path, allowed to load its native code and (JDK 23+) to use off-heap memory. {@code mvn javafx:run}
 * and the installers start it that way; {@code java -jar juror.jar} cannot (a manifest can name
 * neither a module path nor these options), so the jar starts one child JVM with them.
 *
 * <p>Kept free of JavaFX types: it decides before the toolkit is touched.
 */
final class WorkbenchJvm {

    /** Set on the child JVM, so it never starts another. */
    static final String RELAUNCHED_PROPERTY = "juror.relaunched";

    private static final List<String> FX_MODULES = List.of("javafx.controls", "javafx.fxml");

    private WorkbenchJvm() {
    }

    /**
     * The command of the child JVM, or empty when this JVM can open the workbench itself: JavaFX is
     * already a named module, this is the child, or JavaFX's jars are not beside {@code jar} in
     * {@code lib/} (then the workbench starts here, as before).
     */
    static Optional<List<String>> relaunchCommand(Path jar, String javaExecutable, List<String> jvmArguments,
                                                  int javaFeatureVersion, boolean javaFxIsNamedModule,
                                                  boolean alreadyRelaunched, List<String> appArguments) {
        if (javaFxIsNamedModule || alreadyRelaunched || jar == null || !jar.toString().endsWith(".jar")) {
            return Optional.empty();
        }
        List<Path> fxJars = javaFxJars(jar.toAbsolutePath().getParent().resolve("lib"));
        if (fxJars.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        // An AOT cache belongs to one class path; the child's (JavaFX on the module path) is another,
        // so the child would only warn that it cannot use it (docs/cli.md, AOT cache).
        jvmArguments.stream().filter(argument -> !argument.startsWith("-XX:AOT")).forEach(command::add);
        command.add("--module-path");
        command.add(String.join(java.io.File.pathSeparator, fxJars.stream().map(Path::toString).toList()));
        command.add("--add-modules");
        command.add(String.join(",", FX_MODULES));
        command.add("--enable-native-access=javafx.graphics");
        if (javaFeatureVersion >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-D" + RELAUNCHED_PROPERTY + "=true");
        command.add("-cp");
        command.add(jar.toAbsolutePath().toString());
        command.add("dev.juror.Main");
        command.addAll(appArguments);
        return Optional.of(List.copyOf(command));
    }

    /** {@link #relaunchCommand} for this JVM. */
    static Optional<List<String>> relaunchCommandForThisJvm(String[] args) {
        if (System.getProperty("jpackage.app-path") != null) {
            return Optional.empty(); // an installed app: its launcher has no java command to start
        }
        return relaunchCommand(thisJar().orElse(null), javaExecutable(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.version().feature(),
                ModuleLayer.boot().findModule("javafx.graphics").isPresent(),
                Boolean.getBoolean(RELAUNCHED_PROPERTY), List.of(args));
    }

    private static List<Path> javaFxJars(Path lib) {
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().startsWith("javafx-")
                            && f.getFileName().toString().endsWith(".jar"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Path> thisJar() {
        try {
            var source = WorkbenchJvm.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (Exception e) { // an unusual class loader: start the workbench in this JVM
            return Optional.empty();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
