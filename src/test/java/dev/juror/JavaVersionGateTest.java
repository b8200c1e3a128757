package dev.juror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code java -jar juror.jar} on a Java older than 21 says what to install, in one sentence, exit 2. */
class JavaVersionGateTest {

    @Test
    void javaVersionsAreReadFromBothNumberingSchemes() {
        assertThat(JavaVersionGate.feature("1.8")).isEqualTo(8);
        assertThat(JavaVersionGate.feature("17")).isEqualTo(17);
        assertThat(JavaVersionGate.feature("25")).isEqualTo(25);
        assertThat(JavaVersionGate.feature("22-ea")).isEqualTo(22);
        assertThat(JavaVersionGate.feature(null)).isZero();
    }

    @Test
    void onlyJavaOlderThan21IsRefusedAndTheSentenceSaysWhatToInstall() {
        assertThat(JavaVersionGate.refusal("21", "/jdk")).isNull();
        assertThat(JavaVersionGate.refusal("25", "/jdk")).isNull();
        assertThat(JavaVersionGate.refusal("17", "/usr/lib/jvm/java-17"))
                .startsWith("Juror needs Java 21 or newer, and this is Java 17 (/usr/lib/jvm/java-17).")
                .contains("Install a JDK or JRE 21+").doesNotContain("\n");
    }

    @Test
    void theGateClassLoadsOnJava8AndAnOldJavaGetsTheSentence() throws Exception {
        byte[] gate = Files.readAllBytes(Path.of("target/classes/dev/juror/JavaVersionGate.class"));
        int major = ((gate[6] & 0xff) << 8) | (gate[7] & 0xff);
        assertThat(major).as("class file major version of the gate").isEqualTo(52);

        java.util.Optional<Path> oldJava = olderJavaBesideThisOne();
        Assumptions.assumeTrue(oldJava.isPresent(), "a Java older than 21 installed beside this one");
        Process process = new ProcessBuilder(oldJava.get().toString(), "-cp", "target/classes",
                "dev.juror.JavaVersionGate", "--version").redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(said).isEqualTo(2);
        assertThat(said).startsWith("Juror needs Java 21 or newer, and this is Java ").doesNotContain("Exception");
    }

    /** A JDK or JRE older than 21 in the folder that holds this JDK (where OS packages put them side by side). */
    private static java.util.Optional<Path> olderJavaBesideThisOne() throws java.io.IOException {
        Path jvms = Path.of(System.getProperty("java.home")).toRealPath().getParent();
        try (java.util.stream.Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> releaseFeature(home) > 0 && releaseFeature(home) < JavaVersionGate.REQUIRED)
                    .map(home -> home.resolve("bin/java")).findFirst();
        }
    }

    private static int releaseFeature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return JavaVersionGate.feature(line.substring("JAVA_VERSION=".length()).replace("\"", ""));
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }
}
