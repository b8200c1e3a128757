package dev.juror.app.align;

import dev.juror.app.AppOptions;
import dev.juror.app.SeededWorkspace;
import dev.juror.app.Workbench;
import dev.juror.app.settings.Settings;
import dev.juror.app.settings.SettingsStore;
import dev.juror.app.settings.WindowLayout;
import dev.juror.app.shell.FxDialogs;
import dev.juror.app.shell.ScreenId;
import dev.juror.app.tasks.FxBackgroundTasks;
import dev.juror.cli.JurorCli;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Not a test: starts the workbench on a display (Xvfb) with the Align panel open, for
 * docs/screenshots/align.png (taken with ImageMagick's {@code import -window root}). Arguments:
 * workspace folder, settings file, the project folder (for the DEMONSTRATION label packs). A workspace
 * folder that does not exist yet is seeded with the shipped samples, given the demonstration labels
 * and a heuristic baseline run, and one round is run with the heuristic judge (no model call; the
 * heuristic judge reads no prompt, so no candidate can beat the baseline) and two typed edits, one of
 * which breaks the output schema, as a user would from the command line.
 */
public final class AlignScreenshotMain {

    private AlignScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[0]);
        Path settingsFile = Path.of(args[1]);
        Path project = Path.of(args[2]);
        if (!Files.exists(ws)) {
            SeededWorkspace.open(ws).close();
            prepare(ws, project);
        }
        new SettingsStore(settingsFile).save(Settings.defaults().withLabeller("Ann")
                .withWindow(new WindowLayout(0, 0, 1280, 800, false)));
        Platform.startup(() -> start(new AppOptions(Optional.of(ws), settingsFile)));
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void prepare(Path ws, Path project) throws Exception {
        Path rubric = ws.resolve("rubrics/contract-review.yaml");
        String text = Files.readString(rubric);
        Path edits = Files.createDirectories(ws.resolve("edits"));
        Path sharper = edits.resolve("sharper-grounding.yaml");
        Files.writeString(sharper, text.replace("edge_cases:\n", "edge_cases:\n  - \"A comment that quotes no clause"
                + " of the contract cannot score above 2 on TargetDocument_Grounding.\"\n"));
        Path renamed = edits.resolve("renamed-dimension.yaml");
        Files.writeString(renamed, text.replace("- name: Actionability", "- name: Usefulness"));
        String w = ws.toString();
        check(JurorCli.run("labels", "import", project.resolve("samples/labels/DEMO-labels-demo-expert-1.jsonl").toString(),
                project.resolve("samples/labels/DEMO-labels-demo-expert-2.jsonl").toString(), "--rubric",
                rubric.toString(), "--workspace", w));
        check(JurorCli.run("judge", "--workspace", w, "--rubric", rubric.toString(), "--provider", "heuristic"));
        check(JurorCli.run("align", "--workspace", w, "--rubric", rubric.toString(), "--provider", "heuristic",
                "--edit", sharper.toString(), "--edit", renamed.toString(), "--resamples", "500"));
    }

    private static void check(int exit) {
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit);
        }
    }

    private static void start(AppOptions options) {
        Stage stage = new Stage();
        Workbench workbench = new Workbench(options, new FxBackgroundTasks(2), new FxDialogs());
        workbench.start(stage);
        stage.setX(0);
        stage.setY(0);
        workbench.shell().show(ScreenId.RUBRICS);
        AlignViewModel align = workbench.align();
        // The editor opens its first rubric and the panel lists the rounds in the background: then open it.
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(5));
        wait.setOnFinished(event -> {
            ((Button) stage.getScene().lookup("#alignButton")).fire();
            for (Window w : Window.getWindows()) {
                if (w != stage && w instanceof Stage s) {
                    s.setX(0);
                    s.setY(0);
                    var list = (javafx.scene.control.ListView<?>) s.getScene().lookup("#alignRounds");
                    list.getSelectionModel().select(0);
                    var table = (javafx.scene.control.TableView<?>) s.getScene().lookup("#alignCandidates");
                    table.getSelectionModel().select(table.getItems().size() - 1);
                }
            }
            align.checkCost();
        });
        wait.play();
    }
}
