package dev.juror.judge.output;

import java.util.List;

/**
 * The rubric's JSON Schema reports again, in its own words, what the typed checks already found (a
 * missing dimension, a score out of range); this keeps only the schema messages that say something
 * new, each as a {@code SCHEMA} error at the path the message names.
 */
final class SchemaMessages {

    private SchemaMessages() {
    }

    /** Adds the schema's {@code messages} that no error in {@code errors} already reports. */
    static void addUncovered(List<String> messages, List<OutputError> errors) {
        for (String message : messages) {
            if (!coveredByTypedError(message, errors)) {
                int colon = message.indexOf(": ");
                String path = colon > 0 ? message.substring(0, colon) : "$";
                errors.add(new OutputError(OutputErrorKind.SCHEMA, path, colon > 0 ? message.substring(colon + 2) : message));
            }
        }
    }

    private static boolean coveredByTypedError(String message, List<OutputError> errors) {
        for (OutputError e : errors) {
            String path = e.path();
            switch (e.kind()) {
                case OUT_OF_RANGE, INVALID_SCORE, INVALID_VERDICT -> {
                    if (message.startsWith(path + ":") || message.startsWith(path + ".")) {
                        return true;
                    }
                }
                case MISSING_DIMENSION -> {
                    // "$.comments[0]: required property 'Actionability' not found" or the dimension's own path
                    String parent = path.endsWith(".score") ? path.substring(0, path.length() - 6) : path;
                    int dot = parent.lastIndexOf('.');
                    String container = parent.substring(0, dot);
                    String name = parent.substring(dot + 1);
                    if ((message.startsWith(container + ":") && message.contains("'" + name + "'"))
                            || message.startsWith(parent + ":") || message.startsWith(parent + ".")) {
                        return true;
                    }
                }
                case EXTRA_COMMENT -> {
                    if (message.startsWith("$.comments:") && message.contains("at most")) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }
}
