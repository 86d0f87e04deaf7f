package io.action4j.registry;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where a plugin came from: the JAR or folder its classes were loaded from, and whether it was
 * found on the application class path or in a plugins directory.
 */
public record PluginOrigin(String location, boolean fromClassPath) {

    public static PluginOrigin ofClass(Class<?> type, boolean fromClassPath) {
        return new PluginOrigin(locationOf(type), fromClassPath);
    }

    public static PluginOrigin ofPath(Path path) {
        return new PluginOrigin(path.toAbsolutePath().normalize().toString(), false);
    }

    /** e.g. {@code /opt/plugins/acme.jar} or {@code class path: /app/lib/action4j-plugin-resnet3d.jar}. */
    public String describe() {
        return fromClassPath ? "class path: " + location : location;
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "(unknown location of " + type.getName() + ")";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }
}
