package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigShowEndToEndTest {

    @TempDir
    Path folder;

    static String repositoryConfig(String name) {
        return Launcher.repository().resolve("configs/recognition/resnet3d/" + name).toString();
    }

    @Test
    void printsTheResolvedConfigWithInheritanceOverridesAndDefaults() {
        Launcher.Result result = Launcher.run("config", "show", repositoryConfig("r3d-34_kinetics400.yaml"),
                "--set", "model.clsHead.numClasses=101");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("type: resnet3d")
                .contains("depth: 34")          // from the child config
                .contains("numClasses: 101")    // from --set
                .contains("baseChannels: 64")   // the backbone's default
                .contains("initStd: 0.01");     // the head's default
    }

    @Test
    void jsonOutputIsAvailable() {
        Launcher.Result result = Launcher.run("config", "show", repositoryConfig("r3d-18_kinetics400.yaml"), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"type\" : \"resnet3d\"").contains("\"numClasses\" : 400");
    }

    @Test
    void unknownKeyNamesTheFileAndTheKeyPath() throws Exception {
        Path config = Files.writeString(folder.resolve("typo.yaml"), """
                _base_: %s
                model:
                  backbone:
                    dept: 50
                """.formatted(repositoryConfig("r3d-18_kinetics400.yaml")));

        Launcher.Result result = Launcher.run("config", "show", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error: " + config + ": model.backbone.dept: unknown key").contains("depth");
    }

    @Test
    void badValueFromTheCommandLineNamesTheOverride() {
        Launcher.Result result = Launcher.run("config", "show", repositoryConfig("r3d-18_kinetics400.yaml"),
                "--set", "model.backbone.depth=19");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--set model.backbone.depth=19: model.backbone.depth: must be one of [18, 34, 50, 101, 152], got 19");
    }

    @Test
    void wrongTypeIsAnError() {
        Launcher.Result result = Launcher.run("config", "show", repositoryConfig("r3d-18_kinetics400.yaml"),
                "--set", "model.clsHead.numClasses=many");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("model.clsHead.numClasses: wrong type");
    }

    @Test
    void missingFileIsReported() {
        Path missing = folder.resolve("nope.yaml");

        Launcher.Result result = Launcher.run("config", "show", missing.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(missing + ": config file not found");
    }
}
