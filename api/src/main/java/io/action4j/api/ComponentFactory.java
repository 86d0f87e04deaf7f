package io.action4j.api;

import io.action4j.api.model.CheckpointKeyMapping;
import java.util.List;

/**
 * Creates one kind of component from its typed config.
 *
 * <p>The config is a record bound from YAML or JSON: every key of the record may be set, every
 * key not set takes its value from {@link #defaultConfig()}, and an unknown key is an error.
 * Validate values in the record's compact constructor with {@link ConfigChecks}, so that a bad
 * value is reported with its key path and file.
 *
 * @param <C> the config record
 * @param <T> the component
 */
public interface ComponentFactory<C extends Record, T> {

    /**
     * The name a config selects this component by ({@code type: name}): lower case, matching
     * {@code [a-z][a-z0-9_.]*}. Third parties prefix theirs ({@code acme.x3d}).
     */
    String name();

    Class<C> configType();

    /** The config used for every key a user leaves out. */
    C defaultConfig();

    T create(C config);

    /** One line for listings such as {@code action4j plugins}. */
    default String description() {
        return "";
    }

    /**
     * The other frameworks' checkpoint layouts this component's parameters load from (torchvision's names
     * for a torchvision architecture, say). Checkpoints in action4j's own format, and MMAction2's, whose
     * keys are the graph's with a dot for the scope's slash, need none.
     */
    default List<CheckpointKeyMapping> checkpointKeyMappings() {
        return List.of();
    }
}
