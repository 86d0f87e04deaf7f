package io.action4j.registry;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * The class loader of one plugin JAR or folder. The action4j API and the libraries whose types
 * cross the API (ND4J/SameDiff with its JavaCPP natives, Jackson's annotations, SLF4J) come from
 * the host, so that a plugin's components are the host's types and native libraries load once;
 * everything else is looked up in the plugin first, so plugins can bundle their own libraries.
 */
final class PluginClassLoader extends URLClassLoader {

    static final List<String> SHARED_PACKAGES = List.of(
            "io.action4j.api.",
            "org.nd4j.",
            "org.bytedeco.",
            "com.fasterxml.jackson.annotation.",
            "org.slf4j.");

    private final ClassLoader host;

    PluginClassLoader(String name, URL[] urls, ClassLoader host) {
        super(name, urls, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return host.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    static boolean isShared(String className) {
        return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
    }
}
