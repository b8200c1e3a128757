package dev.juror.bench;

import dev.juror.app.review.QueueFilter;
import dev.juror.app.review.ReviewData;
import dev.juror.app.review.ReviewDeskView;
import dev.juror.app.review.ReviewDeskViewModel;
import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.FxBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Opening a sample on the review desk: from the J key (openAt) to the first layout pulse after the
 * 300 KB contract is shown with its 40 excerpts located and shaded and the first one highlighted
 * (the view counts documents shown; the highlight is applied in the same FX step).
 * Every open is of another sample than the last {@value #CACHE_DEFEAT} (the desk caches four), so
 * each one reads the contract from H2, builds the excerpt index and replaces the document.
 * Headless (Monocle, software rendering), real background threads. Target: under 300 ms.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
    "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Xmx2g"})
@State(Scope.Benchmark)
public class ReviewDeskOpenBenchmark {

    static final int CACHE_DEFEAT = LargeReviewWorkspace.SAMPLES - 1;

    private Workspace workspace;
    private FxBackgroundTasks tasks;
    private ReviewDeskViewModel desk;
    private Scene scene;
    private ReviewDeskView view;
    private int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        workspace = LargeReviewWorkspace.create(Files.createTempDirectory("juror-desk-bench"));
        tasks = new FxBackgroundTasks(2);
        desk = new ReviewDeskViewModel(tasks, () -> "bench", Clock.systemUTC());
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            view = new ReviewDeskView(desk, tasks);
            Parent root = ViewLoader.load(view, "ReviewDeskView.fxml");
            scene = new Scene(root, 1200, 760);
            Themes.apply(scene, Settings.defaults());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            desk.filterProperty().set(QueueFilter.ALL);
            view.documentsShownProperty().addListener((obs, old, now) -> shown.countDown());
            desk.load(new ReviewData(workspace));
        });
        if (!shown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the desk did not open a sample: " + desk.messageProperty().get());
        }
    }

    @Benchmark
    public void openNextSample() throws InterruptedException {
        next = (next + 1) % LargeReviewWorkspace.SAMPLES;
        int position = next;
        CountDownLatch drawn = new CountDownLatch(1);
        Platform.runLater(() -> {
            ChangeListener<Object> once = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<?> obs, Object old, Object now) {
                    view.documentsShownProperty().removeListener(this);
                    Runnable pulse = new Runnable() {
                        @Override
                        public void run() {
                            scene.removePostLayoutPulseListener(this);
                            drawn.countDown();
                        }
                    };
                    scene.addPostLayoutPulseListener(pulse);
                    Platform.requestNextPulse();
                }
            };
            view.documentsShownProperty().addListener(once);
            desk.openAt(position);
        });
        if (!drawn.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sample " + position + " was not shown");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        tasks.close();
        workspace.close();
        Platform.exit();
    }
}
