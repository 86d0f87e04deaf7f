package io.action4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The project's architecture as rules that fail the build when code breaks them. Each rule states
 * the layering the README's "Layout" describes; {@code ArchitectureTest} checks them on the
 * production classes and {@code ArchitectureRulesTest} shows each one failing on a deliberate
 * violation, so that none can pass vacuously.
 */
final class ArchitectureRules {

    static final String API = "io.action4j.api..";
    static final String NATIVE_BUILDS = "io.action4j.nativebuilds..";
    static final String REGISTRY = "io.action4j.registry..";
    static final String ENGINE = "io.action4j.engine..";
    static final String PLUGINS = "io.action4j.plugins..";
    static final String LOCALIZATION = "io.action4j.localization..";
    static final String SPATIOTEMPORAL = "io.action4j.spatiotemporal..";
    static final String SYNTH = "io.action4j.synth..";
    static final String LAUNCHER = "io.action4j.launcher..";
    static final String SPARK = "io.action4j.spark..";
    static final String TESTING = "io.action4j.testing..";

    private static final String[] VIDEO_LIBRARIES = {"org.bytedeco.javacv..", "org.bytedeco.ffmpeg..",
        "org.bytedeco.opencv.."};
    private static final String GUICE = "com.google.inject..";

    private ArchitectureRules() {
    }

    /** The API is what a third party compiles against: nothing of ours beyond it, no JavaCV, no Guice. */
    static final ArchRule API_STANDS_ALONE = noClasses().that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(NATIVE_BUILDS, REGISTRY, ENGINE, PLUGINS, LOCALIZATION,
                    SPATIOTEMPORAL, SYNTH, LAUNCHER, TESTING, VIDEO_LIBRARIES[0], VIDEO_LIBRARIES[1],
                    VIDEO_LIBRARIES[2], GUICE)
            .as("the api depends on nothing of ours, on no JavaCV and on no Guice");

    /** A plugin sees the API only: it must load into any host that has the API. */
    static final ArchRule PLUGINS_SEE_ONLY_THE_API = noClasses().that().resideInAPackage(PLUGINS)
            .should().dependOnClassesThat().resideInAnyPackage(NATIVE_BUILDS, REGISTRY, ENGINE, LOCALIZATION,
                    SPATIOTEMPORAL, SYNTH, LAUNCHER, TESTING)
            .as("plugins depend on nothing of ours but the api");

    /** Built-in plugins are packaged like third-party ones: none reaches into another. */
    static final ArchRule PLUGINS_ARE_INDEPENDENT = slices().matching("io.action4j.plugins.(*)..")
            .should().notDependOnEachOther()
            .as("no plugin depends on another plugin");

    /** Localization and detection are tasks side by side: neither uses the other, the launcher or a plugin. */
    static final ArchRule TASKS_ARE_INDEPENDENT = slices().matching("io.action4j.(localization|spatiotemporal)..")
            .should().notDependOnEachOther()
            .as("the localization and spatiotemporal modules do not depend on each other");

    static final ArchRule TASKS_SEE_NEITHER_LAUNCHER_NOR_PLUGINS = noClasses()
            .that().resideInAnyPackage(LOCALIZATION, SPATIOTEMPORAL)
            .should().dependOnClassesThat().resideInAnyPackage(LAUNCHER, PLUGINS, SYNTH, TESTING)
            .as("task modules depend on neither the launcher, nor a plugin, nor synth");

    /** The launcher only parses and prints: nothing depends on it. */
    static final ArchRule NOTHING_DEPENDS_ON_THE_LAUNCHER = noClasses().that().resideOutsideOfPackage(LAUNCHER)
            .should().dependOnClassesThat().resideInAPackage(LAUNCHER)
            .as("nothing outside the launcher depends on it");

    static final ArchRule ONLY_THE_LAUNCHER_HAS_MAIN = methods().that().haveName("main").and().areStatic()
            .and().arePublic()
            .should().beDeclaredInClassesThat().resideInAnyPackage(LAUNCHER, SPARK)
            .as("only the launchers (the command line and the Spark application) have a main method");

    static final ArchRule ONLY_THE_LAUNCHER_USES_GUICE = noClasses().that().resideOutsideOfPackage(LAUNCHER)
            .should().dependOnClassesThat().resideInAPackage(GUICE)
            .as("only the launcher uses Guice");

    /**
     * FFmpeg and OpenCV stay inside the plugins that wrap them (video readers, transforms, the HOG detector,
     * optical flow).
     */
    static final ArchRule VIDEO_LIBRARIES_STAY_IN_THEIR_PLUGINS = noClasses()
            .that().resideOutsideOfPackages("io.action4j.plugins.video..", "io.action4j.plugins.transforms..",
                    "io.action4j.plugins.hog..", "io.action4j.plugins.flow..")
            .should().dependOnClassesThat().resideInAnyPackage(VIDEO_LIBRARIES)
            .as("FFmpeg and OpenCV classes appear only in the video, transforms, hog and flow plugins");

    /** The native-build selector runs before anything of ours: it must need nothing of ours. */
    static final ArchRule NATIVE_BUILDS_STAND_ALONE = noClasses().that().resideInAPackage(NATIVE_BUILDS)
            .should().dependOnClassesThat().resideInAnyPackage(API, REGISTRY, ENGINE, PLUGINS, LOCALIZATION,
                    SPATIOTEMPORAL, SYNTH, LAUNCHER, TESTING)
            .as("the native-build selector depends on nothing of ours");

    /**
     * The registry discovers components and binds configs, nothing else: no runtime of its own (no
     * ND4J), and nothing of the engine that runs on top of it.
     */
    static final ArchRule REGISTRY_ONLY_DISCOVERS_AND_BINDS = noClasses().that().resideInAPackage(REGISTRY)
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE, PLUGINS, LOCALIZATION, SPATIOTEMPORAL, SYNTH,
                    LAUNCHER, TESTING, "org.nd4j..")
            .as("the registry depends on nothing of ours but the api, and on no ND4J");

    /** The engine serves every task: it knows no task module, plugin, generator or launcher. */
    static final ArchRule ENGINE_IS_TASK_NEUTRAL = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(PLUGINS, LOCALIZATION, SPATIOTEMPORAL, SYNTH,
                    LAUNCHER, TESTING)
            .as("the engine depends on no task module, plugin, synth or launcher");

    /** The Spark jobs run the tasks' Java facades, as any library user would: no plugin, generator or launcher. */
    static final ArchRule SPARK_RUNS_THE_TASK_FACADES = noClasses().that().resideInAPackage(SPARK)
            .should().dependOnClassesThat().resideInAnyPackage(PLUGINS, SYNTH, LAUNCHER, TESTING, GUICE)
            .as("the Spark module depends on no plugin, synth, launcher or Guice");

    static final ArchRule[] ALL = {API_STANDS_ALONE, PLUGINS_SEE_ONLY_THE_API, PLUGINS_ARE_INDEPENDENT,
        TASKS_ARE_INDEPENDENT, TASKS_SEE_NEITHER_LAUNCHER_NOR_PLUGINS, NOTHING_DEPENDS_ON_THE_LAUNCHER,
        ONLY_THE_LAUNCHER_HAS_MAIN, ONLY_THE_LAUNCHER_USES_GUICE, VIDEO_LIBRARIES_STAY_IN_THEIR_PLUGINS,
        NATIVE_BUILDS_STAND_ALONE, REGISTRY_ONLY_DISCOVERS_AND_BINDS, ENGINE_IS_TASK_NEUTRAL, SPARK_RUNS_THE_TASK_FACADES};
}
