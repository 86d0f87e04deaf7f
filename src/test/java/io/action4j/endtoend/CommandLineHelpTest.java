package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandLineHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plugins", "config", "config show", "model", "model summary", "model run", "video", "video check",
            "video frames", "video benchmark", "pipeline", "pipeline show", "benchmark", "recognize", "synth", "train",
            "test", "eval", "eval recognition", "demo", "info"})
    void everySubcommandHasHelp(String command) {
        String[] args = (command + " --help").trim().split(" ");

        Launcher.Result result = Launcher.run(args);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: action4j" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void versionNamesTheApiAndTheNd4jBuild() {
        Launcher.Result result = Launcher.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("plugin API 0.1").contains("ND4J backend: nd4j-native");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Launcher.Result result = Launcher.run("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("frobnicate");
    }
}
