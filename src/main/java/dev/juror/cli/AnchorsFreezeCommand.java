package dev.juror.cli;

import dev.juror.rubric.Rubric;
import dev.juror.store.AnchorSet;
import dev.juror.store.Workspace;
import dev.juror.workspace.calibration.AnchorSets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror anchors freeze --rubric FILE --name NAME [--note TEXT]}. */
@Command(name = "freeze", mixinStandardHelpOptions = true,
        description = {"Freeze the labels that count for a rubric now as a named anchor set:",
                "the latest label per labeller and item, given blind (neither the judge nor",
                "other labellers shown), on the",
                "rubric's scale. Labels added or corrected later do not change the set;",
                "a name is used once."})
public final class AnchorsFreezeCommand implements Callable<Integer> {

    /** Anchor items per dimension the reference recommends for drift monitoring. */
    static final int RECOMMENDED_ITEMS = 150;

    @Option(names = "--rubric", required = true, paramLabel = "FILE", description = "The rubric YAML file.")
    Path rubricFile;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The anchor set's name (unique).")
    String name;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why or how the set was chosen.")
    String note;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Rubric rubric = CalibrationSetup.rubric(rubricFile, spec.commandLine().getErr());
        AnchorSets.Loaded frozen;
        try (Workspace opened = workspace.open()) {
            try {
                frozen = new AnchorSets(opened).freeze(name, rubric, note);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        print(spec.commandLine().getOut(), rubric, frozen);
        return CliRunner.OK;
    }

    private static void print(PrintWriter out, Rubric rubric, AnchorSets.Loaded frozen) {
        AnchorSet set = frozen.set();
        out.println("Froze anchor set " + set.name() + ": rubric " + set.rubricName() + " version " + set.rubricVersion()
                + ", " + set.items() + " items, " + set.labels() + " labels from " + String.join(", ", frozen.labellers()));
        Map<String, Integer> perDimension = frozen.itemsPerDimension(rubric.dimensionNames());
        int width = perDimension.keySet().stream().mapToInt(String::length).max().orElse(0);
        perDimension.forEach((d, n) -> out.printf("  %-" + width + "s  %d items%n", d, n));
        var left = frozen.labels();
        if (left.notBlind() + left.offScale() > 0) {
            out.println("left out: " + left.notBlind() + " labels not given blind (the judge or other labellers shown), "
                    + left.offScale() + " off the rubric's scale");
        }
        List<String> thin = perDimension.entrySet().stream().filter(e -> e.getValue() < RECOMMENDED_ITEMS)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        if (!thin.isEmpty()) {
            out.println("warning: fewer than " + RECOMMENDED_ITEMS + " items on " + String.join(", ", thin)
                    + "; at least " + RECOMMENDED_ITEMS + " per dimension are recommended for drift monitoring");
        }
        out.flush();
    }
}
