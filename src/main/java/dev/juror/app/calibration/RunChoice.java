package dev.juror.app.calibration;

import dev.juror.store.StoredJudgeRun;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A judge run of the chosen rubric, offered with a check box. */
public final class RunChoice {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final StoredJudgeRun run;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    public RunChoice(StoredJudgeRun run, boolean selected) {
        this.run = run;
        this.selected.set(selected);
    }

    public long id() {
        return run.id();
    }

    public StoredJudgeRun run() {
        return run;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    @Override
    public String toString() {
        return "run-" + run.id() + " · " + run.model() + " · ×" + run.repeats() + " · " + WHEN.format(run.createdAt())
                + " UTC · " + run.statusText();
    }
}
