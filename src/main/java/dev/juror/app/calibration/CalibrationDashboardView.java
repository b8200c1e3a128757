package dev.juror.app.calibration;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.calibration.verdict.Condition;
import java.util.Random;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The calibration dashboard's controls, bound to {@link CalibrationDashboardViewModel}; no logic of its own. */
public final class CalibrationDashboardView {

    private final CalibrationDashboardViewModel model;
    private final ReportSaver saver;

    @FXML private BorderPane root;
    @FXML private ComboBox<RubricChoice> rubricChoice;
    @FXML private ListView<RunChoice> runList;
    @FXML private ComboBox<AnchorChoice> anchorChoice;
    @FXML private Button computeButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private javafx.scene.control.CheckBox includeFailedRuns;
    @FXML private javafx.scene.control.CheckBox includeUnblinded;
    @FXML private Label unblindedCount;
    @FXML private Button exportButton;
    @FXML private Button recordButton;
    @FXML private Label messageLabel;
    @FXML private HBox verdictBanner;
    @FXML private Label verdictLabel;
    @FXML private ListView<Condition> conditionList;
    @FXML private TableView<Dashboard.MetricRow> metricsTable;
    @FXML private ComboBox<String> dimensionChoice;
    @FXML private GridPane heatmap;
    @FXML private StackPane scatterHolder;
    @FXML private TableView<Dashboard.DisagreementRow> disagreementTable;
    @FXML private StackPane trendHolder;
    @FXML private ListView<String> alertList;
    @FXML private TableView<Dashboard.ConsistencyRow> consistencyTable;
    @FXML private TableView<Dashboard.CrossJudgeRow> crossJudgeTable;
    @FXML private Spinner<Integer> kSpinner;
    @FXML private TableView<Dashboard.ModelRow> modelTable;

    private final ScatterChart<Number, Number> scatter = new ScatterChart<>(new NumberAxis(), new NumberAxis());
    private final LineChart<String, Number> trend = new LineChart<>(new CategoryAxis(), new NumberAxis());

    public CalibrationDashboardView(CalibrationDashboardViewModel model, ReportSaver saver) {
        this.model = model;
        this.saver = saver;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(CalibrationDashboardView.class.getResource("calibration.css").toExternalForm());
        rubricChoice.setItems(model.rubrics());
        rubricChoice.valueProperty().bindBidirectional(model.rubricProperty());
        runList.setItems(model.runs());
        runList.setCellFactory(CheckBoxListCell.forListView(RunChoice::selectedProperty));
        anchorChoice.setItems(model.anchorSets());
        anchorChoice.valueProperty().bindBidirectional(model.anchorSetProperty());
        javafx.scene.control.Tooltip anchorTip = new javafx.scene.control.Tooltip();
        anchorTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                (model.anchorSetProperty().get() == null ? "" : model.anchorSetProperty().get().detail() + "\n")
                        + "Drift compares each judge run with human labels; a frozen anchor set "
                        + "(juror anchors freeze) keeps them fixed while experts go on labelling.",
                model.anchorSetProperty()));
        anchorChoice.setTooltip(anchorTip);
        computeButton.setOnAction(e -> model.compute());
        includeFailedRuns.selectedProperty().bindBidirectional(model.includeFailedRunsProperty());
        includeFailedRuns.setTooltip(new javafx.scene.control.Tooltip("A judge run holding more service failures"
                + " (api_error, timeout) than its threshold allows is refused unless this is ticked; its failed"
                + " results have no scores and are left out. Better: Resume it on the Judge runs screen."));
        includeUnblinded.selectedProperty().bindBidirectional(model.includeUnblindedProperty());
        includeUnblinded.setTooltip(new javafx.scene.control.Tooltip("Labels given with the judge's scores or other"
                + " labellers' labels shown are anchored on them: they are left out of agreement, the human ceiling"
                + " and the verdict unless this is ticked (juror calibrate --include-unblinded). Press Compute again."));
        unblindedCount.textProperty().bind(model.unblindedCountProperty());
        computeButton.disableProperty().bind(model.busyProperty());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        exportButton.disableProperty().bind(model.dashboardProperty().isNull());
        recordButton.disableProperty().bind(model.dashboardProperty().isNull());
        exportButton.setOnAction(e -> saver.chooseReportFile(root.getScene().getWindow(), model.suggestedReportName())
                .ifPresent(model::exportHtml));
        recordButton.setOnAction(e -> model.recordVerdict());
        messageLabel.textProperty().bind(model.messageProperty());
        conditionList.setCellFactory(list -> {
            ConditionCell cell = new ConditionCell();
            // Wrap to the list's width instead of scrolling sideways.
            cell.setWrapText(true);
            cell.setPrefWidth(0);
            return cell;
        });
        dimensionChoice.setItems(model.dimensions());
        dimensionChoice.valueProperty().bindBidirectional(model.dimensionProperty());
        kSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 16, model.kProperty().get()));
        kSpinner.valueProperty().addListener((obs, old, now) -> model.kProperty().set(now));
        modelTable.setItems(model.models());
        buildTables();
        buildCharts();
        model.dashboardProperty().addListener((obs, old, now) -> show(now));
        model.dimensionProperty().addListener((obs, old, now) -> showDimension(model.dashboardProperty().get(), now));
    }

    private void buildTables() {
        column(metricsTable, "Dimension", Dashboard.MetricRow::dimension, 290);
        column(metricsTable, "Comparison", Dashboard.MetricRow::comparison, 175);
        column(metricsTable, "n", Dashboard.MetricRow::n, 45);
        column(metricsTable, "Exact", Dashboard.MetricRow::exact, 62);
        column(metricsTable, "Within 1", Dashboard.MetricRow::within1, 78);
        column(metricsTable, "κ quadratic [95% CI]", Dashboard.MetricRow::kappa, 180);
        column(metricsTable, "α ordinal", Dashboard.MetricRow::alpha, 82);
        column(metricsTable, "Spearman", Dashboard.MetricRow::spearman, 86);
        column(metricsTable, "MAE", Dashboard.MetricRow::mae, 58);
        column(metricsTable, "Bias", Dashboard.MetricRow::bias, 62);
        metricsTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(Dashboard.MetricRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("ceiling-row");
                if (!empty && item != null && item.ceiling()) {
                    getStyleClass().add("ceiling-row");
                }
            }
        });
        metricsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.dimensionProperty().set(now.dimension());
            }
        });
        // Whole headers and whole figures: a narrow window scrolls the table sideways rather than cutting them.
        metricsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        metricsTable.setPlaceholder(new Label("Choose a rubric and judge runs, then Compute."));

        column(disagreementTable, "Gap", Dashboard.DisagreementRow::gap, 45);
        column(disagreementTable, "Dimension", Dashboard.DisagreementRow::dimension, 170);
        column(disagreementTable, "Item", Dashboard.DisagreementRow::itemKey, 200);
        column(disagreementTable, "Judge", r -> Integer.toString(r.judgeScore()), 50);
        column(disagreementTable, "Humans", Dashboard.DisagreementRow::humanScores, 170);
        column(disagreementTable, "Judge rationale", Dashboard.DisagreementRow::judgeRationale, 320);
        column(disagreementTable, "Human notes", Dashboard.DisagreementRow::humanNotes, 320);
        disagreementTable.setRowFactory(table -> {
            TableRow<Dashboard.DisagreementRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        disagreementTable.setOnKeyPressed(e -> {
            Dashboard.DisagreementRow chosen = disagreementTable.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) {
                model.open(chosen);
                e.consume();
            }
        });

        column(consistencyTable, "Run", Dashboard.ConsistencyRow::run, 70);
        column(consistencyTable, "Dimension", Dashboard.ConsistencyRow::dimension, 170);
        column(consistencyTable, "Repeats", r -> Integer.toString(r.repeats()), 60);
        column(consistencyTable, "Items", r -> Integer.toString(r.items()), 50);
        column(consistencyTable, "Unstable", r -> Integer.toString(r.unstable()), 65);
        column(consistencyTable, "Flip rate", Dashboard.ConsistencyRow::flipRate, 65);
        column(consistencyTable, "Mean SD", Dashboard.ConsistencyRow::meanSd, 65);
        column(consistencyTable, "α (repeats)", Dashboard.ConsistencyRow::alpha, 75);

        column(crossJudgeTable, "Dimension", Dashboard.CrossJudgeRow::dimension, 160);
        column(crossJudgeTable, "A", Dashboard.CrossJudgeRow::a, 110);
        column(crossJudgeTable, "B", Dashboard.CrossJudgeRow::b, 110);
        column(crossJudgeTable, "n", r -> Integer.toString(r.n()), 45);
        column(crossJudgeTable, "Quadratic κ", Dashboard.CrossJudgeRow::kappa, 80);
        column(crossJudgeTable, "Exact", Dashboard.CrossJudgeRow::exact, 55);
        column(crossJudgeTable, "Both wrong", Dashboard.CrossJudgeRow::bothWrong, 80);
        column(crossJudgeTable, "Error corr.", Dashboard.CrossJudgeRow::errorCorrelation, 75);

        column(modelTable, "Run", Dashboard.ModelRow::run, 70);
        column(modelTable, "Policy model", Dashboard.ModelRow::model, 170);
        column(modelTable, "Rollouts", r -> Integer.toString(r.rollouts()), 65);
        column(modelTable, "Schema valid", Dashboard.ModelRow::validity, 120);
        column(modelTable, "Mean sample score [95% CI]", Dashboard.ModelRow::meanScore, 200);
        column(modelTable, "k", r -> Integer.toString(r.k()), 35);
        column(modelTable, "Best of k", Dashboard.ModelRow::bestOfK, 160);
        java.util.List.of(metricsTable, disagreementTable, consistencyTable, crossJudgeTable, modelTable)
                .forEach(table -> dev.juror.app.ui.HeaderWidths.keepWhole(table, messageLabel));
    }

    private static <T> void column(TableView<T> table, String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width);
        table.getColumns().add(column);
    }

    private void buildCharts() {
        scatter.setId("judgeHumanScatter");
        scatter.setTitle("Judge vs human (jittered)");
        scatter.setLegendVisible(false);
        scatter.setAnimated(false);
        scatter.getXAxis().setLabel("human score");
        scatter.getYAxis().setLabel("judge score");
        scatterHolder.getChildren().add(scatter);
        trend.setId("agreementTrend");
        trend.setTitle("Quadratic κ judge vs humans per run (time order; ▲ = drift alert)");
        trend.setAnimated(false);
        trend.getXAxis().setLabel("run · rubric version");
        trend.getYAxis().setLabel("quadratic κ");
        trendHolder.getChildren().add(trend);
    }

    private void show(Dashboard d) {
        if (d == null) {
            verdictBanner.setVisible(false);
            verdictBanner.setManaged(false);
            metricsTable.getItems().clear();
            disagreementTable.getItems().clear();
            consistencyTable.getItems().clear();
            crossJudgeTable.getItems().clear();
            alertList.getItems().clear();
            trend.getData().clear();
            showDimension(null, null);
            return;
        }
        verdictBanner.setVisible(true);
        verdictBanner.setManaged(true);
        verdictBanner.getStyleClass().removeAll("validated", "not-validated");
        verdictBanner.getStyleClass().add(d.verdict().validated() ? "validated" : "not-validated");
        verdictLabel.setText(d.verdict().status().label() + "\n" + d.verdict().run() + " · " + d.verdict().judgeModel());
        conditionList.getItems().setAll(d.verdict().conditions().stream()
                .sorted((a, b) -> Boolean.compare(a.passed(), b.passed())).toList());
        metricsTable.getItems().setAll(d.metrics());
        disagreementTable.getItems().setAll(d.disagreements());
        consistencyTable.getItems().setAll(d.consistency());
        crossJudgeTable.getItems().setAll(d.crossJudge());
        alertList.getItems().setAll(d.alerts().isEmpty()
                ? java.util.List.of(d.result().runs().size() < 2 ? "Choose two or more runs to see drift." : "No drift alert.")
                : d.alerts());
        showTrend(d);
        showDimension(d, model.dimensionProperty().get());
    }

    private void showDimension(Dashboard d, String dimension) {
        heatmap.getChildren().clear();
        scatter.getData().clear();
        int[][] counts = d == null || dimension == null ? null : d.confusion().get(dimension);
        if (counts == null) {
            return;
        }
        int min = d.scaleMin();
        int max = 1;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        Label corner = new Label("judge \\ human");
        corner.getStyleClass().add("heat-axis");
        heatmap.add(corner, 0, 0);
        for (int h = 0; h < counts[0].length; h++) {
            Label head = new Label(Integer.toString(min + h));
            head.getStyleClass().add("heat-axis");
            GridPane.setHalignment(head, javafx.geometry.HPos.CENTER);
            heatmap.add(head, h + 1, 0);
        }
        XYChart.Series<Number, Number> points = new XYChart.Series<>();
        Random jitter = new Random(42);
        for (int j = 0; j < counts.length; j++) {
            Label side = new Label(Integer.toString(min + j));
            side.getStyleClass().add("heat-axis");
            heatmap.add(side, 0, j + 1);
            for (int h = 0; h < counts[j].length; h++) {
                int c = counts[j][h];
                heatmap.add(heatCell(c, max, j == h), h + 1, j + 1);
                for (int i = 0; i < c; i++) {
                    XYChart.Data<Number, Number> p = new XYChart.Data<>(min + h + (jitter.nextDouble() - 0.5) * 0.36,
                            min + j + (jitter.nextDouble() - 0.5) * 0.36);
                    Region dot = new Region();
                    dot.getStyleClass().add("scatter-point");
                    // inline, so it wins over the chart's default-color classes; the colour is the theme's
                    dot.setStyle("-fx-background-color: -juror-accent; -fx-background-radius: 4; -fx-padding: 3.5; -fx-opacity: 0.6;");
                    p.setNode(dot);
                    points.getData().add(p);
                }
            }
        }
        NumberAxis x = (NumberAxis) scatter.getXAxis();
        NumberAxis y = (NumberAxis) scatter.getYAxis();
        for (NumberAxis axis : java.util.List.of(x, y)) {
            axis.setAutoRanging(false);
            // One blank tick beyond each end, so the first and last scores keep their labels.
            axis.setLowerBound(d.scaleMin() - 1);
            axis.setUpperBound(d.scaleMax() + 1);
            axis.setTickUnit(1);
            axis.setMinorTickVisible(false);
            axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Number n) {
                    double v = n.doubleValue();
                    return v >= d.scaleMin() && v <= d.scaleMax() && v == Math.rint(v) ? Long.toString((long) v) : "";
                }

                @Override
                public Number fromString(String text) {
                    return Double.parseDouble(text);
                }
            });
        }
        scatter.setTitle(dimension + " · " + d.primaryRun() + " (jittered)");
        scatter.getData().add(points);
    }

    private static StackPane heatCell(int count, int max, boolean diagonal) {
        Region fill = new Region();
        fill.getStyleClass().add("heat-fill");
        double share = (double) count / max;
        fill.setOpacity(count == 0 ? 0 : 0.15 + 0.8 * share);
        Label text = new Label(Integer.toString(count));
        text.getStyleClass().add("heat-count");
        if (count == 0) {
            text.getStyleClass().add("zero");
        }
        if (share > 0.55) {
            text.getStyleClass().add("strong");
        }
        StackPane cell = new StackPane(fill, text);
        cell.getStyleClass().add("heatmap-cell");
        if (diagonal) {
            cell.getStyleClass().add("diagonal");
        }
        cell.setAlignment(Pos.CENTER);
        return cell;
    }

    private void showTrend(Dashboard d) {
        trend.getData().clear();
        java.util.Map<String, XYChart.Series<String, Number>> byDimension = new java.util.LinkedHashMap<>();
        for (Dashboard.TrendPoint p : d.trend()) {
            XYChart.Series<String, Number> series = byDimension.computeIfAbsent(p.dimension(), name -> {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(name);
                return s;
            });
            String version = p.rubricVersion().length() > 8 ? p.rubricVersion().substring(0, 8) : p.rubricVersion();
            XYChart.Data<String, Number> point = new XYChart.Data<>(p.run() + " · " + version, p.kappa());
            if (!p.alert().isEmpty()) {
                Region marker = new Region();
                marker.getStyleClass().add("alert-marker");
                // inline, so it wins over the chart's own symbol rules; the colour is the theme's
                marker.setStyle("-fx-background-color: -juror-warn; -fx-shape: \"M5,0 L10,10 L0,10 Z\";"
                        + " -fx-padding: 7; -fx-background-insets: 0; -fx-background-radius: 0;");
                Tooltip.install(marker, new Tooltip(p.alert()));
                point.setNode(marker);
            }
            series.getData().add(point);
        }
        trend.getData().addAll(byDimension.values());
    }

    /** A verdict condition with its numbers, failed ones in the warning colour. */
    private static final class ConditionCell extends ListCell<Condition> {
        @Override
        protected void updateItem(Condition item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("condition-pass", "condition-fail");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.summary());
            setTooltip(new Tooltip(item.summary()));
            getStyleClass().add(item.passed() ? "condition-pass" : "condition-fail");
        }
    }
}
