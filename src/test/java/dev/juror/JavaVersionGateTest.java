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

        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        Assumptions.assumeTrue(Files.isExecutable(java17), "a Java 17 to try the gate with");
        Process process = new ProcessBuilder(java17.toString(), "-cp", "target/classes", "dev.juror.JavaVersionGate",
                "--version").redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(said).isEqualTo(2);
        assertThat(said).startsWith("Juror needs Java 21 or newer, and this is Java 17").doesNotContain("Exception");
    }
}
