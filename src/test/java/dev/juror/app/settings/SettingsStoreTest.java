package dev.juror.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.juror.testing.CapturedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path folder;

    @Test
    void aMissingFileGivesTheDefaults() {
        assertThat(new SettingsStore(folder.resolve("none/settings.json")).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void settingsSurviveARoundTripAndLeaveNoTemporaryFile() throws Exception {
        Path file = folder.resolve("conf/settings.json");
        Settings settings = Settings.defaults().withLabeller("  Ann Lee ").withRecentWorkspace("/a")
                .withRecentWorkspace("/b").withRecentWorkspace("/a")
                .withPreferences(Theme.DARK, 16, 12, "eu-west-1", "legal", "http://localhost:9000/v1")
                .withWindow(new WindowLayout(10, 20, 1300, 800, false))
                .withDividers("review.desk", List.of(0.3, 0.6));
        new SettingsStore(file).save(settings);

        Settings read = new SettingsStore(file).load();
        assertThat(read).isEqualTo(settings);
        assertThat(read.labeller()).isEqualTo("Ann Lee");
        assertThat(read.recentWorkspaces()).containsExactly("/a", "/b");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.readString(file)).contains("\"labeller\" : \"Ann Lee\"").doesNotContain("secret")
                .doesNotContain("password");
    }

    @Test
    void anUnreadableFileIsMovedAsideAndDefaultsAreUsed() throws Exception {
        Path file = folder.resolve("settings.json");
        Files.writeString(file, "{ not json");
        try (CapturedLog log = CapturedLog.of(SettingsStore.class)) {
            assertThat(new SettingsStore(file).load()).isEqualTo(Settings.defaults());
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("cannot be read");
        }
        assertThat(folder.resolve("settings.json.unreadable")).hasContent("{ not json");
        assertThat(file).doesNotExist();
    }

    @Test
    void outOfRangeValuesFallBackToDefaultsAndUnknownKeysAreIgnored() throws Exception {
        Path file = folder.resolve("settings.json");
        Files.writeString(file, "{\"font_size\": 99, \"default_concurrency\": 0, \"theme\": \"DARK\", \"later\": 1}");
        Settings read = new SettingsStore(file).load();
        assertThat(read.fontSize()).isEqualTo(Settings.DEFAULT_FONT_SIZE);
        assertThat(read.defaultConcurrency()).isEqualTo(Settings.DEFAULT_CONCURRENCY);
        assertThat(read.theme()).isEqualTo(Theme.DARK);
        assertThat(read.window()).isEqualTo(WindowLayout.DEFAULT);
    }

    @Test
    void theRecentListKeepsTheNewestEight() {
        Settings settings = Settings.defaults();
        for (int i = 0; i < 12; i++) {
            settings = settings.withRecentWorkspace("/w" + i);
        }
        assertThat(settings.recentWorkspaces()).hasSize(Settings.MAX_RECENT).first().isEqualTo("/w11");
    }
}
