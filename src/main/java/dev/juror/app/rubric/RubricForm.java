package dev.juror.app.rubric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The rubric editor's form, built in code from the draft (the fields depend on the dimensions and
 * their scales) and rebuilt when fields come or go. Every control is named by the rubric path it
 * edits ({@code #field-dimensions-0-levels-3}), its problem label likewise
 * ({@code #problem-dimensions-0-levels-3}); each edit goes to {@link RubricEditorViewModel#edit}.
 */
final class RubricForm {

    private final RubricEditorViewModel viewModel;
    private final VBox form;
    private final ScrollPane formScroll;
    /** Per field path: the control and its problem label, for the current form. */
    private final Map<String, FieldNodes> fields = new HashMap<>();

    private record FieldNodes(Control control, Label problem) {
    }

    RubricForm(RubricEditorViewModel viewModel, VBox form, ScrollPane formScroll) {
        this.viewModel = viewModel;
        this.form = form;
        this.formScroll = formScroll;
    }


    /** Builds the form anew from the draft, keeping the focused field and the scroll position. */
    void rebuild() {
        RubricDraft draft = viewModel.draftProperty().get();
        String focused = focusedField();
        double scroll = formScroll.getVvalue();
        fields.clear();
        form.getChildren().clear();
        if (draft == null) {
            return;
        }
        section("Rubric");
        textField("name", "Name", draft.name(), (d, v) -> d.edit(b -> b.name = v));
        textArea("description", "Description (for people; not shown to the judge)", draft.description(), 2,
                (d, v) -> d.edit(b -> b.description = v));
        textArea("objective", "Objective", draft.objective(), 4, (d, v) -> d.edit(b -> b.objective = v));
        textArea("approach", "Evaluation approach", draft.approach(), 4, (d, v) -> d.edit(b -> b.approach = v));
        HBox unitMode = new HBox(16,
                choice("unit", "Unit", List.of("comment", "response"), draft.unit(), (d, v) -> d.edit(b -> b.unit = v)),
                choice("mode", "Mode", List.of("pointwise", "pairwise"), draft.mode(), (d, v) -> d.edit(b -> b.mode = v)));
        form.getChildren().add(unitMode);

        section("Dimensions (judged in this order)");
        Label dimensionsProblem = problemLabel("dimensions");
        fields.put("dimensions", new FieldNodes(null, dimensionsProblem));
        form.getChildren().add(dimensionsProblem);
        for (int i = 0; i < draft.dimensions().size(); i++) {
            form.getChildren().add(dimensionBox(i, draft.dimensions().get(i), draft.dimensions().size()));
        }
        Button add = new Button("Add dimension");
        add.setId("add-dimension");
        add.setOnAction(event -> viewModel.addDimension());
        form.getChildren().add(add);

        section("Rules");
        textArea("edge_cases", "Edge cases (one per line)", draft.edgeCases(), 4,
                (d, v) -> d.edit(b -> b.edgeCases = v));
        textArea("encourage", "Behaviours to reward (one per line)", draft.encourage(), 3,
                (d, v) -> d.edit(b -> b.encourage = v));
        textArea("discourage", "Behaviours to penalise (one per line)", draft.discourage(), 3,
                (d, v) -> d.edit(b -> b.discourage = v));

        section("Aggregation");
        Label arithmetic = new Label("Comment score = weighted mean of the dimension scores; sample score = mean of"
                + " the comment scores.");
        arithmetic.setWrapText(true);
        arithmetic.getStyleClass().add("editor-field-label");
        form.getChildren().add(arithmetic);
        checkBox("aggregation.deal_breaker_floor", "A deal-breaker dimension at the scale minimum floors the comment"
                + " score", draft.dealBreakerFloor(), (d, v) -> d.edit(b -> b.dealBreakerFloor = v));

        section("Validation thresholds (every dimension)");
        HBox numbers = new HBox(12,
                smallField("validation.min_kappa_lower_bound", "Min kappa lower bound", draft.minKappaLowerBound(),
                        (d, v) -> d.edit(b -> b.minKappaLowerBound = v)),
                smallField("validation.min_items", "Min items", draft.minItems(),
                        (d, v) -> d.edit(b -> b.minItems = v)),
                smallField("validation.human_ceiling_margin", "Human ceiling margin", draft.humanCeilingMargin(),
                        (d, v) -> d.edit(b -> b.humanCeilingMargin = v)),
                smallField("validation.max_flip_rate", "Max flip rate", draft.maxFlipRate(),
                        (d, v) -> d.edit(b -> b.maxFlipRate = v)));
        form.getChildren().add(numbers);
        checkBox("validation.require_within_human_ceiling", "Judge must reach the human-human ceiling (less the margin)",
                draft.requireWithinHumanCeiling(), (d, v) -> d.edit(b -> b.requireWithinHumanCeiling = v));
        checkBox("validation.require_regression_pass", "The regression suite must pass",
                draft.requireRegressionPass(), (d, v) -> d.edit(b -> b.requireRegressionPass = v));

        section("Judge, checks and per-dimension thresholds (YAML)");
        TextArea advanced = textArea(DraftYaml.ADVANCED, "Keys: judge (model_id, temperature, max_tokens, top_p),"
                + " checks, per_dimension; see docs/rubrics.md", draft.advanced(), 14,
                (d, v) -> d.edit(b -> b.advanced = v));
        advanced.getStyleClass().add("editor-yaml");
        advanced.setWrapText(false);

        showProblems();
        restoreFocus(focused);
        formScroll.layout();
        formScroll.setVvalue(scroll);
    }

    private Node dimensionBox(int index, DimensionDraft d, int count) {
        VBox box = new VBox();
        box.getStyleClass().add("editor-dimension");
        box.setId("dimension-" + index);
        Label title = new Label((index + 1) + ". " + d.name());
        title.getStyleClass().add("editor-dimension-title");
        title.setMinWidth(0);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button up = smallButton("Move up", "dimension-up-" + index, () -> viewModel.moveDimension(index, -1));
        up.setDisable(index == 0);
        Button down = smallButton("Move down", "dimension-down-" + index, () -> viewModel.moveDimension(index, 1));
        down.setDisable(index == count - 1);
        Button remove = smallButton("Remove", "dimension-remove-" + index, () -> viewModel.removeDimension(index));
        remove.setDisable(count == 1);
        HBox header = new HBox(title, spacer, up, down, remove);
        header.getStyleClass().add("editor-dimension-header");
        box.getChildren().add(header);
        Label whole = problemLabel("dimensions[" + index + "]");
        fields.put("dimensions[" + index + "]", new FieldNodes(null, whole));
        box.getChildren().add(whole);

        List<Node> parts = new ArrayList<>();
        parts.add(field(FieldPaths.dimension(index, "name"), "Name (a JSON key: letters, digits, _)",
                textInput(new TextField(d.name()), FieldPaths.dimension(index, "name"),
                        (x, v) -> x.editDimension(index, y -> y.withName(v)))));
        parts.add(field(FieldPaths.dimension(index, "display_name"), "Name for people (optional)",
                textInput(new TextField(d.displayName()), FieldPaths.dimension(index, "display_name"),
                        (x, v) -> x.editDimension(index, y -> y.withDisplayName(v)))));
        parts.add(field(FieldPaths.dimension(index, "question"), "Question (for the judge)",
                textInput(area(d.question(), 2), FieldPaths.dimension(index, "question"),
                        (x, v) -> x.editDimension(index, y -> y.withQuestion(v)))));
        parts.add(field(FieldPaths.dimension(index, "people_question"),
                "Question for people (optional)",
                textInput(area(d.peopleQuestion(), 2), FieldPaths.dimension(index, "people_question"),
                        (x, v) -> x.editDimension(index, y -> y.withPeopleQuestion(v)))));
        TextField scale = new TextField(d.scale());
        scale.setId(id(FieldPaths.dimension(index, "scale")));
        scale.setUserData(FieldPaths.dimension(index, "scale"));
        scale.setPrefColumnCount(8);
        scale.textProperty().addListener((obs, old, now) -> viewModel.editScale(index, now));
        TextField weight = new TextField(d.weight());
        weight.setPrefColumnCount(5);
        CheckBox dealBreaker = new CheckBox("Deal-breaker");
        dealBreaker.setSelected(d.dealBreaker());
        String dealBreakerPath = FieldPaths.dimension(index, "deal_breaker");
        dealBreaker.setId(id(dealBreakerPath));
        dealBreaker.setUserData(dealBreakerPath);
        dealBreaker.selectedProperty().addListener((obs, old, now) ->
                viewModel.edit(dealBreakerPath, x -> x.editDimension(index, y -> y.withDealBreaker(now))));
        fields.put(FieldPaths.dimension(index, "scale"), new FieldNodes(scale,
                problemLabel(FieldPaths.dimension(index, "scale"))));
        fields.put(dealBreakerPath, new FieldNodes(dealBreaker, problemLabel(dealBreakerPath)));
        HBox row = new HBox(12,
                wrap(FieldPaths.dimension(index, "scale"), "Scale (1-5, boolean, preference)", scale),
                field(FieldPaths.dimension(index, "weight"), "Weight",
                        textInput(weight, FieldPaths.dimension(index, "weight"),
                                (x, v) -> x.editDimension(index, y -> y.withWeight(v)))),
                wrap(dealBreakerPath, " ", dealBreaker));
        parts.add(row);
        String levelsPath = FieldPaths.dimension(index, "levels");
        Label levelsProblem = problemLabel(levelsPath);
        fields.put(levelsPath, new FieldNodes(null, levelsProblem));
        parts.add(levelsProblem);
        for (LevelText level : d.levels()) {
            String path = FieldPaths.level(index, level.key());
            parts.add(field(path, "Level " + level.key(), textInput(area(level.text(), 2), path,
                    (x, v) -> x.editDimension(index, y -> y.withLevel(level.key(), v)))));
        }
        parts.add(field(FieldPaths.dimension(index, "mandatory_rules"), "Mandatory rules (one per line; they override"
                + " the levels)", textInput(area(d.rules(), 2), FieldPaths.dimension(index, "mandatory_rules"),
                (x, v) -> x.editDimension(index, y -> y.withRules(v)))));
        box.getChildren().addAll(parts);
        return box;
    }

    private void section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("editor-section-title");
        form.getChildren().add(label);
    }

    private void textField(String path, String label, String value, BiFunction<RubricDraft, String, RubricDraft> change) {
        form.getChildren().add(field(path, label, textInput(new TextField(value), path, change)));
    }

    private TextArea textArea(String path, String label, String value, int rows,
                              BiFunction<RubricDraft, String, RubricDraft> change) {
        TextArea area = area(value, rows);
        form.getChildren().add(field(path, label, textInput(area, path, change)));
        return area;
    }

    private Node smallField(String path, String label, String value, BiFunction<RubricDraft, String, RubricDraft> change) {
        TextField field = new TextField(value);
        field.setPrefColumnCount(6);
        return field(path, label, textInput(field, path, change));
    }

    private static TextArea area(String value, int rows) {
        TextArea area = new TextArea(value);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        return area;
    }

    private <T extends TextInputControl> T textInput(T control, String path,
                                                    BiFunction<RubricDraft, String, RubricDraft> change) {
        control.setId(id(path));
        control.setUserData(path);
        control.textProperty().addListener((obs, old, now) -> viewModel.edit(path, d -> change.apply(d, now)));
        fields.put(path, new FieldNodes(control, problemLabel(path)));
        return control;
    }

    private Node choice(String path, String label, List<String> options, String value,
                        BiFunction<RubricDraft, String, RubricDraft> change) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(options);
        if (!options.contains(value)) {
            box.getItems().add(value);
        }
        box.setValue(value);
        box.setId(id(path));
        box.setUserData(path);
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.edit(path, d -> change.apply(d, now));
            }
        });
        fields.put(path, new FieldNodes(box, problemLabel(path)));
        return field(path, label, box);
    }

    private void checkBox(String path, String label, boolean value, BiFunction<RubricDraft, Boolean, RubricDraft> change) {
        CheckBox box = new CheckBox(label);
        box.setSelected(value);
        box.setId(id(path));
        box.setUserData(path);
        box.selectedProperty().addListener((obs, old, now) -> viewModel.edit(path, d -> change.apply(d, now)));
        fields.put(path, new FieldNodes(box, problemLabel(path)));
        form.getChildren().add(field(path, null, box));
    }

    /** A labelled field with its problem label under it. */
    private VBox field(String path, String label, Control control) {
        return wrap(path, label, control);
    }

    private VBox wrap(String path, String label, Control control) {
        VBox box = new VBox();
        box.getStyleClass().add("editor-field");
        if (label != null) {
            Label caption = new Label(label);
            caption.getStyleClass().add("editor-field-label");
            caption.setLabelFor(control);
            box.getChildren().add(caption);
        }
        box.getChildren().add(control);
        FieldNodes nodes = fields.get(path);
        if (nodes != null) {
            box.getChildren().add(nodes.problem());
        }
        HBox.setHgrow(box, Priority.SOMETIMES);
        return box;
    }

    private Label problemLabel(String path) {
        Label label = new Label();
        label.setId("problem-" + id(path).substring("field-".length()));
        label.getStyleClass().add("field-problem");
        label.setWrapText(true);
        label.setVisible(false);
        label.setManaged(false);
        return label;
    }

    private static Button smallButton(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("editor-small-button");
        button.setFocusTraversable(false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Node id of the control editing {@code path}: {@code dimensions[0].levels.3} -> {@code field-dimensions-0-levels-3}. */
    static String id(String path) {
        String cleaned = path.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("^-|-$", "");
        return "field-" + cleaned;
    }

    /** Marks each field with its problem, or clears the mark. */
    void showProblems() {
        Map<String, String> problems = viewModel.problems();
        fields.forEach((path, nodes) -> {
            String message = problems.get(path);
            boolean bad = message != null;
            nodes.problem().setText(bad ? message : "");
            nodes.problem().setVisible(bad);
            nodes.problem().setManaged(bad);
            if (nodes.control() != null) {
                nodes.control().getStyleClass().remove("field-invalid");
                if (bad) {
                    nodes.control().getStyleClass().add("field-invalid");
                }
            }
        });
    }

    private String focusedField() {
        if (form.getScene() == null) {
            return null;
        }
        Node focus = form.getScene().getFocusOwner();
        while (focus != null && !(focus.getUserData() instanceof String)) {
            focus = focus.getParent();
        }
        return focus == null ? null : (String) focus.getUserData();
    }

    private void restoreFocus(String path) {
        if (path == null) {
            return;
        }
        FieldNodes nodes = fields.get(path);
        if (nodes != null && nodes.control() != null) {
            nodes.control().requestFocus();
            if (nodes.control() instanceof TextInputControl text) {
                text.positionCaret(text.getLength());
            }
        }
    }
}
