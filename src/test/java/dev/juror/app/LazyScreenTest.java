package dev.juror.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Group;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;

/** A screen's model and view are built on first use, once; asking whether it was built builds nothing. */
class LazyScreenTest {

    private final AtomicInteger models = new AtomicInteger();
    private final AtomicInteger views = new AtomicInteger();
    private final LazyScreen<List<String>> screen = new LazyScreen<>(() -> {
        models.incrementAndGet();
        return new ArrayList<>();
    }, model -> {
        views.incrementAndGet();
        return new Group();
    });

    @Test
    void nothingIsBuiltUntilAskedFor() {
        List<String> seen = new ArrayList<>();
        screen.ifBuilt(model -> seen.add("called"));

        assertThat(screen.isBuilt()).isFalse();
        assertThat(seen).isEmpty();
        assertThat(models).hasValue(0);
        assertThat(views).hasValue(0);
    }

    @Test
    void theViewBuildsTheModelOnceAndBothAreKept() {
        Node first = screen.view();
        Node again = screen.view();
        List<String> model = screen.model();

        assertThat(again).isSameAs(first);
        assertThat(screen.model()).isSameAs(model);
        assertThat(screen.isBuilt()).isTrue();
        assertThat(models).hasValue(1);
        assertThat(views).hasValue(1);
    }

    @Test
    void aModelAskedForFirstIsTheOneTheViewGets() {
        List<String> model = screen.model();
        screen.ifBuilt(built -> built.add("seen"));
        screen.view();

        assertThat(model).containsExactly("seen");
        assertThat(models).hasValue(1);
    }
}
