package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.store.Workspace;
import dev.juror.watch.WatchInputException;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.workspace.watch.CheckpointAgreements;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror watch checkpoints --run NAME}: judge-versus-expert agreement at each checkpoint of a run. */
@Command(name = "checkpoints", mixinStandardHelpOptions = true,
        description = {"List a training run's checkpoints with judge-vs-expert agreement on their labelled rollouts:",
                "weighted kappa per dimension with its bootstrap interval, judge and expert mean on 0..1",
                "(the latest judge run that scored the checkpoint's rollouts; the experts' blind labels)."})
public final class WatchCheckpointsCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "NAME", description = "The training run.")
    String run;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Mixin
    BootstrapOptions bootstrap;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<CheckpointAgreements.Measured> measured;
        try (Workspace opened = workspace.open()) {
            measured = new CheckpointAgreements(opened, bootstrap.config()).measure(run);
        } catch (WatchInputException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("run", run);
            doc.put("checkpoints", measured.stream().map(WatchCheckpointsCommand::json).toList());
            out.println(ReportJson.write(doc));
        } else if (measured.isEmpty()) {
            out.println(run + ": no checkpoints yet: juror watch import --run " + run + " --checkpoint C --step S FILE");
        } else {
            measured.forEach(m -> print(out, m));
        }
        out.flush();
        return CliRunner.OK;
    }

    private static void print(PrintWriter out, CheckpointAgreements.Measured m) {
        CheckpointAgreement a = m.agreement();
        StringBuilder line = new StringBuilder(a.checkpoint() + "  step " + a.step() + "  " + m.rollouts()
                + " rollouts, " + a.labelled() + " labelled");
        m.judgeRun().ifPresent(r -> line.append(" (judge ").append(r).append(')'));
        if (!Double.isNaN(a.judgeMean())) {
            line.append("  judge mean ").append(number(a.judgeMean())).append(" vs experts ").append(number(a.expertMean()));
        }
        if (!m.note().isEmpty()) {
            line.append(": ").append(m.note());
        }
        out.println(line);
        if (a.labelled() > 0) {
            a.agreement().forEach((dimension, kappa) -> out.println("  " + dimension + "  kappa_quadratic "
                    + number(kappa) + " [" + number(a.lower().get(dimension)) + ", " + number(a.upper().get(dimension)) + "]"));
        }
    }

    private static Map<String, Object> json(CheckpointAgreements.Measured m) {
        CheckpointAgreement a = m.agreement();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("checkpoint", a.checkpoint());
        map.put("step", a.step());
        map.put("rollouts", m.rollouts());
        map.put("labelled", a.labelled());
        map.put("judge_run", m.judgeRun().orElse(null));
        map.put("judge_mean", finite(a.judgeMean()));
        map.put("expert_mean", finite(a.expertMean()));
        Map<String, Object> dimensions = new LinkedHashMap<>();
        a.agreement().forEach((dimension, kappa) -> dimensions.put(dimension, Map.of(
                "kappa_quadratic", finiteOrNote(kappa), "lower", finiteOrNote(a.lower().get(dimension)),
                "upper", finiteOrNote(a.upper().get(dimension)))));
        map.put("dimensions", dimensions);
        map.put("pairs", m.scores().pairs().size());
        map.put("note", m.note());
        return map;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** JSON has no NaN: an undefined statistic is written as the text "undefined". */
    private static Object finiteOrNote(Double value) {
        return value != null && Double.isFinite(value) ? value : "undefined";
    }

    private static String number(Double value) {
        return value == null || !Double.isFinite(value) ? "undefined" : String.format(Locale.ROOT, "%.3f", value);
    }
}
