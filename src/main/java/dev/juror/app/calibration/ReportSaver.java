package dev.juror.app.calibration;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks where to save the HTML report; tests answer from a script because file choosers cannot run headless. */
@FunctionalInterface
public interface ReportSaver {

    Optional<Path> chooseReportFile(Window owner, String suggestedName);

    /** The platform's save dialog. */
    static ReportSaver fileChooser() {
        return (owner, suggestedName) -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Export the calibration report");
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("HTML report", "*.html"));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }
}
