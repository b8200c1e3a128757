package dev.juror.app.rubric;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on a {@link PauseTransition}: the action runs on the FX thread after the pause. */
public final class FxDebouncer implements Debouncer {

    private final PauseTransition pause;

    public FxDebouncer(Duration delay) {
        this.pause = new PauseTransition(delay);
    }

    @Override
    public void trigger(Runnable action) {
        pause.setOnFinished(event -> action.run());
        pause.playFromStart();
    }
}
