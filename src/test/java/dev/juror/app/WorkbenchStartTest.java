package dev.juror.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.testing.ChildJava;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the workbench starts: the child JVM of {@code java -jar}, and one sentence when no window can open. */
class WorkbenchStartTest {

    @TempDir
    Path folder;

    @Test
    void theJarStartsAChildJvmWithJavaFxOnTheModulePathAndItsOptions() throws IOException {
        Path jar = folder.resolve("juror.jar");
        Files.createFile(jar);
        Path lib = Files.createDirectories(folder.resolve("lib"));
        Files.createFile(lib.resolve("javafx-graphics-21.0.11-linux.jar"));
        Files.createFile(lib.resolve("javafx-base-21.0.11-linux.jar"));
        Files.createFile(lib.resolve("h2-2.3.232.jar"));

        List<String> command = WorkbenchJvm.relaunchCommand(jar, "java", List.of("-Xmx1g",
                "-XX:AOTCache=/home/a/.juror/juror.aot"), 25, false, false, List.of("--workspace", "w")).orElseThrow();

        String modulePath = command.get(command.indexOf("--module-path") + 1);
        assertThat(modulePath.split(File.pathSeparator)).containsExactly(
                lib.resolve("javafx-base-21.0.11-linux.jar").toString(),
                lib.resolve("javafx-graphics-21.0.11-linux.jar").toString());
        assertThat(command).startsWith("java", "-Xmx1g")
                .contains("--enable-native-access=javafx.graphics", "--sun-misc-unsafe-memory-access=allow",
                        "-D" + WorkbenchJvm.RELAUNCHED_PROPERTY + "=true")
                .endsWith("-cp", jar.toAbsolutePath().toString(), "dev.juror.Main", "--workspace", "w");
        assertThat(command.get(command.indexOf("--add-modules") + 1)).isEqualTo("javafx.controls,javafx.fxml");
        assertThat(command).as("a command-line AOT cache does not fit the child's class path")
                .noneMatch(argument -> argument.startsWith("-XX:AOT"));
    }

    @Test
    void theUnsafeMemoryOptionIsOnlyGivenToJdksThatKnowIt() throws IOException {
        Path jar = folder.resolve("juror.jar");
        Files.createFile(jar);
        Files.createFile(Files.createDirectories(folder.resolve("lib")).resolve("javafx-base-21.0.11-linux.jar"));
        assertThat(WorkbenchJvm.relaunchCommand(jar, "java", List.of(), 21, false, false, List.of()).orElseThrow())
                .doesNotContain("--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    void noChildWhenJavaFxIsAlreadyAModuleWhenThisIsTheChildOrWithoutItsJars() throws IOException {
        Path jar = folder.resolve("juror.jar");
        Files.createFile(jar);
        assertThat(WorkbenchJvm.relaunchCommand(jar, "java", List.of(), 25, false, false, List.of())).isEmpty();
        Files.createFile(Files.createDirectories(folder.resolve("lib")).resolve("javafx-base-21.0.11-linux.jar"));
        assertThat(WorkbenchJvm.relaunchCommand(jar, "java", List.of(), 25, true, false, List.of())).isEmpty();
        assertThat(WorkbenchJvm.relaunchCommand(jar, "java", List.of(), 25, false, true, List.of())).isEmpty();
        assertThat(WorkbenchJvm.relaunchCommand(folder.resolve("classes"), "java", List.of(), 25, false, false,
                List.of())).isEmpty();
    }

    @Test
    void linuxWithoutADisplayIsSaidBeforeJavaFxStarts() {
        assertThat(DisplayProblem.beforeStart("Linux", Map.of(), null)).contains(DisplayProblem.NO_DISPLAY);
        assertThat(DisplayProblem.beforeStart("Linux", Map.of("DISPLAY", ":0"), null)).isEmpty();
        assertThat(DisplayProblem.beforeStart("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isEmpty();
        assertThat(DisplayProblem.beforeStart("Linux", Map.of(), "Monocle")).isEmpty();
        assertThat(DisplayProblem.beforeStart("Mac OS X", Map.of(), null)).isEmpty();
        assertThat(DisplayProblem.beforeStart("Windows 11", Map.of(), null)).isEmpty();
    }

    @Test
    void javaFxStartFailuresBecomeOneSentence() {
        assertThat(DisplayProblem.of(new UnsupportedOperationException("Unable to open DISPLAY")))
                .isEqualTo(DisplayProblem.NO_DISPLAY);
        assertThat(DisplayProblem.of(new RuntimeException("x",
                new UnsupportedOperationException("Unable to load glass GTK library."))))
                .isEqualTo(DisplayProblem.NO_GTK);
        assertThat(DisplayProblem.of(new IllegalStateException("Toolkit not found")))
                .startsWith("The workbench could not open its window: Toolkit not found.");
    }

    @Test
    void withoutADisplayTheWorkbenchSaysSoInOneLineAndExitsWithTwo() throws Exception {
        Result result = startWorkbench(Map.of());
        assertThat(result.exit).isEqualTo(2);
        assertThat(result.stderr.strip()).isEqualTo(DisplayProblem.NO_DISPLAY);
        assertThat(result.stdout).isEmpty();
    }

    @Test
    void aDisplayThatCannotBeOpenedIsOneSentenceNotAStackTrace() throws Exception {
        // JavaFX itself fails here: no X server answers on that display (or GTK 3 is missing).
        Result result = startWorkbench(Map.of("DISPLAY", unusedDisplay()));
        assertThat(result.exit).isEqualTo(2);
        assertThat(result.stderr).doesNotContain("\tat ").doesNotContain("Exception");
        List<String> lines = result.stderr.strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isIn(DisplayProblem.NO_DISPLAY, DisplayProblem.NO_GTK);
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    /** A display number no X server on this machine uses (no socket, no lock file). */
    private static String unusedDisplay() {
        for (int n = 4242; ; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return ":" + n;
            }
        }
    }

    private Result startWorkbench(Map<String, String> display) throws Exception {
        // Its own settings file: should a display work after all, the user's settings stay untouched.
        List<String> command = new ArrayList<>(ChildJava.command(List.of("-Djava.util.logging.config.file=none",
                "-Djuror.settings=" + folder.resolve("settings.json")),
                "dev.juror.Main", "--workspace", folder.resolve("ws").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(display);
        builder.redirectOutput(folder.resolve("out.txt").toFile());
        builder.redirectError(folder.resolve("err.txt").toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the workbench start did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(folder.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
