package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.io.InputFileException;
import dev.juror.io.InputFiles;
import dev.juror.rubric.Rubric;
import dev.juror.store.Workspace;
import dev.juror.workspace.labels.LabelPackConflict;
import dev.juror.workspace.labels.LabelPackException;
import dev.juror.workspace.labels.LabelPackOptions;
import dev.juror.workspace.labels.LabelPackResult;
import dev.juror.workspace.labels.LabelPacks;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code juror labels import FILE... --rubric FILE}: merges label packs; idempotent; conflicts are listed, never hidden. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Merge label packs into this workspace. Every line is checked first: its dimension must be",
                "in the rubric and its score on that dimension's scale, its uid its own, its names and uids of",
                "bounded length, its time not in the future; one bad line refuses the whole pack. Imported",
                "labels count after the labels already here, whatever time they declare, and record the pack's",
                "SHA-256 and who imported it. A pack that adds labels under someone who already labels here",
                "needs --as-labeller NAME. Labels already here (same uid) are skipped, so importing a pack twice",
                "changes nothing. Labels for rollouts this workspace lacks or holds with a different prediction",
                "are not imported and are listed, and so is every score the import changes."})
public final class LabelsImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Label packs (.jsonl).")
    List<Path> files;

    @Option(names = "--rubric", required = true, paramLabel = "FILE",
            description = "The rubric the labels were made with (repeatable): dimensions and scales are checked against it.")
    List<Path> rubricFiles;

    @Option(names = "--imported-by", paramLabel = "NAME",
            description = "Who imports the packs, recorded with every label (default: this computer's account name).")
    String importedBy;

    @Option(names = "--as-labeller", paramLabel = "NAME",
            description = "Confirm that the pack may add labels under NAME, who already labels here (repeatable).")
    List<String> asLabellers = new ArrayList<>();

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Print one JSON object per pack.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new UserInputException(f + ": no such file; give the path of a label pack (.jsonl)");
            }
            try { // before any pack is imported: a FIFO, device or folder among the files refuses them all
                InputFiles.checkRegular(f, new InputFiles.ReadLimit(LabelPacks.MAX_PACK_BYTES,
                        "split it into several packs"), "label pack " + f);
            } catch (InputFileException e) {
                throw new UserInputException(e.getMessage() + "; nothing was imported");
            }
        }
        List<Rubric> rubrics = new ArrayList<>();
        for (Path r : rubricFiles) {
            rubrics.add(RubricFiles.load(r, spec.commandLine().getErr()).orElseThrow(() ->
                    new UserInputException(r + ": the rubric has problems (listed above); fix them first")));
        }
        LabelPackOptions options;
        try {
            options = new LabelPackOptions(rubrics, importedBy != null ? importedBy : accountName(),
                    new LinkedHashSet<>(asLabellers));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        try (Workspace opened = workspace.open()) {
            LabelPacks packs = new LabelPacks(opened);
            for (Path f : files) {
                LabelPackResult r;
                try {
                    r = packs.importPack(f, options);
                } catch (LabelPackException e) {
                    throw new UserInputException(e.getMessage(), e);
                }
                if (json) {
                    out.println(ReportJson.compact(new PackJson(f.toString(), r.packSha256(), options.importedBy(),
                            r.read(), r.imported(), r.alreadyPresent(), r.refused(), r.conflicts())));
                } else {
                    out.println(f + ": " + r.read() + " labels read, " + r.imported() + " imported, "
                            + r.alreadyPresent() + " already here, " + r.refused() + " not imported (pack "
                            + r.packSha256().substring(0, 8) + ", imported by " + options.importedBy() + ")");
                    for (LabelPackConflict c : r.conflicts()) {
                        out.println("  " + c);
                    }
                }
            }
        }
        out.flush();
        return CliRunner.OK;
    }

    /** Who runs the command, when --imported-by is not given: the operating system's account name. */
    private static String accountName() {
        String name = System.getProperty("user.name", "");
        return name.isBlank() ? "unknown" : name.strip();
    }

    record PackJson(String file, String pack_sha256, String imported_by, int read, int imported, int already_present,
                    long not_imported, List<LabelPackConflict> conflicts) {
    }
}
