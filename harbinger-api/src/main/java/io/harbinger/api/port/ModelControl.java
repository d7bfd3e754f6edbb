package io.harbinger.api.port;

import java.util.Map;

/** The failure model a node scores with: what it is, and looking at its file again now. */
public interface ModelControl {
    /** The model in force, as the API shows it (version, source, thresholds, features, training facts). */
    Map<String, Object> describe();

    Reload reload();

    /** What a reload did. */
    sealed interface Reload {
        /** A new model is in force. */
        record Replaced(String from, String to) implements Reload {}

        /** The file holds the model in force already. */
        record Unchanged(String version) implements Reload {}

        /** The file holds no usable model; {@code version} stays in force. */
        record Refused(String reason, String version) implements Reload {}

        /** The node runs the bundled model: there is no file to look at. */
        record NoFile() implements Reload {}
    }
}
