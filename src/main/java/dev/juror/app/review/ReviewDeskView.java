package dev.juror.app.review;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.dataset.MatchStatus;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.LoggerFactory;

/**
 * Code-behind of {@code ReviewDeskView.fxml}: binds the three panes and the labelling panel to the
 * {@link ReviewDeskViewModel} and turns keys into its commands. One key filter on the whole desk,
 * so the keys work wherever the focus is on the desk, except in the note field (where typing is text).
 */
public final class ReviewDeskView {

    @FXML private BorderPane root;
    @FXML private ComboBox<RubricChoice> rubricChoice;
    @FXML private ComboBox<QueueChoice> filterChoice;
    @FXML private ComboBox<String> sampleChoice;
    @FXML private Label rolloutTitle;
    @FXML private CheckBox blindToggle;
    @FXML private javafx.scene.control.TabPane formTabs;
    @FXML private javafx.scene.control.Tab judgeTab;
    @FXML private VBox judgePanelHost;
    @FXML private VBox adjudicationHost;
    @FXML private javafx.scene.control.Tab missedTab;
    @FXML private VBox missedHost;
    @FXML private Label progressLabel;
    @FXML private Label queuePosition;
    @FXML private SplitPane deskSplit;
    @FXML private SplitPane formSplit;
    @FXML private StackPane targetHost;
    @FXML private StackPane referenceHost;
    @FXML private Label predictionTitle;
    @FXML private ScrollPane commentScroll;
    @FXML private VBox commentList;
    @FXML private VBox unparsedBox;
    @FXML private Label parseError;
    @FXML private TextArea rawPrediction;
    @FXML private HBox labelPanel;
    @FXML private Label itemTitle;
    @FXML private VBox dimensionRows;
    @FXML private VBox levelSheet;
    @FXML private Label levelQuestion;
    @FXML private TextField noteField;
    @FXML private CheckBox flagToggle;
    @FXML private Label deskMessage;

    private final ReviewDeskViewModel viewModel;
    private final BackgroundTasks tasks;
    private final ReadOnlyIntegerWrapper documentsShown = new ReadOnlyIntegerWrapper(this, "documentsShown");
    private OpenedRollout shownRollout;
    private final DocumentPane target = new DocumentPane("targetDocument");
    private final DocumentPane reference = new DocumentPane("referenceDocument");
    private final ReferenceOutline outline = new ReferenceOutline(reference, this::focusPanel);
    private boolean swallowTypedN;
    private CardScroller cardScroller;
    private PairDeskSwitch pairSwitch;

    public ReviewDeskView(ReviewDeskViewModel viewModel, BackgroundTasks tasks) {
        this.viewModel = viewModel;
        this.tasks = tasks;
    }

    @FXML
    private void initialize() {
        root.setId("reviewDesk");
        targetHost.getChildren().add(target.node());
        referenceHost.getChildren().add(outline.node());
        outline.citations().addListener((obs, old, now) -> rebuildCards()); // citations become links
        bindToolbar();
        bindCards();
        new LabelPanel(viewModel.labelForm(), dimensionRows, levelSheet, levelQuestion);
        new JudgePanel(viewModel.judgePanel(), judgePanelHost);
        viewModel.judgeTabRequestsProperty().addListener((obs, old, now) ->
                formTabs.getSelectionModel().select(judgeTab));
        new AdjudicationPanel(viewModel.adjudication(), adjudicationHost);
        new MissedIssuesPanel(viewModel.missedIssues(), missedHost);
        formTabs.setId("formTabs");
        formTabs.setFocusTraversable(false);
        noteField.textProperty().bindBidirectional(viewModel.noteProperty());
        flagToggle.selectedProperty().bindBidirectional(viewModel.flaggedProperty());
        viewModel.noteFocusRequestsProperty().addListener((obs, old, now) -> noteField.requestFocus());
        deskMessage.textProperty().bind(viewModel.messageProperty());
        deskMessage.setId("deskMessage");
        deskMessage.managedProperty().bind(deskMessage.textProperty().isNotEmpty()); // no gap before the counts
        viewModel.currentProperty().addListener((obs, old, now) -> showRollout(now));
        viewModel.highlightProperty().addListener((obs, old, now) -> showHighlight(now));
        viewModel.selectedProperty().addListener((obs, old, now) -> showSelection(now.intValue()));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // N moves the focus to the note on KEY_PRESSED; its KEY_TYPED must not land in the note.
        root.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowTypedN && event.getCharacter().equalsIgnoreCase("n")) {
                event.consume();
            }
            swallowTypedN = false;
        });
        // Clicking anywhere on the desk outside the note and the judge/adjudication tabs returns the keys to the
        // labelling panel.
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, event -> {
            // The judge and adjudication tabs keep the focus they take (a choice list, the reason, the raw answer).
            if (!(event.getTarget() instanceof Node node) || !(isInside(node, noteField)
                    || isInside(node, judgePanelHost) || isInside(node, adjudicationHost) || isInside(node, missedHost)
                    || isInside(node, target.node()))) {
                Platform.runLater(this::focusPanel);
            }
        });
    }

    private void bindToolbar() {
        rubricChoice.setId("rubricChoice");
        pairSwitch = new PairDeskSwitch(root, rubricChoice, viewModel);   // lists pairwise rubrics too
        filterChoice.setId("filterChoice");
        QueueBox.bind(filterChoice, viewModel.queueChoices(), viewModel.judgePanel());
        sampleChoice.setId("sampleChoice");
        sampleChoice.setItems(viewModel.samples());
        sampleChoice.valueProperty().bindBidirectional(viewModel.sampleProperty());
        blindToggle.setId("blindToggle");
        blindToggle.selectedProperty().bindBidirectional(viewModel.blindProperty());
        progressLabel.setId("progressLabel");
        progressLabel.textProperty().bind(viewModel.progressProperty());
        rolloutTitle.setId("rolloutTitle");
        rolloutTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            OpenedRollout open = viewModel.currentProperty().get();
            return open == null ? "" : open.entry().title();
        }, viewModel.currentProperty()));
        // Beside "n of m comments labelled by you", so each count says what it counts.
        queuePosition.setId("queuePosition");
        queuePosition.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            OpenedRollout open = viewModel.currentProperty().get();
            int position = viewModel.queuePositionProperty().get();
            return open == null ? "" : "Rollout " + (position + 1) + " of " + viewModel.queue().size()
                    + " in this queue";
        }, viewModel.currentProperty(), viewModel.queuePositionProperty(), viewModel.queue()));
        rubricChoice.setButtonCell(new RubricCell());
        rubricChoice.setCellFactory(list -> new RubricCell());
    }

    private void bindCards() {
        commentList.setId("commentList");
        cardScroller = new CardScroller(commentScroll, commentList);
        viewModel.cards().addListener((ListChangeListener<CommentCard>) change -> rebuildCards());
        labelPanel.setId("labelPanel");
        noteField.setId("noteField");
        flagToggle.setId("flagToggle");
        rawPrediction.setId("rawPrediction");
        parseError.setId("parseError");
        unparsedBox.setId("unparsedBox");
    }

    private void rebuildCards() {
        RubricChoice chosen = viewModel.rubricProperty().get();
        CommentCardView cards = new CommentCardView(chosen == null ? List.of() : chosen.rubric().dimensions(),
                new CitedText(outline.citations().get(), outline::goTo));
        List<Node> built = new java.util.ArrayList<>();
        for (int i = 0; i < viewModel.cards().size(); i++) {
            VBox card = cards.build(viewModel.cards().get(i));
            int index = i;
            card.setOnMouseClicked(event -> viewModel.selectCard(index));
            built.add(card);
        }
        commentList.getChildren().setAll(built);
        showSelection(viewModel.selectedProperty().get());
    }

    private void showRollout(OpenedRollout opened) {
        shownRollout = null;
        if (opened == null) {
            showDocuments(null, new Documents(DocumentPane.prepare("", List.of()), ReferenceOutline.prepare("", List.of())));
            unparsedBox.setVisible(false);
            itemTitle.setText("");
            return;
        }
        boolean unparsed = !opened.parsed();
        unparsedBox.setVisible(unparsed);
        commentScroll.setVisible(!unparsed);
        parseError.setText(unparsed ? "The prediction could not be parsed into comments: "
                + opened.rollout().parseError() : "");
        rawPrediction.setText(unparsed ? opened.rollout().prediction() : "");
        predictionTitle.setText("Prediction \u00B7 " + opened.items().size() + (opened.items().size() == 1
                ? " item" : " items"));
        focusPanel();
        // Building the styled model of a 300 KB contract takes longer than a frame: do it off the FX thread.
        tasks.runQuietly(progress -> prepareDocuments(opened), documents -> {
            if (viewModel.currentProperty().get() == opened) {
                showDocuments(opened, documents);
            }
        }, failure -> LoggerFactory.getLogger(ReviewDeskView.class).warn("Cannot show the documents", failure));
    }

    private record Documents(DocumentPane.Prepared target, DocumentPane.Prepared reference) {
    }

    private static Documents prepareDocuments(OpenedRollout opened) {
        List<int[]> inTarget = opened.items().stream().map(ReviewItem::location)
                .filter(l -> l != null && l.status().inTarget()).map(l -> new int[] {l.start(), l.end()}).toList();
        List<int[]> inReference = opened.items().stream().map(ReviewItem::location)
                .filter(l -> l != null && l.status() == MatchStatus.IN_REFERENCE)
                .map(l -> new int[] {l.start(), l.end()}).toList();
        return new Documents(DocumentPane.prepare(opened.target(), inTarget),
                ReferenceOutline.prepare(opened.reference(), inReference));
    }

    private void showDocuments(OpenedRollout opened, Documents documents) {
        target.show(documents.target());
        reference.show(documents.reference());
        shownRollout = opened;
        showHighlight(viewModel.highlightProperty().get());
        documentsShown.set(documentsShown.get() + 1);
    }

    /** Counts documents swapped into the panes (the responsiveness benchmark waits on it). */
    public ReadOnlyIntegerProperty documentsShownProperty() {
        return documentsShown.getReadOnlyProperty();
    }

    private void showSelection(int index) {
        List<Node> cards = commentList.getChildren();
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).getStyleClass().remove("comment-card-selected");
            if (i == index) {
                cards.get(i).getStyleClass().add("comment-card-selected");
            }
        }
        OpenedRollout open = viewModel.currentProperty().get();
        if (index < 0 || index >= cards.size() || open == null || index >= open.items().size()) {
            itemTitle.setText("");
            return;
        }
        cardScroller.show(cards.get(index));
        ReviewItem item = open.items().get(index);
        itemTitle.setText(item.isResponse() ? "Label the whole response"
                : "Label " + item.commentId() + "  (" + (index + 1) + " of " + open.items().size() + ")");
    }

    private void showHighlight(Highlight highlight) {
        if (shownRollout == null || shownRollout != viewModel.currentProperty().get()) {
            return; // the documents are still being prepared; they apply the highlight when shown
        }
        if (highlight == null) {
            target.clearSelection();
            reference.clearSelection();
            return;
        }
        DocumentPane shown = highlight.document() == Highlight.Document.TARGET ? target : reference;
        DocumentPane other = shown == target ? reference : target;
        other.clearSelection();
        shown.select(highlight.start(), highlight.end());
    }

    private void onKey(KeyEvent event) {
        if (event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShortcutDown()) {
            return; // window shortcuts (Ctrl+1..6, ...) pass through
        }
        if (pairSwitch.onKey(event)) {
            return; // a pairwise rubric is chosen: the pairwise desk has the keys
        }
        KeyCode code = event.getCode();
        if (noteField.isFocused()) {
            if (code == KeyCode.ENTER) {
                viewModel.submit();
                focusPanel();
                event.consume();
            } else if (code == KeyCode.ESCAPE || code == KeyCode.TAB) {
                focusPanel();
                event.consume();
            }
            return;
        }
        if (isInsideCombo(event) || event.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return; // a choice list, or a text being typed (the adjudication's reason), keeps its keys
        }
        if (code.isNavigationKey() && event.getTarget() instanceof Node node && isInside(node, target.node())) {
            return; // in the contract, the arrows (with Shift) select a passage for a missed issue
        }
        boolean handled = true;
        if (code.isDigitKey()) {
            viewModel.typeDigit(digitOf(code));
        } else if (code == KeyCode.TAB) {
            viewModel.moveFocus(event.isShiftDown() ? -1 : 1);
        } else if (code == KeyCode.DOWN) {
            viewModel.moveFocus(1);
        } else if (code == KeyCode.UP) {
            viewModel.moveFocus(-1);
        } else if (code == KeyCode.ENTER) {
            viewModel.submit();
        } else if (code == KeyCode.N) {
            swallowTypedN = true;
            viewModel.focusNote();
        } else if (code == KeyCode.J) {
            viewModel.nextRollout();
        } else if (code == KeyCode.K) {
            viewModel.previousRollout();
        } else if (code == KeyCode.F) {
            viewModel.toggleFlag();
        } else if (code == KeyCode.M) {
            int[] selection = target.userSelection().orElse(new int[] {-1, -1});
            viewModel.missedIssues().takeSelection(selection[0], selection[1]);
            formTabs.getSelectionModel().select(missedTab);
        } else if (code == KeyCode.V) {
            formTabs.getSelectionModel().select(judgeTab.isSelected() ? 0 : 1);
        } else if (code == KeyCode.PAGE_DOWN) {
            viewModel.nextCard();
        } else if (code == KeyCode.PAGE_UP) {
            viewModel.previousCard();
        } else if (code == KeyCode.G) {
            outline.open();
        } else {
            handled = false;
        }
        if (handled) {
            event.consume();
        }
    }

    private static int digitOf(KeyCode code) {
        String name = code.getName(); // "1" for DIGIT1, "Numpad 1" for NUMPAD1
        return Character.digit(name.charAt(name.length() - 1), 10);
    }

    private boolean isInsideCombo(Event event) {
        for (Node n = event.getTarget() instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ComboBoxBase<?>) {
                return true; // the toolbar's choices and the reference's "Go to section"
            }
        }
        return false;
    }

    private static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    @FXML
    private void onSubmit() {
        viewModel.submit();
        focusPanel();
    }

    /** Gives the keyboard to the labelling panel (done when a rollout opens and after a submit). */
    public void focusPanel() {
        labelPanel.requestFocus();
    }

    public Node root() {
        return root;
    }

    /** The split panes whose divider positions the window remembers, by name. */
    public Map<String, SplitPane> splitPanes() {
        return Map.of("review.desk", deskSplit, "review.form", formSplit);
    }
}
