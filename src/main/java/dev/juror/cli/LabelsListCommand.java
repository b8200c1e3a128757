package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.store.StoredLabel;
import dev.juror.store.Workspace;
import dev.juror.workspace.Labelling;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror labels list [--labeller NAME] [--history] [--json]}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the labels that count (the latest per labeller and item), or every label stored",
                "with --history: sample, rollout, comment, dimension, labeller, score, whether it was given",
                "blind (neither the judge's scores nor other labellers' labels shown) and, if not, what was",
                "shown. Labels that are not blind are left out of calibrate and verdict unless",
                "--include-unblinded is given there."})
public final class LabelsListCommand implements Callable<Integer> {

    @Option(names = "--labeller", paramLabel = "NAME", description = "Only this labeller's labels.")
    String labeller;

    @Option(names = "--history", description = "Every label stored, corrections and the labels they replaced included.")
    boolean history;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Labelling.Listed> listed;
        try (Workspace opened = workspace.open()) {
            Labelling labelling = new Labelling(opened);
            if (labeller != null && !labelling.labellers().contains(labeller)) {
                List<String> known = labelling.labellers();
                throw new UserInputException("no labels by '" + labeller + "' in " + opened.directory()
                        + (known.isEmpty() ? "; this workspace has no labels yet"
                        : "; labellers here: " + String.join(", ", known)));
            }
            listed = labelling.listed(labeller, history);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(listed));
        } else {
            table(out, listed);
        }
        out.flush();
        return CliRunner.OK;
    }

    private static void table(PrintWriter out, List<Labelling.Listed> listed) {
        out.println(String.join("\t", "sample", "rollout", "comment", "dimension", "labeller", "score", "blind", "seen",
                "origin"));
        int notBlind = 0;
        for (Labelling.Listed row : listed) {
            StoredLabel l = row.label();
            notBlind += l.blind() ? 0 : 1;
            out.println(String.join("\t", row.sampleId(), Integer.toString(row.rolloutIndex()), comment(l),
                    l.dimension(), l.labeller(), l.score(), l.blind() ? "yes" : "no", l.seen(), l.originText()));
        }
        out.println(listed.size() + (listed.size() == 1 ? " label" : " labels") + ", " + notBlind + " not blind");
    }

    private static String comment(StoredLabel l) {
        return l.commentPosition() < 0 ? "response" : l.commentId().isEmpty()
                ? "#" + (l.commentPosition() + 1) : l.commentId();
    }

    private static String json(List<Labelling.Listed> listed) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (Labelling.Listed row : listed) {
            StoredLabel l = row.label();
            ObjectNode node = array.addObject();
            node.put("uid", l.uid());
            node.put("sample_id", row.sampleId());
            node.put("rollout_index", row.rolloutIndex());
            node.put("comment_position", l.commentPosition());
            node.put("comment_id", l.commentId());
            node.put("dimension", l.dimension());
            node.put("labeller", l.labeller());
            node.put("score", l.score());
            node.put("blind", l.blind());
            node.put("seen", l.seen());
            node.put("judge_hidden", l.judgeHidden());
            node.put("origin", l.originText());
            node.put("stored_at", l.createdAt().toString());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array);
    }
}
