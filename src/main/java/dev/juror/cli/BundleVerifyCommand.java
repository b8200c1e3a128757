package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.export.bundle.BundleVerifier;
import dev.juror.export.bundle.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code juror bundle verify DIR|ZIP}: every file's SHA-256 against {@code MANIFEST.json}, the Lambda
 * zip's rubric against the evidence, and the verdict summary. Exit 0 when all is well (an
 * UNVALIDATED bundle too, said in the output), 2 on any mismatch, each one naming its file.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recompute the SHA-256 of every file of an exported bundle (folder or zip) against its",
                "MANIFEST.json, check the Lambda zip's rubric version against the evidence, print the verdict.",
                "Exit code: 0 the bundle is intact (UNVALIDATED ones too, said), 2 a file changed, missing or added,",
                "or a rubric version mismatch (each named)."})
public final class BundleVerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR|ZIP", description = "The bundle folder, or a zip of it.")
    Path bundle;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.exists(bundle)) {
            throw new UserInputException(bundle + ": no such folder or zip");
        }
        Verification v;
        try {
            v = BundleVerifier.verify(bundle);
        } catch (IOException e) {
            throw new UserInputException(bundle + ": cannot be read as a bundle: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ReportJson.write(v));
        } else {
            print(out, v);
        }
        out.flush();
        if (!v.ok()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("juror: " + bundle + " does not verify: " + v.problems().get(0)
                    + (v.problems().size() > 1 ? " (and " + (v.problems().size() - 1) + " more, listed above)" : ""));
            err.flush();
            return CliRunner.BAD_INPUT;
        }
        return CliRunner.OK;
    }

    private static void print(PrintWriter out, Verification v) {
        out.println((v.ok() ? "OK" : "MISMATCH") + ": " + v.bundle() + " (" + v.kind() + ", rubric version "
                + v.rubricVersion() + "), " + v.files() + " files checked against MANIFEST.json");
        v.problems().forEach(p -> out.println("  " + p));
        out.println(v.validated() ? "VALIDATED bundle" : "UNVALIDATED bundle: " + v.unvalidatedReason());
        if (!v.verdict().isEmpty()) {
            out.println("verdict in evidence/verdict.json: " + v.verdict());
            v.conditions().forEach(c -> out.println("  " + c));
        }
    }
}
