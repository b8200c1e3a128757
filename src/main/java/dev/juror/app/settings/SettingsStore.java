package dev.juror.app.settings;

import dev.juror.io.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json}. A write goes to a temporary sibling that is then moved
 * over the file, so a crash mid-write leaves the old settings, never half a file. An unreadable
 * file is moved aside (to {@code settings.json.unreadable}) and defaults are used, so a bad edit
 * never stops the workbench from starting.
 */
public final class SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    /** System property naming the settings file (tests and portable installs). */
    public static final String FILE_PROPERTY = "juror.settings";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** {@code ~/.juror/settings.json}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".juror", "settings.json");
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            Settings settings = json.readValue(file.toFile(), Settings.class);
            return settings == null ? Settings.defaults() : settings;
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            log.warn("Settings file {} cannot be read ({}); moved to {} and using defaults", file, e.getMessage(),
                    aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailure) {
                log.warn("Could not move {} aside", file, moveFailure);
            }
            return Settings.defaults();
        }
    }

    /** Writes the settings atomically. Safe to call from any thread; writes are serialised. */
    public synchronized void save(Settings settings) throws IOException {
        AtomicFiles.writeBytes(file, out -> json.writeValue(out, settings));
    }
}
