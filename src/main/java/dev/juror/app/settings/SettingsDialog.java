package dev.juror.app.settings;

import dev.juror.judge.run.JudgeConnectionCheck;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Edits the preferences part of {@link Settings}. Judge providers are described by region, profile
 * and URL only: credentials come from the AWS default chain and are never asked for.
 */
public final class SettingsDialog {

    private SettingsDialog() {
    }

    public static Optional<Settings> edit(Window owner, Settings current) {
        Dialog<Settings> dialog = dialog(current);
        dialog.initOwner(owner);
        return dialog.showAndWait();
    }

    /** The dialog, not shown yet (tests look into it). */
    static Dialog<Settings> dialog(Settings current) {
        Dialog<Settings> dialog = new Dialog<>();
        dialog.setTitle("Settings");
        dialog.setHeaderText("Workbench settings. Credentials are never stored: Bedrock uses the AWS default "
                + "chain (environment, profile, SSO).");
        ChoiceBox<Theme> theme = new ChoiceBox<>();
        theme.getItems().setAll(Theme.values());
        theme.setValue(current.theme());
        theme.setId("themeChoice");
        Spinner<Integer> fontSize = new Spinner<>(Settings.MIN_FONT_SIZE, Settings.MAX_FONT_SIZE, current.fontSize());
        fontSize.setId("fontSizeSpinner");
        Spinner<Integer> concurrency = new Spinner<>(1, Settings.MAX_CONCURRENCY, current.defaultConcurrency());
        concurrency.setEditable(true);
        concurrency.setId("concurrencySpinner");
        TextField region = new TextField(current.bedrockRegion());
        region.setId("bedrockRegionField");
        region.setPromptText("us-east-1");
        TextField profile = new TextField(current.bedrockProfile());
        profile.setId("bedrockProfileField");
        profile.setPromptText("default chain");
        TextField baseUrl = new TextField(current.openAiBaseUrl());
        baseUrl.setId("openAiBaseUrlField");
        baseUrl.setPromptText("http://localhost:8000/v1");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label("Theme"), theme);
        grid.addRow(row++, new Label("Font size (pt)"), fontSize);
        grid.addRow(row++, new Label("Default judge concurrency"), concurrency);
        grid.addRow(row++, new Label("Bedrock region"), region);
        grid.addRow(row++, new Label("Bedrock profile (optional)"), profile);
        grid.addRow(row++, new Label("OpenAI-compatible base URL"), baseUrl);
        // The same rule as juror judge --base-url: the URL is stored, so it must hold no user:password@.
        Label problem = new Label();
        problem.setId("settingsProblemLabel");
        problem.setWrapText(true);
        problem.setMaxWidth(420);
        problem.getStyleClass().add("budget-error");
        grid.add(problem, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            Optional<String> found = JudgeConnectionCheck.baseUrlProblem(baseUrl.getText());
            problem.setText(found.orElse(""));
            problem.setVisible(found.isPresent());
            problem.setManaged(found.isPresent());
            ok.setDisable(found.isPresent());
        };
        baseUrl.textProperty().addListener((obs, old, now) -> check.run());
        check.run();
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? current.withPreferences(theme.getValue(), fontSize.getValue(), concurrency.getValue(),
                        region.getText(), profile.getText(), baseUrl.getText())
                : null);
        return dialog;
    }
}
