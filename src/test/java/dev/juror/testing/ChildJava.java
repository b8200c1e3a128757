package dev.juror.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a second JVM on the test class path (a CLI run to kill, a process that
 * holds a workspace). The JIT and GC options are the test forks' own (see the surefire argLine):
 * these children live for seconds, where C2 compilation and G1's threads cost more CPU than they
 * save on this two-core build machine.
 */
public final class ChildJava {

    /** JVM options every test JVM runs with; keep in step with the surefire argLine in pom.xml. */
    public static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ChildJava() {
    }

    /** {@code java <short-lived options> <options> -cp <test class path> <main and arguments>}. */
    public static List<String> command(List<String> options, String... mainAndArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SHORT_LIVED_JVM);
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(mainAndArguments));
        return command;
    }

    /** {@link #command(List, String...)} without further options. */
    public static List<String> command(String... mainAndArguments) {
        return command(List.of(), mainAndArguments);
    }
}
