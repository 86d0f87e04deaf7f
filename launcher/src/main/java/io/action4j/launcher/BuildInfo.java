package io.action4j.launcher;

import io.action4j.api.VideoPlugin;
import io.action4j.nativebuilds.Nd4jBuilds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** What this launcher was built with (filled in by Maven). */
final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** The git commit it was built from ({@code 9304c3c}, {@code +dirty} when the tree had changes), or unknown. */
    static String commit() {
        String id = PROPERTIES.getProperty("commit", "");
        if (id.isEmpty() || id.startsWith("${")) {
            return "unknown";
        }
        return "true".equals(PROPERTIES.getProperty("dirty")) ? id + "+dirty" : id;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/action4j-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "action4j " + version() + " (commit " + commit() + ", plugin API " + VideoPlugin.API_VERSION + ")",
                "ND4J backend: " + PROPERTIES.getProperty("nd4j.backend", "?") + " " + Nd4jRuntime.VERSION
                        + ", build " + Nd4jBuilds.select().buildId() + " (run 'action4j info' for why)",
                "Java " + System.getProperty("java.version")
            };
        }
    }
}
