package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example third-party plugin, built into a JAR and installed into a plugins directory. */
class ExamplePluginEndToEndTest {

    @TempDir
    static Path plugins;

    static Path jar;

    @BeforeAll
    static void buildExamplePlugin() {
        jar = ExamplePlugin.buildJar(plugins.resolve("acme-action4j-plugin.jar"));
    }

    @Test
    void exampleIsNotOnTheLaunchersClassPath() {
        assertThatThrownBy(() -> Class.forName("com.example.acme.AcmePlugin"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void pluginsListsTheBackboneWithItsJar() {
        Launcher.Result result = Launcher.run("plugins", "--plugins-dir", plugins.toString());

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out())
                .containsPattern("backbone\\s+acme\\.plain3d\\s+" + java.util.regex.Pattern.quote(jar.toString()))
                .containsPattern("backbone\\s+resnet3d\\s+class path: ")
                .contains("com.example.acme.AcmePlugin  API 0.1")
                .contains("No problems.");
    }

    @Test
    void modelSummaryBuildsTheGraphWithThePluginsBackbone() throws Exception {
        Launcher.Result result = Launcher.run("model", "summary", ExamplePlugin.config(), "--plugins-dir", plugins.toString(),
                "--input", "1x3x8x56x56", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(result.out());
        long convs = 3 * 32 * 27 + 32 * 64 * 27 + 64 * 128 * 27;
        long norms = 2 * (32 + 64 + 128);
        long classifier = 128 * 400 + 400;
        assertThat(summary.get("parameters").asLong()).isEqualTo(convs + norms + classifier);
        assertThat(summary.get("outputs").get("cls_score").asText()).isEqualTo("1x400");
        assertThat(summary.get("layers").get(0).get("name").asText()).isEqualTo("backbone/stage1.conv");
        // stage 1 pools space only; stages 2 and 3 pool time too: 8 -> 8 -> 4 -> 2.
        assertThat(summary.toString()).contains("\"backbone/stage3.pool\",\"op\":\"maxpool3dnew\",\"outputShape\":\"1x128x2x7x7\"");
    }

    @Test
    void inputTooShortForAPoolingLayerFailsNamingTheLayer() {
        Launcher.Result result = Launcher.run("model", "summary", ExamplePlugin.config(), "--plugins-dir", plugins.toString(),
                "--input", "1x3x1x56x56");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("backbone/stage2.pool: pooling kernel 2 is larger than the padded input time 1");
    }

    @Test
    void withoutThePluginsDirectoryTheNameIsUnknown() {
        Launcher.Result result = Launcher.run("model", "summary", ExamplePlugin.config());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("model.backbone.type")
                .contains("unknown backbone 'acme.plain3d'")
                .containsPattern("Available backbones: [a-z0-9_., ]*\\bresnet3d\\b")
                .contains("--plugins-dir");
    }
}
