package io.action4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirectoriesTest {

    @TempDir
    Path home;

    @Test
    void optionsComeFirstThenTheEnvironment() {
        String[] args = {"--plugins-dir", "/a", "model", "summary", "--plugins-dir=/b"};
        Map<String, String> environment = Map.of("HOME", home.toString(),
                PluginDirectories.ENVIRONMENT, "/c" + File.pathSeparator + "/d");

        assertThat(PluginDirectories.resolve(args, environment))
                .containsExactly(Path.of("/a"), Path.of("/b"), Path.of("/c"), Path.of("/d"));
    }

    @Test
    void argumentsAfterDoubleDashAreNotOptions() {
        String[] args = {"config", "show", "--", "--plugins-dir", "/x"};

        assertThat(PluginDirectories.resolve(args, Map.of("HOME", home.toString()))).isEmpty();
    }

    @Test
    void userPluginFolderIsTheDefaultWhenItExists() throws Exception {
        assertThat(PluginDirectories.resolve(new String[0], Map.of("HOME", home.toString()))).isEmpty();

        Path userPlugins = Files.createDirectories(home.resolve(".action4j/plugins"));

        assertThat(PluginDirectories.resolve(new String[0], Map.of("HOME", home.toString()))).containsExactly(userPlugins);
        assertThat(PluginDirectories.resolve(new String[] {"--plugins-dir", "/a"}, Map.of("HOME", home.toString())))
                .containsExactly(Path.of("/a"));
    }
}
