package io.action4j.registry;

import static io.action4j.api.ComponentKind.BACKBONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.fakes.FakePlugin;
import io.action4j.registry.fakes.TinyBackboneFactory;
import io.action4j.registry.testing.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    private static final String HOST_VERSION = "io.action4j.api.VideoPlugin.API_VERSION";

    @TempDir
    Path plugins;

    @Test
    void classPathPluginsLoadWithoutAPluginsDirectory() {
        PluginRegistry registry = PluginLoader.load(host(), List.of());

        RegisteredComponent tiny = registry.find(BACKBONE, TinyBackboneFactory.NAME);
        assertThat(tiny.origin().fromClassPath()).isTrue();
        assertThat(tiny.origin().describe()).startsWith("class path: ");
        assertThat(tiny.pluginClass()).isEqualTo(FakePlugin.class.getName());
        assertThat(registry.problems()).isEmpty();
        assertThat(registry.plugins()).extracting(LoadedPlugin::apiVersion).containsOnly(VideoPlugin.API_VERSION);
    }

    @Test
    void jarPluginLoadsInItsOwnClassLoaderButSharesTheApi() throws Exception {
        Path jar = plugin("acme.jar", "com.acme.AcmePlugin", "acme.x3d");

        PluginRegistry registry = load();

        RegisteredComponent x3d = registry.find(BACKBONE, "acme.x3d");
        assertThat(registry.problems()).isEmpty();
        assertThat(x3d.origin().location()).isEqualTo(jar.toAbsolutePath().normalize().toString());
        assertThat(x3d.origin().fromClassPath()).isFalse();
        assertThat(x3d.pluginClass()).isEqualTo("com.acme.AcmePlugin");
        assertThat(x3d.factory()).isInstanceOf(BackboneFactory.class);
        assertThat(x3d.factory().getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        assertThatThrownBy(() -> Class.forName("com.acme.AcmePlugin", false, host()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(new ComponentSpec(x3d, x3d.factory().defaultConfig()).create(Backbone.class)).isNotNull();
    }

    @Test
    void namesAreLookedUpCaseInsensitively() {
        plugin("acme.jar", "com.acme.AcmePlugin", "acme.x3d");

        PluginRegistry registry = load();

        assertThat(registry.find(BACKBONE, "ACME.X3D").name()).isEqualTo("acme.x3d");
        assertThat(registry.find(BACKBONE, "Tiny3D").name()).isEqualTo(TinyBackboneFactory.NAME);
    }

    @Test
    void sameNameInTwoJarsFailsTheLookupNamingBothJarsAndOthersStillLoad() {
        Path first = plugin("first.jar", "com.acme.First", "acme.dup", "acme.one");
        Path second = plugin("second.jar", "com.acme.Second", "acme.dup", "acme.two");

        PluginRegistry registry = load();

        assertThatThrownBy(() -> registry.find(BACKBONE, "acme.dup"))
                .isInstanceOf(DuplicateComponentException.class)
                .hasMessageContaining("backbone 'acme.dup' is registered more than once")
                .hasMessageContaining(first.toString())
                .hasMessageContaining(second.toString());
        assertThat(problemText(registry)).contains("acme.dup", first.toString(), second.toString());
        assertThat(registry.find(BACKBONE, "acme.one").pluginClass()).isEqualTo("com.acme.First");
        assertThat(registry.find(BACKBONE, "acme.two").pluginClass()).isEqualTo("com.acme.Second");
        assertThat(registry.names(BACKBONE)).containsOnlyOnce("acme.dup");
    }

    @Test
    void jarClashingWithAClassPathComponentNamesBothSources() {
        Path jar = plugin("clash.jar", "com.acme.Clash", TinyBackboneFactory.NAME);

        PluginRegistry registry = load();

        assertThatThrownBy(() -> registry.find(BACKBONE, TinyBackboneFactory.NAME))
                .isInstanceOf(DuplicateComponentException.class)
                .hasMessageContaining("class path: ")
                .hasMessageContaining(FakePlugin.class.getName())
                .hasMessageContaining(jar.toString());
    }

    @Test
    void unknownNameListsTheAvailableNamesAndThePluginsDirectory() {
        PluginRegistry registry = load();

        assertThatThrownBy(() -> registry.find(BACKBONE, "resnet3d"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining("unknown backbone 'resnet3d'")
                .hasMessageContaining("Available backbones: tiny3d")
                .hasMessageContaining(plugins.toString());
    }

    @Test
    void pluginBuiltAgainstAnotherApiVersionIsReportedAndItsComponentsAbsent() {
        Path jar = plugin("old.jar", "com.acme.Old", "\"0.9\"", "", List.of("\"acme.old\""));

        PluginRegistry registry = load();

        assertThat(problemText(registry)).contains(jar.toString(), "com.acme.Old", "API 0.9",
                "host provides API " + VideoPlugin.API_VERSION);
        assertThat(registry.names(BACKBONE)).doesNotContain("acme.old");
        assertThat(registry.plugins()).extracting(LoadedPlugin::pluginClass).doesNotContain("com.acme.Old");
    }

    @Test
    void jarWithoutServicesFileIsReported() {
        Path jar = PluginJars.build(plugins.resolve("plain.jar"),
                Map.of("com.acme.Lonely", PluginJars.emptyPlugin("com.acme", "Lonely", HOST_VERSION)), Map.of());

        PluginRegistry registry = load();

        assertThat(problemText(registry)).contains(jar.toString(), "no plugin provider");
    }

    @Test
    void providerWhoseConstructorThrowsIsReportedAndOtherPluginsLoad() {
        Path jar = plugin("boom.jar", "com.acme.Boom", HOST_VERSION,
                "throw new IllegalStateException(\"boom at start\");", List.of("\"acme.boom\""));
        plugin("good.jar", "com.acme.Good", "acme.good");

        PluginRegistry registry = load();

        assertThat(problemText(registry)).contains(jar.toString(), "com.acme.Boom", "boom at start");
        assertThat(registry.names(BACKBONE)).contains("acme.good").doesNotContain("acme.boom");
    }

    @Test
    void fileNamedJarThatIsNotAZipIsReported() throws IOException {
        Path broken = Files.writeString(plugins.resolve("broken.jar"), "not a zip");

        PluginRegistry registry = load();

        assertThat(problemText(registry)).contains(broken.toString(), "not a readable JAR");
        assertThat(registry.names(BACKBONE)).containsExactly(TinyBackboneFactory.NAME);
    }

    @Test
    void invalidComponentNameIsReportedAndValidOnesOfThePluginLoad() {
        plugin("names.jar", "com.acme.Names", "Bad Name", "acme.fine");

        PluginRegistry registry = load();

        assertThat(problemText(registry)).contains("invalid name 'Bad Name'", "com.acme.Names");
        assertThat(registry.names(BACKBONE)).contains("acme.fine").doesNotContain("Bad Name", "bad name");
    }

    @Test
    void missingPluginsDirectoryIsReported() {
        Path missing = plugins.resolve("nowhere");

        PluginRegistry registry = PluginLoader.load(host(), List.of(missing));

        assertThat(problemText(registry)).contains(missing.toString(), "does not exist");
        assertThat(registry.pluginDirectories()).containsExactly(missing);
        assertThat(registry.names(BACKBONE)).containsExactly(TinyBackboneFactory.NAME);
    }

    @Test
    void pluginFolderWithAPluginJarAndALibraryJarLoads() {
        Path folder = plugins.resolve("acme-suite");
        Path library = PluginJars.build(folder.resolve("acme-lib.jar"), Map.of("com.acme.lib.Names",
                "package com.acme.lib;\npublic final class Names {\n"
                        + "    public static String backbone() { return \"acme.from_lib\"; }\n}\n"), Map.of());
        String pluginClass = "com.acme.suite.SuitePlugin";
        PluginJars.build(folder.resolve("acme-plugin.jar"),
                Map.of(pluginClass, pluginSource(pluginClass, HOST_VERSION, "", List.of("com.acme.lib.Names.backbone()"))),
                Map.of(PluginJars.SERVICES, pluginClass), List.of(library));

        PluginRegistry registry = load();

        assertThat(registry.problems()).isEmpty();
        RegisteredComponent component = registry.find(BACKBONE, "acme.from_lib");
        assertThat(component.origin().location()).isEqualTo(folder.toAbsolutePath().normalize().toString());
    }

    @Test
    void emptyPluginFolderIsReported() throws IOException {
        Path folder = Files.createDirectory(plugins.resolve("empty-plugin"));

        PluginRegistry registry = load();

        assertThat(problemText(registry)).contains(folder.toString(), "holds no JAR");
    }

    private PluginRegistry load() {
        return PluginLoader.load(host(), List.of(plugins));
    }

    private static ClassLoader host() {
        return PluginLoaderTest.class.getClassLoader();
    }

    private static String problemText(PluginRegistry registry) {
        return registry.problems().stream().map(PluginProblem::toString).collect(Collectors.joining("\n"));
    }

    /** A plugin JAR for this API version contributing backbones with the given names. */
    private Path plugin(String jarName, String pluginClass, String... backboneNames) {
        List<String> names = Arrays.stream(backboneNames).map(name -> "\"" + name + "\"").toList();
        return plugin(jarName, pluginClass, HOST_VERSION, "", names);
    }

    private Path plugin(String jarName, String pluginClass, String apiVersion, String constructorBody,
                        List<String> nameExpressions) {
        return PluginJars.build(plugins.resolve(jarName),
                Map.of(pluginClass, pluginSource(pluginClass, apiVersion, constructorBody, nameExpressions)),
                Map.of(PluginJars.SERVICES, pluginClass));
    }

    /**
     * The source of a plugin whose backbones are named by Java expressions; each backbone has a
     * one-key config and passes its input through.
     */
    private static String pluginSource(String pluginClass, String apiVersion, String constructorBody,
                                       List<String> nameExpressions) {
        int dot = pluginClass.lastIndexOf('.');
        String simpleName = pluginClass.substring(dot + 1);
        String factories = nameExpressions.stream().map(name -> "new Named(" + name + ")").collect(Collectors.joining(", "));
        return "package " + pluginClass.substring(0, dot) + ";\n"
                + "import io.action4j.api.model.*;\n"
                + "import java.util.List;\n"
                + "public final class " + simpleName + " implements io.action4j.api.VideoPlugin {\n"
                + "    public " + simpleName + "() { " + constructorBody + " }\n"
                + "    @Override public String apiVersion() { return " + apiVersion + "; }\n"
                + "    @Override public List<BackboneFactory<?>> backbones() { return List.of(" + factories + "); }\n"
                + "    public record Config(int width) { }\n"
                + "    static final class Named implements BackboneFactory<Config> {\n"
                + "        private final String name;\n"
                + "        Named(String name) { this.name = name; }\n"
                + "        @Override public String name() { return name; }\n"
                + "        @Override public Class<Config> configType() { return Config.class; }\n"
                + "        @Override public Config defaultConfig() { return new Config(1); }\n"
                + "        @Override public Backbone create(Config config) { return (graph, input) -> input; }\n"
                + "    }\n"
                + "}\n";
    }
}
