package io.action4j.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin JARs in tests: compiles Java sources against the test class path (which has
 * the action4j API and ND4J, as a plugin's {@code provided} scope does) and packages the classes
 * with their resources.
 */
public final class PluginJars {

    public static final String SERVICES = "META-INF/services/io.action4j.api.VideoPlugin";

    private PluginJars() {
    }

    /**
     * @param sources fully qualified class name to source code
     * @param resources JAR path to text content (e.g. {@link #SERVICES} to the provider's class name)
     */
    public static Path build(Path jar, Map<String, String> sources, Map<String, String> resources) {
        return build(jar, sources, resources, List.of());
    }

    /** As {@link #build(Path, Map, Map)}, compiling also against {@code libraries}, which are not packaged. */
    public static Path build(Path jar, Map<String, String> sources, Map<String, String> resources,
                             List<Path> libraries) {
        try {
            Path sourceRoot = Files.createTempDirectory("plugin-src");
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
            }
            Path resourceRoot = Files.createTempDirectory("plugin-resources");
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                Path file = resourceRoot.resolve(resource.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, resource.getValue());
            }
            return buildFromFolders(jar, sourceRoot, resourceRoot, libraries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles every {@code .java} file under {@code sourceRoot} and adds everything under {@code resourceRoot}. */
    public static Path buildFromFolders(Path jar, Path sourceRoot, Path resourceRoot) {
        return buildFromFolders(jar, sourceRoot, resourceRoot, List.of());
    }

    /**
     * As {@link #buildFromFolders(Path, Path, Path)}, compiling also against {@code libraries}
     * (e.g. a library JAR the plugin ships beside it), which are not packaged.
     */
    public static Path buildFromFolders(Path jar, Path sourceRoot, Path resourceRoot, List<Path> libraries) {
        try {
            Path classes = Files.createTempDirectory("plugin-classes");
            StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
            libraries.forEach(library -> classPath.append(java.io.File.pathSeparator).append(library));
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                    "-classpath", classPath.toString()));
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("compiling the test plugin failed (see the compiler output above)");
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                addTree(out, classes);
                if (resourceRoot != null && Files.isDirectory(resourceRoot)) {
                    addTree(out, resourceRoot);
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source of a minimal plugin class that contributes nothing, for loader tests. */
    public static String emptyPlugin(String packageName, String className, String apiVersionExpression) {
        return "package " + packageName + ";\n"
                + "public final class " + className + " implements io.action4j.api.VideoPlugin {\n"
                + "    @Override public String apiVersion() { return " + apiVersionExpression + "; }\n"
                + "}\n";
    }

    private static void addTree(JarOutputStream out, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            out.putNextEntry(new JarEntry(name));
            out.write(Files.readAllBytes(file));
            out.closeEntry();
        }
    }
}
