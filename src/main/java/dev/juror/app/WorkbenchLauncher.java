package dev.juror.app;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;

/**
 * Starts the JavaFX workbench. A separate class keeps {@link dev.juror.Main} free of JavaFX.
 *
 * <p>A start that cannot open a window (no display, no GTK 3) ends with one sentence on standard
 * error and exit code 2, never a stack trace. Started as {@code java -jar juror.jar}, it runs the
 * workbench in a child JVM with JavaFX on the module path ({@link WorkbenchJvm}).
 */
public final class WorkbenchLauncher {

    /** Exit code of a start that cannot open a window, as for refused input on the command line. */
    static final int CANNOT_OPEN_WINDOW = 2;

    private WorkbenchLauncher() {
    }

    /**
     * Opens the workbench and returns when it is closed.
     *
     * @param err where the one sentence of a start that cannot open a window goes ({@link dev.juror.Main}
     *            passes standard error: the workbench itself logs through SLF4J)
     * @return the exit code: 0 after the window closed, {@value #CANNOT_OPEN_WINDOW} when none could open,
     *         or the child JVM's exit code
     */
    public static int launch(String[] args, PrintStream err) {
        Optional<String> problem = DisplayProblem.beforeStart(System.getProperty("os.name"), System.getenv(),
                System.getProperty("glass.platform"));
        if (problem.isPresent()) {
            err.println(problem.get());
            return CANNOT_OPEN_WINDOW;
        }
        Optional<List<String>> child = WorkbenchJvm.relaunchCommandForThisJvm(args);
        if (child.isPresent()) {
            return runChild(child.get(), err);
        }
        try {
            Application.launch(JurorApp.class, args);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            err.println(DisplayProblem.of(e));
            return CANNOT_OPEN_WINDOW;
        }
    }

    private static int runChild(List<String> command, PrintStream err) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            // Ending this JVM (a signal, a service manager) ends the workbench with it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "workbench-child-stop"));
            return process.waitFor();
        } catch (IOException e) {
            err.println("The workbench could not start its Java process (" + e.getMessage() + ").");
            return CANNOT_OPEN_WINDOW;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CANNOT_OPEN_WINDOW;
        }
    }
}
