package dev.juror.app.review;

import dev.juror.app.workspace.RubricChoice;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/**
 * A rubric in the desk's chooser by its name alone ("contract-review"), so the box fits the toolbar
 * at large fonts; the version is added only where two files share a name, and the file and version
 * are in the tooltip.
 */
final class RubricCell extends ListCell<RubricChoice> {

    @Override
    protected void updateItem(RubricChoice choice, boolean empty) {
        super.updateItem(choice, empty);
        if (empty || choice == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(shown(choice, getListView() == null ? List.of() : getListView().getItems()));
        setTooltip(new Tooltip(choice.fileName() + ", version " + choice.version()));
    }

    /** The rubric's name, with its version when another choice has the same name. */
    static String shown(RubricChoice choice, List<RubricChoice> all) {
        String name = choice.rubric().name();
        boolean shared = all.stream().anyMatch(other -> other != choice && other.rubric().name().equals(name));
        return shared ? choice.toString() : name;
    }
}
