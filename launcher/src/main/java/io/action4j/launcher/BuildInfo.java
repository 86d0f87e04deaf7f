package io.action4j.launcher;

import io.action4j.api.VideoPlugin;
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

    /** JavaCPP's platform extension of the ND4J build, e.g. {@code -onednn-avx512}. */
    static String nd4jExtension() {
        return PROPERTIES.getProperty("nd4j.extension", "");
    }

    static String nd4jClassifier() {
        return PROPERTIES.getProperty("nd4j.classifier", "");
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
                "action4j " + version() + " (plugin API " + VideoPlugin.API_VERSION + ")",
                "ND4J backend: " + PROPERTIES.getProperty("nd4j.backend", "?") + " " + nd4jClassifier(),
                "Java " + System.getProperty("java.version")
            };
        }
    }
}
