package dev.juror.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads {@code <ViewClass>.fxml} from the view class's own package with a controller that was built
 * beforehand (constructor injection), never one FXML creates by reflection.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    /** Loads the FXML named {@code fxmlName} next to the controller's class, with that controller. */
    public static Parent load(Object controller, String fxmlName) {
        URL fxml = controller.getClass().getResource(fxmlName);
        if (fxml == null) {
            throw new IllegalStateException("No " + fxmlName + " beside " + controller.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(fxmlName + " asks for controller " + type.getName() + ", but "
                        + controller.getClass().getName() + " was given");
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
    }
}
