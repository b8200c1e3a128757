package dev.juror.app.tasks;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A listed task as the status bar shows it. Progress is in [0, 1], or -1 while unknown. */
public interface RunningTask {

    String title();

    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    void requestCancel();
}
