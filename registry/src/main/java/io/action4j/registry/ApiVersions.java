package io.action4j.registry;

import io.action4j.api.VideoPlugin;
import java.util.regex.Pattern;

/**
 * Whether a plugin built against one API version runs on this host. Versions are
 * {@code major.minor}; before 1.0 every minor version may break the API, so it must match
 * exactly; from 1.0 on, a plugin runs on a host of the same major and an equal or newer minor.
 */
final class ApiVersions {

    /** {@code major.minor}, digits only: Integer.parseInt alone would also take "+1" and "-0". */
    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+");

    private ApiVersions() {
    }

    static boolean compatible(String pluginVersion, String hostVersion) {
        int[] plugin = parse(pluginVersion);
        int[] host = parse(hostVersion);
        if (plugin == null || host == null || plugin[0] != host[0]) {
            return false;
        }
        return plugin[0] == 0 ? plugin[1] == host[1] : plugin[1] <= host[1];
    }

    static String host() {
        return VideoPlugin.API_VERSION;
    }

    private static int[] parse(String version) {
        if (version == null || !VERSION.matcher(version.trim()).matches()) {
            return null;
        }
        String[] parts = version.trim().split("\\.");
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
