package dev.juror.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.juror.testing.MainClasses;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Formatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every file Juror writes goes through {@code dev.juror.io.AtomicFiles} (a temporary sibling and a
 * move), so a crash never leaves half a file. The rule names the JDK and Jackson calls that open a
 * file for writing; reading, renaming and writing to streams that are not files stay allowed. H2
 * writes its database itself and is not Juror code, so the rule does not see it.
 */
class FileWriteRulesTest {

    /** {@code Files} methods that write a file's content (copy only when its target is a path). */
    private static final Set<String> FILES_WRITERS = Set.of("write", "writeString", "newBufferedWriter",
            "newOutputStream", "newByteChannel");

    private static final DescribedPredicate<JavaCall<?>> WRITES_A_FILE = DescribedPredicate.describe(
            "open a file for writing", FileWriteRulesTest::writesAFile);

    static final ArchRule fileWritesGoThroughAtomicFiles = noClasses()
            .that().resideOutsideOfPackage("dev.juror.io..")
            .should().callCodeUnitWhere(WRITES_A_FILE)
            .because("a file written in place is half a file after a crash; write through dev.juror.io.AtomicFiles "
                    + "(writeBytes takes a callback for content written piece by piece, stage() for a file "
                    + "published later)");

    private static boolean writesAFile(JavaCall<?> call) {
        JavaClass owner = call.getTargetOwner();
        String name = call.getName();
        List<JavaClass> params = call.getTarget().getRawParameterTypes();
        boolean constructor = name.equals("<init>");
        if (owner.isEquivalentTo(Files.class)) {
            return FILES_WRITERS.contains(name)
                    || name.equals("copy") && params.size() >= 2 && params.get(1).isEquivalentTo(Path.class);
        }
        if (owner.isEquivalentTo(FileChannel.class)) {
            return name.equals("open");
        }
        if (constructor && (owner.isEquivalentTo(FileOutputStream.class) || owner.isEquivalentTo(FileWriter.class)
                || owner.isEquivalentTo(RandomAccessFile.class))) {
            return true;
        }
        if (constructor && (owner.isEquivalentTo(PrintWriter.class) || owner.isEquivalentTo(PrintStream.class)
                || owner.isEquivalentTo(Formatter.class))) {
            // PrintWriter(String fileName), PrintWriter(File), ...; PrintWriter(Writer) and (OutputStream) are fine.
            return !params.isEmpty() && (params.get(0).isEquivalentTo(String.class) || params.get(0).isEquivalentTo(File.class));
        }
        if (name.equals("writeValue") && (owner.isAssignableTo(ObjectMapper.class) || owner.isAssignableTo(ObjectWriter.class))) {
            return !params.isEmpty() && (params.get(0).isEquivalentTo(File.class) || params.get(0).isEquivalentTo(Path.class));
        }
        return false;
    }

    @Test
    void everyFileWriteGoesThroughAtomicFiles() {
        fileWritesGoThroughAtomicFiles.check(MainClasses.all());
    }

    @Test
    void theRuleCatchesEachKindOfDirectWrite() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("dev.juror.architecture.fixtures.writes");
        List<String> details = fileWritesGoThroughAtomicFiles.evaluate(fixtures).getFailureReport().getDetails();

        assertThat(details).allSatisfy(line -> assertThat(line).contains("DirectWriter"));
        assertThat(details).anySatisfy(line -> assertThat(line).contains("Files.writeString"));
        assertThat(details).anySatisfy(line -> assertThat(line).contains("Files.newBufferedWriter"));
        assertThat(details).anySatisfy(line -> assertThat(line).contains("Files.copy(java.io.InputStream"));
        assertThat(details).anySatisfy(line -> assertThat(line).contains("FileOutputStream.<init>"));
        assertThat(details).anySatisfy(line -> assertThat(line).contains("PrintWriter.<init>(java.lang.String)"));
        assertThat(details).anySatisfy(line -> assertThat(line).contains("ObjectMapper.writeValue(java.io.File"));
        assertThat(details).hasSize(6);
    }

    /** Reading, streams that are not files and Files.copy into a stream are not file writes. */
    @Test
    void theRuleLeavesReadsAndStreamsAlone() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(
                dev.juror.architecture.fixtures.writes.StreamOnlyWriter.class);
        assertThat(fileWritesGoThroughAtomicFiles.evaluate(fixtures).hasViolation()).isFalse();
    }
}
