package dev.juror.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppOptionsTest {

    @Test
    void argumentsNameTheWorkspaceAndTheSettingsFile() {
        AppOptions options = AppOptions.from(List.of("--workspace", "/tmp/w", "--settings=/tmp/s.json"));
        assertThat(options.workspace()).contains(Path.of("/tmp/w"));
        assertThat(options.settingsFile()).isEqualTo(Path.of("/tmp/s.json"));
    }

    @Test
    void withoutArgumentsTheWorkspaceIsLeftToTheSettingsAndTheDefault() {
        String before = System.getProperty(AppOptions.WORKSPACE_PROPERTY);
        System.clearProperty(AppOptions.WORKSPACE_PROPERTY);
        try {
            AppOptions options = AppOptions.from(List.of());
            assertThat(options.workspace()).isEmpty();
            assertThat(options.settingsFile().getFileName()).hasToString("settings.json");
        } finally {
            if (before != null) {
                System.setProperty(AppOptions.WORKSPACE_PROPERTY, before);
            }
        }
    }
}
