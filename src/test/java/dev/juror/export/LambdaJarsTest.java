package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the reward Lambda's jar set is found: beside the jar in a build, as app content when installed. */
class LambdaJarsTest {

    @TempDir
    Path folder;

    @Test
    void aBuildKeepsTheSetInLibLambdaBesideTheJar() throws Exception {
        Path build = Files.createDirectories(folder.resolve("target/lib/lambda"));
        assertThat(LambdaJars.besideTheJar(folder.resolve("target/juror.jar"))).isEqualTo(build);
        assertThat(LambdaJars.besideTheJar(folder.resolve("target/classes"))).isEqualTo(build);
    }

    @Test
    void anInstalledAppHasItOutsideTheClassPathFolder() throws Exception {
        // jpackage: <app>/lib/app/juror.jar and the app content <app>/lib/lambda (Contents/app and
        // Contents/lambda on macOS, app\\ and lambda\\ on Windows).
        Files.createDirectories(folder.resolve("opt/juror/lib/app"));
        Path installed = Files.createDirectories(folder.resolve("opt/juror/lib/lambda"));
        assertThat(LambdaJars.besideTheJar(folder.resolve("opt/juror/lib/app/juror.jar"))).isEqualTo(installed);
    }
}
