package dev.juror.app.judge;

import dev.juror.judge.run.RunProgress;
import java.time.Duration;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The run in progress as the screen shows it: running or cancelling, the progress bar and the
 * counts line (for a batch run, the job's stage: its status and records processed). The FX thread only copies numbers in: the text comes pre-formatted in a
 * {@link Shown}, built on the run's delivery thread.
 */
public final class RunProgressViewModel {

    /**
     * A progress snapshot with its text already formatted, on the run's delivery thread: number
     * formatting (and the first use of locale data) stays off the FX thread, which only copies values.
     */
    record Shown(RunProgress progress, String countsText, String statusText, String eta) {
        static Shown of(RunProgress p) {
            String eta = p.eta().filter(d -> p.done() < p.total()).map(RunProgressViewModel::duration).orElse("");
            long tokens = p.batch().usage().inputTokens() + p.batch().usage().outputTokens();
            String counts = String.format(Locale.ROOT, "%d/%d done · %d failed · %d throttled · %d retried · %,d tokens%s",
                    p.done(), p.total(), p.failed(), p.throttled(), p.retries(), tokens,
                    eta.isEmpty() ? "" : " · ETA " + eta);
            if (!p.stage().isEmpty()) {
                // A batch job is not a stream of calls: its status and records processed say more than
                // calls in flight, throttles or an ETA.
                return new Shown(p, p.stage(), p.stage(), "");
            }
            return new Shown(p, counts, p.done() + "/" + p.total(), eta);
        }
    }

    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty cancelling = new SimpleBooleanProperty(this, "cancelling");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final IntegerProperty done = new SimpleIntegerProperty(this, "done");
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
    private final IntegerProperty failed = new SimpleIntegerProperty(this, "failed");
    private final LongProperty throttled = new SimpleLongProperty(this, "throttled");
    private final LongProperty retried = new SimpleLongProperty(this, "retried");
    private final LongProperty tokens = new SimpleLongProperty(this, "tokens");
    private final StringProperty eta = new SimpleStringProperty(this, "eta", "");
    private final StringProperty countsText = new SimpleStringProperty(this, "countsText", "");
    private final LongProperty progressUpdates = new SimpleLongProperty(this, "progressUpdates");

    /** A run is starting: zero counts, running, not cancelling. */
    void starting() {
        running.set(true);
        cancelling.set(false);
        progress.set(0); // not indeterminate: its animation costs frames in the software pipeline
        done.set(0);
        total.set(0);
        failed.set(0);
        throttled.set(0);
        retried.set(0);
        tokens.set(0);
        eta.set("");
        countsText.set("Starting…");
    }

    /** The run has stopped, however it ended. */
    void stopped() {
        running.set(false);
        cancelling.set(false);
    }

    void show(Shown shown) {
        RunProgress p = shown.progress();
        progressUpdates.set(progressUpdates.get() + 1);
        done.set(p.done());
        total.set(p.total());
        failed.set(p.failed());
        throttled.set(p.throttled());
        retried.set(p.retries());
        tokens.set(p.batch().usage().inputTokens() + p.batch().usage().outputTokens());
        progress.set(p.total() == 0 ? 0 : (double) p.done() / p.total());
        eta.set(shown.eta());
        countsText.set(shown.countsText());
    }

    static String duration(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty cancellingProperty() { return cancelling; }
    public DoubleProperty progressProperty() { return progress; }
    public IntegerProperty doneProperty() { return done; }
    public IntegerProperty totalProperty() { return total; }
    public IntegerProperty failedProperty() { return failed; }
    public LongProperty throttledProperty() { return throttled; }
    public LongProperty retriedProperty() { return retried; }
    public LongProperty tokensProperty() { return tokens; }
    public StringProperty etaProperty() { return eta; }
    /** "done/total · failed · throttled · retried · tokens · ETA", formatted off the FX thread. */
    public StringProperty countsTextProperty() { return countsText; }
    /** How many progress snapshots reached the screen (for tests and the benchmark). */
    public LongProperty progressUpdatesProperty() { return progressUpdates; }
}
