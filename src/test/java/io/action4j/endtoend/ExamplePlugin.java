package io.action4j.endtoend;

import io.action4j.registry.testing.PluginJars;
import java.nio.file.Path;

/** The repository's example third-party plugin (examples/acme-plugin), as tests build and use it. */
final class ExamplePlugin {

    private ExamplePlugin() {
    }

    /** Compiles the example's sources and packages them with its resources into {@code jar}. */
    static Path buildJar(Path jar) {
        Path module = Launcher.repository().resolve("examples/acme-plugin");
        return PluginJars.buildFromFolders(jar, module.resolve("src/main/java"), module.resolve("src/main/resources"));
    }

    /** A model config whose backbone is the example's {@code acme.plain3d}. */
    static String config() {
        return Launcher.repository().resolve("examples/acme-plugin/configs/acme-plain3d_k400.yaml").toString();
    }
}
