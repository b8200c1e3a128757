package dev.juror.architecture;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The ArchUnit rule classes, run together: each checks the whole code base, whose import takes
 * seconds, and {@link dev.juror.testing.MainClasses} shares one import per test JVM. Run one by
 * one (the pom excludes them from the default run), each test JVM that met one would import it again.
 */
@Suite
@SelectClasses(value = {DependencyRulesTest.class, FileWriteRulesTest.class, StoreRulesTest.class,
        CliRulesTest.class},
        names = "dev.juror.app.AppArchitectureTest")
class ArchitectureTest {
}
