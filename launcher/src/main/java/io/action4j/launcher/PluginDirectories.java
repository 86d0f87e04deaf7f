package io.action4j.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where plugins are looked for: every {@code --plugins-dir}, then the {@code ACTION4J_PLUGINS}
 * path list, then {@code ~/.action4j/plugins} when it exists. Read from the raw arguments before
 * the command line is parsed, because the registry must exist before the commands do.
 */
final class PluginDirectories {

    static final String OPTION = "--plugins-dir";
    static final String ENVIRONMENT = "ACTION4J_PLUGINS";

    private PluginDirectories() {
    }

    static List<Path> resolve(String[] args, Map<String, String> environment) {
        List<Path> directories = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                directories.add(Path.of(args[++i]));
            } else if (args[i].startsWith(OPTION + "=")) {
                directories.add(Path.of(args[i].substring(OPTION.length() + 1)));
            }
        }
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null) {
            for (String entry : fromEnvironment.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        Path userPlugins = Path.of(home, ".action4j", "plugins");
        if (directories.isEmpty() && Files.isDirectory(userPlugins)) {
            directories.add(userPlugins);
        }
        return List.copyOf(directories);
    }
}
