package dev.juror.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Juror's main classes as ArchUnit sees them, imported once per test JVM: an import of the whole
 * code base takes seconds, and three rule classes check it. {@link JavaClasses} is immutable, so
 * sharing it between test classes is safe.
 */
public final class MainClasses {

    private MainClasses() {
    }

    /** Every class under {@code dev.juror} in src/main (no test classes). */
    public static JavaClasses all() {
        return Holder.ALL;
    }

    private static final class Holder {
        static final JavaClasses ALL = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.juror");
    }
}
