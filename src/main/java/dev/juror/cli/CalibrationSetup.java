package dev.juror.cli;

import dev.juror.calibration.CalibrationEngine;
import dev.juror.calibration.CalibrationInput;
import dev.juror.calibration.CalibrationReport;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.Scales;
import dev.juror.calibration.drift.DriftMonitor;
import dev.juror.calibration.drift.DriftReport;
import dev.juror.calibration.drift.DriftSettings;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.views.ModelComparison;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import dev.juror.store.CalibrationDataLoader;
import dev.juror.store.JudgeRunLoader;
import dev.juror.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Loads a rubric's labels and judge runs from a workspace and runs the calibration engine. */
final class CalibrationSetup {

    record Result(Rubric rubric, String version, CalibrationReport report, CalibrationDataLoader.HumanLabels labels,
                  Map<String, List<ModelComparison.ModelRow>> models, DriftReport drift, List<String> notes) {
    }

    private CalibrationSetup() {
    }

    static Rubric rubric(Path file, PrintWriter err) {
        Rubric rubric = RubricFiles.load(file, err)
                .orElseThrow(() -> new UserInputException(file + ": the rubric has problems (listed above); fix them first"));
        if (rubric.mode() == Mode.PAIRWISE) {
            throw new UserInputException(file + ": rubric " + rubric.name() + " is pairwise; calibrate works on pointwise"
                    + " rubrics (pairwise calibration is available through the engine API)");
        }
        return rubric;
    }

    static Result run(Workspace workspace, Rubric rubric, List<String> runIds, BootstrapConfig config, int k) {
        String version = CanonicalForm.version(rubric);
        CalibrationDataLoader.HumanLabels labels = new CalibrationDataLoader(workspace).humanLabels(rubric);
        JudgeRunLoader loader = new JudgeRunLoader(workspace);
        List<JudgeRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<ModelComparison.ModelRow>> models = new LinkedHashMap<>();
        for (String text : runIds) {
            OptionalLong id = JudgeRunLoader.parseId(text);
            if (id.isEmpty() || loader.find(id.getAsLong()).isEmpty()) {
                throw new UserInputException("--run " + text + ": no such judge run in " + workspace.directory()
                        + "; list the runs with juror runs");
            }
            JudgeRunLoader.Loaded loaded = loader.load(id.getAsLong(), Scales.of(rubric));
            if (!loaded.stored().rubricName().equals(rubric.name())) {
                throw new UserInputException("--run " + text + " judged rubric " + loaded.stored().rubricName()
                        + ", not " + rubric.name());
            }
            if (loaded.offScale() > 0) {
                notes.add(loaded.run().id() + ": " + loaded.offScale() + " scores off the rubric's scale were left out");
            }
            if (!loaded.run().rubricVersion().equals(version)) {
                notes.add(loaded.run().id() + " was made with rubric version " + loaded.run().rubricVersion()
                        + "; the file is version " + version);
            }
            runs.add(loaded.run());
            models.put(loaded.run().id(), ModelComparison.compare(loader.outcomes(id.getAsLong(), rubric),
                    rubric.scale().min(), k, config));
        }
        if (labels.judgeVisible() > 0) {
            notes.add(labels.judgeVisible() + " labels given while the judge's score was visible were left out");
        }
        if (labels.offScale() > 0) {
            notes.add(labels.offScale() + " labels with a score off the rubric's scale were left out");
        }
        CalibrationInput input = new CalibrationInput(rubric, version, labels.ratings(), runs);
        CalibrationReport report = new CalibrationEngine(config).calibrate(input);
        DriftReport drift = runs.size() < 2 ? null
                : new DriftMonitor(Scales.of(rubric), config, DriftSettings.defaults())
                .analyse(runs, labels.ratings(), rubric.dimensionNames(), null);
        return new Result(rubric, version, report, labels, models, drift, notes);
    }
}
