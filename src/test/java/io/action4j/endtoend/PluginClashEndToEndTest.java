package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.registry.testing.PluginJars;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two plugins that register the same backbone name, side by side in one plugins directory. */
class PluginClashEndToEndTest {

    @TempDir
    static Path plugins;

    static Path acmeJar;
    static Path forkJar;

    @BeforeAll
    static void buildClashingPlugins() {
        acmeJar = ExamplePlugin.buildJar(plugins.resolve("acme.jar"));
        String fork = """
                package org.fork;
                public final class ForkPlugin implements io.action4j.api.VideoPlugin {
                    public String apiVersion() { return io.action4j.api.VideoPlugin.API_VERSION; }
                    public java.util.List<io.action4j.api.model.BackboneFactory<?>> backbones() {
                        return java.util.List.of(new ForkBackbone());
                    }
                }
                """;
        String backbone = """
                package org.fork;
                public final class ForkBackbone implements io.action4j.api.model.BackboneFactory<ForkBackbone.Config> {
                    public record Config(int width) { }
                    public String name() { return "acme.plain3d"; }
                    public Class<Config> configType() { return Config.class; }
                    public Config defaultConfig() { return new Config(8); }
                    public io.action4j.api.model.Backbone create(Config config) { return (graph, input) -> input; }
                }
                """;
        forkJar = PluginJars.build(plugins.resolve("fork.jar"),
                Map.of("org.fork.ForkPlugin", fork, "org.fork.ForkBackbone", backbone),
                Map.of(PluginJars.SERVICES, "org.fork.ForkPlugin\n"));
    }

    @Test
    void pluginsReportsTheClashNamingBothJars() {
        Launcher.Result result = Launcher.run("plugins", "--plugins-dir", plugins.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("backbone 'acme.plain3d' is registered more than once")
                .contains("com.example.acme.AcmePlugin in " + acmeJar)
                .contains("org.fork.ForkPlugin in " + forkJar)
                .contains("Problems (1):");
    }

    @Test
    void usingTheClashingNameFailsNamingBothJars() {
        Launcher.Result result = Launcher.run("config", "show", ExamplePlugin.config(), "--plugins-dir", plugins.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("warning: 1 plugin problem(s)")
                .contains("model.backbone.type")
                .contains(acmeJar.toString())
                .contains(forkJar.toString());
    }

    @Test
    void otherComponentsStillWork() {
        Launcher.Result result = Launcher.run("config", "show", "--plugins-dir", plugins.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("type: resnet3d");
    }
}
