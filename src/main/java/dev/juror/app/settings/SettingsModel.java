package dev.juror.app.settings;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current settings as an observable value, saved on every change by one writer thread, so the
 * FX thread never waits for the disk and writes land in the order they were made.
 */
public final class SettingsModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SettingsModel.class);

    private final SettingsStore store;
    private final ReadOnlyObjectWrapper<Settings> current;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("juror-settings-writer").daemon(true).factory());

    public SettingsModel(SettingsStore store) {
        this.store = store;
        this.current = new ReadOnlyObjectWrapper<>(this, "settings", store.load());
    }

    public Settings get() {
        return current.get();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return current.getReadOnlyProperty();
    }

    /** Applies a change and saves it in the background. Call on the FX thread. */
    public void update(UnaryOperator<Settings> change) {
        Settings changed = change.apply(current.get());
        if (changed.equals(current.get())) {
            return;
        }
        current.set(changed);
        writer.execute(() -> {
            try {
                store.save(changed);
            } catch (IOException e) {
                log.warn("Could not save settings to {}", store.file(), e);
            }
        });
    }

    /** Waits for pending writes. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
