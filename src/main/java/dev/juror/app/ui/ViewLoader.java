package dev.juror.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads {@code <ViewClass>.fxml} from the view class's own package with a controller that was built
 * beforehand (constructor injection), never one FXML creates by reflection. A screen split into
 * parts with {@code fx:include} passes the parts' controllers too: each included file gets the one
 * of its {@code fx:controller} type.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    /**
     * Loads the FXML named {@code fxmlName} next to the controller's class, with that controller;
     * {@code included} are the controllers of the files it includes.
     */
    public static Parent load(Object controller, String fxmlName, Object... included) {
        URL fxml = controller.getClass().getResource(fxmlName);
        if (fxml == null) {
            throw new IllegalStateException("No " + fxmlName + " beside " + controller.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(type -> {
            if (type.isInstance(controller)) {
                return controller;
            }
            for (Object part : included) {
                if (type.isInstance(part)) {
                    return part;
                }
            }
            throw new IllegalStateException(fxmlName + " asks for controller " + type.getName() + ", but "
                    + controller.getClass().getName() + " was given");
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
    }
}
