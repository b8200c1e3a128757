package dev.juror.app;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One screen of the rail as the composition root registers it: how to build its view model (and
 * wire it to the workspace and settings), and how to build its view over that model. Nothing is
 * built until first asked for: the view model when the screen is first opened (or a test asks for
 * it), the view when the screen is first opened; each is built at most once. FX thread only.
 *
 * @param <M> the screen's view model
 */
final class LazyScreen<M> {

    private final Supplier<M> modelFactory;
    private final Function<M, Node> viewFactory;
    private M model;
    private Node view;

    /**
     * @param modelFactory builds the view model and wires it (loads the open workspace, listens for
     *                     the next one); called once
     * @param viewFactory  loads the screen's FXML over the built model; called once
     */
    LazyScreen(Supplier<M> modelFactory, Function<M, Node> viewFactory) {
        this.modelFactory = Objects.requireNonNull(modelFactory);
        this.viewFactory = Objects.requireNonNull(viewFactory);
    }

    /** The view model, built now if it was not yet. */
    M model() {
        if (model == null) {
            model = Objects.requireNonNull(modelFactory.get(), "a screen's model factory returned null");
        }
        return model;
    }

    /** The screen's view (and its model, if not built yet); the same node on every call. */
    Node view() {
        if (view == null) {
            view = viewFactory.apply(model());
        }
        return view;
    }

    /** Whether the view model has been built: work on a screen never opened is skipped, not started. */
    boolean isBuilt() {
        return model != null;
    }

    /** Runs {@code action} on the view model if it was built; does not build it. */
    void ifBuilt(Consumer<M> action) {
        if (model != null) {
            action.accept(model);
        }
    }
}
