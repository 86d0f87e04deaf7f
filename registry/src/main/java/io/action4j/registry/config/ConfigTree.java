package io.action4j.registry.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A merged, not yet typed config: the tree after {@code _base_} inheritance and {@code --set}
 * overrides, and for each key path the file or override that set it, so that an error found
 * while binding can name where the bad value was written.
 *
 * @param root the merged tree (owned by this object: do not modify)
 * @param origins key path (dotted, {@code [i]} for list items) to the source that set it
 * @param mainSource the file the user named
 */
public record ConfigTree(ObjectNode root, Map<String, String> origins, String mainSource) {

    public ConfigTree {
        origins = Map.copyOf(origins);
    }

    /** The source of the value at {@code keyPath}, or of its nearest ancestor that has one. */
    public String sourceOf(String keyPath) {
        String path = keyPath;
        while (!path.isEmpty()) {
            String source = origins.get(path);
            if (source != null) {
                return source;
            }
            path = parent(path);
        }
        return mainSource;
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
