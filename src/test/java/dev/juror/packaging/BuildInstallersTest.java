package dev.juror.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code packaging/BuildInstallers.java}, the step of {@code mvn -Ppackage package} that runs
 * jpackage once per installer type. Each test runs it in a JVM of its own with a PATH of fake tool
 * scripts in a temporary folder, so the test decides which packaging tools "are installed"; the
 * fake jpackage is a script too. One test starts it from its source file exactly as the pom does
 * (the JDK's {@code java} in source-launch mode); the others use a copy compiled once, for speed.
 */
class BuildInstallersTest {

    private static final Path HELPER = Path.of("packaging/BuildInstallers.java");

    /** The helper compiled once for the class, so each run starts a JVM but compiles nothing. */
    @TempDir
    static Path compiled;

    @TempDir
    Path temp;
    private Path bin;
    private Path dest;

    @BeforeAll
    static void compileHelper() {
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", compiled.toString(), HELPER.toString());
        assertThat(status).as("javac " + HELPER).isZero();
    }

    @BeforeEach
    void fakeToolFolder() throws IOException {
        // The fake tools are shell scripts; Windows would need .cmd files and a PATHEXT.
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "fake tools are POSIX shell scripts");
        bin = Files.createDirectory(temp.resolve("bin"));
        dest = Files.createDirectory(temp.resolve("installer"));
    }

    @Test
    void withDebToolsButNoRpmbuildTheDebIsPlannedAndTheRpmSkippedWithItsReason() throws Exception {
        fakeTools("dpkg-deb", "dpkg", "fakeroot");

        Run run = helper("--dry-run", "--os", "linux", "--types", "deb,rpm", "--jpackage", "jpackage",
                "--", "--app-version", "0.1.0", "--dest", dest.toString());

        assertThat(run.status).as(run.output).isZero();
        assertThat(run.output)
                .contains("rpm skipped: rpmbuild not found on PATH; install the package `rpm` to build it")
                .contains("would run: jpackage @packaging/jpackage.args @packaging/linux/jpackage.args"
                        + " @packaging/linux/deb.args --type deb --app-version 0.1.0 --dest")
                .doesNotContain("--type rpm")
                .contains("would build deb; skipped rpm");
    }

    @Test
    void withEveryToolBothTypesArePlannedAndItRunsInSourceLaunchModeAsMavenRunsIt() throws Exception {
        fakeTools("dpkg-deb", "dpkg", "fakeroot", "rpmbuild");

        Run run = sourceLaunched("--dry-run", "--os", "linux", "--types", "deb,rpm", "--jpackage", "jpackage");

        assertThat(run.status).as(run.output).isZero();
        assertThat(run.output).contains("@packaging/linux/deb.args --type deb")
                .contains("@packaging/linux/rpm.args --type rpm").doesNotContain("skipped");
    }

    @Test
    void aMissingFakerootAloneSkipsTheDebAndSaysWhichPackageToInstall() throws Exception {
        fakeTools("dpkg-deb", "dpkg", "rpmbuild");

        Run run = helper("--dry-run", "--os", "linux", "--types", "deb,rpm", "--jpackage", "jpackage");

        assertThat(run.status).as(run.output).isZero();
        assertThat(run.output).contains("deb skipped: fakeroot not found on PATH; install the package `fakeroot`")
                .contains("--type rpm");
    }

    @Test
    void withNoPackagingToolsAtAllItFailsWithOneSentenceNamingWhatToInstall() throws Exception {
        Run run = helper("--dry-run", "--os", "linux", "--types", "deb,rpm", "--jpackage", "jpackage");

        assertThat(run.status).as(run.output).isEqualTo(1);
        assertThat(run.output).doesNotContain("would run")
                .contains("installers: no installer could be built on this machine (deb needs dpkg-deb, dpkg and"
                        + " fakeroot; rpm needs rpmbuild): install the packages `dpkg` and `fakeroot` or the"
                        + " package `rpm`")
                .doesNotContain("Exception");
    }

    @Test
    void eachBuildableTypeRunsJpackageWithThePomsArgumentsAndTheBuiltFileIsNamed() throws Exception {
        fakeTools("dpkg-deb", "dpkg", "fakeroot");
        Path calls = temp.resolve("jpackage-calls.txt");
        Path jpackage = script("jpackage", "printf '%s\\n' \"$@\" >> '" + calls + "'\n"
                + "echo -- >> '" + calls + "'\n"
                + ": > '" + dest.resolve("juror_0.1.0_amd64.deb") + "'\n");

        Run run = helper("--os", "linux", "--types", "deb,rpm", "--jpackage", jpackage.toString(),
                "--", "--app-version", "0.1.0", "--java-options", "--sun-misc-unsafe-memory-access=allow",
                "--dest", dest.toString());

        assertThat(run.status).as(run.output).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("@packaging/jpackage.args",
                "@packaging/linux/jpackage.args", "@packaging/linux/deb.args", "--type", "deb",
                "--app-version", "0.1.0", "--java-options", "--sun-misc-unsafe-memory-access=allow",
                "--dest", dest.toString(), "--");
        assertThat(run.output).contains("deb built: ").contains("juror_0.1.0_amd64.deb")
                .contains("rpm skipped: rpmbuild not found on PATH").contains("built deb; skipped rpm");
    }

    @Test
    void aJpackageThatFailsFailsTheBuildAndStopsThere() throws Exception {
        fakeTools("dpkg-deb", "dpkg", "fakeroot", "rpmbuild");
        Path calls = temp.resolve("jpackage-calls.txt");
        Path jpackage = script("jpackage", "echo \"$@\" >> '" + calls + "'\necho 'jpackage: it broke' >&2\nexit 3\n");

        Run run = helper("--os", "linux", "--types", "deb,rpm", "--jpackage", jpackage.toString());

        assertThat(run.status).as(run.output).isEqualTo(1);
        assertThat(run.output).contains("jpackage: it broke")
                .contains("installers: jpackage --type deb failed with exit status 3");
        assertThat(Files.readAllLines(calls)).hasSize(1);
    }

    @Test
    void installerTypesNarrowsTheList() throws Exception {
        fakeTools("dpkg-deb", "dpkg", "fakeroot", "rpmbuild");

        Run run = helper("--dry-run", "--os", "linux", "--types", "deb", "--jpackage", "jpackage");

        assertThat(run.status).as(run.output).isZero();
        assertThat(run.output).contains("--type deb").doesNotContain("rpm");
    }

    @Test
    void theOldSecondSkipSwitchStillBuildsTheFirstTypeOnlyAndSaysSo() throws Exception {
        fakeTools("dpkg-deb", "dpkg", "fakeroot", "rpmbuild");

        Run run = helper("--dry-run", "--os", "linux", "--types", "deb,rpm", "--first-type-only", "true",
                "--jpackage", "jpackage");

        assertThat(run.status).as(run.output).isZero();
        assertThat(run.output).contains("--type deb").doesNotContain("--type rpm")
                .contains("rpm skipped: -Dinstaller.second.skip=true builds the first type");
    }

    @Test
    void strictFailsWhenAnyTypeIsSkipped() throws Exception {
        fakeTools("dpkg-deb", "dpkg", "fakeroot");

        Run run = helper("--dry-run", "--os", "linux", "--types", "deb,rpm", "--strict", "true",
                "--jpackage", "jpackage");

        assertThat(run.status).as(run.output).isEqualTo(1);
        assertThat(run.output).doesNotContain("would run")
                .contains("installer.strict is true and rpm could not be built: install the package `rpm`");
    }

    @Test
    void aTypeOfAnotherOsIsBadInputWithExit2() throws Exception {
        fakeTools("dpkg-deb", "dpkg", "fakeroot");

        Run run = helper("--dry-run", "--os", "linux", "--types", "deb,msi", "--jpackage", "jpackage");

        assertThat(run.status).as(run.output).isEqualTo(2);
        assertThat(run.output.strip()).isEqualTo("installers: installer.types names `msi`, which jpackage does"
                + " not build on linux; the types of linux are deb, rpm.");
    }

    @Test
    void theOtherOssCheckTheirOwnTools() throws Exception {
        Run msi = helper("--dry-run", "--os", "windows", "--types", "msi", "--jpackage", "jpackage");
        assertThat(msi.status).as(msi.output).isEqualTo(1);
        assertThat(msi.output).contains("msi skipped: WiX Toolset not found");

        fakeTools("candle", "light");
        msi = helper("--dry-run", "--os", "windows", "--types", "msi", "--jpackage", "jpackage");
        assertThat(msi.status).as(msi.output).isZero();
        assertThat(msi.output).contains("@packaging/windows/msi.args --type msi");
    }

    private void fakeTools(String... names) throws IOException {
        for (String name : names) {
            script(name, "exit 0\n");
        }
    }

    private Path script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Runs the helper from the project folder, as the pom does, with PATH = the fake tool folder only. */
    private Run helper(String... args) throws Exception {
        return run(List.of("-XX:TieredStopAtLevel=1", "-cp", compiled.toString(), "BuildInstallers"), args);
    }

    /** As {@link #helper}, but from its source file, exactly as the pom starts it. */
    private Run sourceLaunched(String... args) throws Exception {
        return run(List.of(HELPER.toString()), args);
    }

    private Run run(List<String> javaArgs, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Run(int status, String output) {
    }
}
