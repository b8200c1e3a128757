package dev.juror.cli;

import dev.juror.export.EventSize;
import dev.juror.export.ExportSample;
import dev.juror.export.SampleSources;
import dev.juror.export.VerdictSource;
import dev.juror.export.WorkspaceVerdictSource;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.Workspace;
import dev.juror.store.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What the export commands share: the workspace (verdicts, samples) and sample files. */
final class ExportSupport {

    private ExportSupport() {
    }

    /** Runs {@code action} with the workspace's verdicts, or with none when the workspace does not exist. */
    static <T> T withVerdicts(Path workspaceDir, Function<VerdictSource, T> action) {
        if (workspaceDir == null || !Files.isDirectory(workspaceDir)) {
            return action.apply(VerdictSource.none());
        }
        try (Workspace workspace = Workspace.open(workspaceDir)) {
            return action.apply(new WorkspaceVerdictSource(new CalibrationRepository(workspace)));
        } catch (WorkspaceException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /**
     * Event bytes per sample of every sample in {@code --samples FILE}, else in the workspace (when it
     * exists), else unmeasured.
     */
    static EventSize eventSize(Optional<Path> file, Path workspaceDir) {
        if (file.isPresent()) {
            try {
                return EventSize.of(SampleSources.fromFile(file.get()));
            } catch (IOException e) {
                throw new UserInputException("--samples: " + e.getMessage(), e);
            }
        }
        if (workspaceDir != null && Files.isDirectory(workspaceDir)) {
            try (Workspace workspace = Workspace.open(workspaceDir)) {
                return SampleSources.eventSize(workspace);
            } catch (WorkspaceException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        return EventSize.UNMEASURED;
    }

    /** Samples from {@code --samples FILE}, else from the workspace (when it exists), else none. */
    static List<ExportSample> samples(Optional<Path> file, Path workspaceDir, int limit) {
        if (file.isPresent()) {
            try {
                return SampleSources.fromFile(file.get());
            } catch (IOException e) {
                throw new UserInputException("--samples: " + e.getMessage(), e);
            }
        }
        if (workspaceDir != null && Files.isDirectory(workspaceDir)) {
            try (Workspace workspace = Workspace.open(workspaceDir)) {
                return SampleSources.fromWorkspace(workspace, limit);
            } catch (WorkspaceException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        return List.of();
    }
}
