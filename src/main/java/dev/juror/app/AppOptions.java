package dev.juror.app;

import dev.juror.app.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the workbench keeps its state, from the command line ({@code --workspace DIR},
 * {@code --settings FILE}) or system properties ({@code -Djuror.workspace=DIR},
 * {@code -Djuror.settings=FILE}); arguments win. Without either, the workspace is the last one
 * used, else {@code ~/Juror}, and settings live in {@code ~/.juror/settings.json}.
 *
 * @param workspace    the workspace to open, when given explicitly
 * @param settingsFile the settings file
 */
public record AppOptions(Optional<Path> workspace, Path settingsFile) {

    public static final String WORKSPACE_PROPERTY = "juror.workspace";

    public static AppOptions from(List<String> args) {
        Optional<Path> workspace = Optional.ofNullable(System.getProperty(WORKSPACE_PROPERTY))
                .filter(s -> !s.isBlank()).map(Path::of);
        Path settings = Optional.ofNullable(System.getProperty(SettingsStore.FILE_PROPERTY))
                .filter(s -> !s.isBlank()).map(Path::of).orElse(SettingsStore.defaultFile());
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (arg.equals("--workspace") && value != null) {
                workspace = Optional.of(Path.of(value));
                i++;
            } else if (arg.startsWith("--workspace=")) {
                workspace = Optional.of(Path.of(arg.substring("--workspace=".length())));
            } else if (arg.equals("--settings") && value != null) {
                settings = Path.of(value);
                i++;
            } else if (arg.startsWith("--settings=")) {
                settings = Path.of(arg.substring("--settings=".length()));
            }
        }
        return new AppOptions(workspace, settings);
    }
}
