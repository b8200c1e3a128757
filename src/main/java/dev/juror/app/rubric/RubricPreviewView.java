package dev.juror.app.rubric;

import java.util.Collection;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Code-behind of {@code RubricPreviewPane.fxml}, the rubric editor's right column (included by
 * {@code RubricEditorView.fxml}): the sample and judge choices bound to {@link RubricTrialViewModel},
 * the highlighted prompt from {@link RubricPreviewViewModel}, the trial result and the diff of the
 * last save.
 */
public final class RubricPreviewView {

    @FXML private ComboBox<SampleChoice> sampleChoice;
    @FXML private ComboBox<RolloutChoice> rolloutChoice;
    @FXML private Button tryButton;
    @FXML private ComboBox<String> trialJudgeChoice;
    @FXML private Label previewNote;
    @FXML private StackPane previewHost;
    @FXML private TabPane resultTabs;
    @FXML private Tab trialTab;
    @FXML private Tab diffTab;
    @FXML private TextArea trialText;
    @FXML private StackPane diffHost;

    private final RubricEditorViewModel editor;
    private final CodeArea preview = new CodeArea();
    private final CodeArea diff = new CodeArea();

    public RubricPreviewView(RubricEditorViewModel editor) {
        this.editor = editor;
    }

    @FXML
    void initialize() {
        RubricPreviewViewModel previewModel = editor.preview();
        RubricTrialViewModel trial = editor.trial();
        setUpCodeArea(preview, "rubric-preview");
        setUpCodeArea(diff, "rubric-diff");
        previewHost.getChildren().add(new VirtualizedScrollPane<>(preview));
        diffHost.getChildren().add(new VirtualizedScrollPane<>(diff));

        previewModel.previewProperty().addListener((obs, old, now) -> showPreview(now));
        previewNote.textProperty().bind(previewModel.previewNoteProperty());
        tryButton.disableProperty().bind(trial.tryingProperty());
        trialJudgeChoice.getItems().setAll(RubricTrialViewModel.TRIAL_PROVIDERS);
        trialJudgeChoice.valueProperty().bindBidirectional(trial.trialProviderProperty());
        trialJudgeChoice.setId("trialJudgeChoice");
        sampleChoice.setItems(trial.samples());
        sampleChoice.valueProperty().bindBidirectional(trial.sampleProperty());
        rolloutChoice.setItems(trial.rollouts());
        rolloutChoice.valueProperty().bindBidirectional(trial.rolloutProperty());
        trial.trialProperty().addListener((obs, old, now) -> {
            trialText.setText(now == null ? "" : now.text());
            if (now != null) {
                resultTabs.getSelectionModel().select(trialTab);
            }
        });
        editor.lastSaveProperty().addListener((obs, old, now) -> showDiff(now));
        // The view model may have loaded before this view existed: show what it holds now.
        showDiff(editor.lastSaveProperty().get());
        if (editor.draftProperty().get() != null) {
            showPreview(previewModel.previewProperty().get());
        }
    }

    private static void setUpCodeArea(CodeArea area, String id) {
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("preview-area");
    }

    private void showPreview(Preview p) {
        if (p == null) {
            return;
        }
        double scroll = preview.getEstimatedScrollY();
        preview.replaceText(p.text());
        preview.setStyleSpans(0, spans(p.text().length(), p.spans()));
        preview.scrollYToPixel(scroll);
    }

    private static StyleSpans<Collection<String>> spans(int length, List<Preview.Span> spans) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int at = 0;
        for (Preview.Span s : spans) {
            if (s.start() > at) {
                builder.add(List.of(), s.start() - at);
            }
            builder.add(List.of(s.styleClass()), s.end() - s.start());
            at = s.end();
        }
        builder.add(List.of(), Math.max(0, length - at));
        return builder.create();
    }

    private void showDiff(RubricSave.Outcome outcome) {
        if (outcome == null) {
            diff.replaceText("Save to see what changed against the previous version.");
            return;
        }
        List<String> shown = LineDiff.unified(outcome.diff(), 2);
        String header = "Version " + outcome.previousVersion() + " -> " + outcome.version() + "\n\n";
        String body = shown.isEmpty() ? "No line changed." : String.join("\n", shown);
        diff.replaceText(header + body);
        int offset = header.length();
        for (String line : shown) {
            String style = line.startsWith("+ ") ? "diff-added" : line.startsWith("- ") ? "diff-removed" : null;
            if (style != null) {
                diff.setStyleClass(offset, offset + line.length(), style);
            }
            offset += line.length() + 1;
        }
        resultTabs.getSelectionModel().select(diffTab);
    }

    @FXML
    void onTry() {
        editor.tryOnSample();
    }
}
