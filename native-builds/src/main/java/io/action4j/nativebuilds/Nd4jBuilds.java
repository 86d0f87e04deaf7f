package io.action4j.nativebuilds;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;

/**
 * Chooses the ND4J native build for the CPU this JVM runs on, and points JavaCPP at it before ND4J
 * loads its library. Every way into ND4J passes here: {@link SelectingBackendHook} runs this when
 * ND4J looks for its backend (its first use, in any program that has action4j on the class path);
 * the launcher calls {@link #select()} first so that a bad request prints one clear line.
 *
 * <p>A user forces a build with the system property {@value #PROPERTY} or the environment variable
 * {@value #ENVIRONMENT} (JavaCPP's own {@code org.bytedeco.javacpp.platform.extension} is honoured
 * too); a forced build this CPU cannot run is refused, naming the missing features.
 */
public final class Nd4jBuilds {

    /** System property that forces a build, e.g. {@code -Daction4j.nd4j.build=onednn-avx2}. */
    public static final String PROPERTY = "action4j.nd4j.build";
    /** Environment variable that forces a build, e.g. {@code ACTION4J_ND4J_BUILD=onednn}. */
    public static final String ENVIRONMENT = "ACTION4J_ND4J_BUILD";
    /** JavaCPP's own switch, which a user may have set instead. */
    static final String JAVACPP_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private static Nd4jBuildSelection selected;

    private Nd4jBuilds() {
    }

    /** A user's request for one build, and where it came from (for messages). */
    public record Request(String name, String source) {

        /** {@code ACTION4J_ND4J_BUILD=onednn-avx2}, as the user wrote it. */
        public String describe() {
            return source + "=" + name;
        }
    }

    /**
     * Chooses this machine's build (once per JVM) and configures JavaCPP to load it.
     *
     * @throws Nd4jBuildException when a forced build is unknown, not shipped or not runnable here
     */
    public static synchronized Nd4jBuildSelection select() {
        if (selected == null) {
            Nd4jBuildSelection choice = choose(CpuFeatures.ofThisMachine(), shipped(), request(System.getenv()));
            choice.build().ifPresent(Nd4jBuilds::pointJavaCppAt);
            selected = choice;
        }
        return selected;
    }

    /**
     * The choice for the given CPU and shipped builds: the forced build when one is requested and
     * runnable, else the first shipped build whose features the CPU has.
     */
    public static Nd4jBuildSelection choose(CpuFeatures cpu, List<Nd4jBuild> shipped, Optional<Request> request) {
        if (request.isPresent()) {
            return forced(cpu, shipped, request.get());
        }
        if (shipped.isEmpty()) {
            return new Nd4jBuildSelection(Optional.empty(),
                    "no ND4J CPU build for " + Nd4jBuild.PLATFORM + " on the class path; ND4J loads the backend it finds",
                    Optional.empty(), cpu, shipped);
        }
        if (cpu.unreadable().isPresent()) {
            Nd4jBuild safest = shipped.stream().filter(build -> build.requiredFeatures().isEmpty()).findFirst()
                    .orElseThrow(() -> new Nd4jBuildException("CPU features unknown (" + cpu.unreadable().get()
                            + ") and no baseline ND4J build is shipped; force one with " + ENVIRONMENT));
            return new Nd4jBuildSelection(Optional.of(safest), "CPU features unknown (" + cpu.unreadable().get()
                    + "): the baseline build runs on any x86-64 CPU", Optional.empty(), cpu, shipped);
        }
        StringBuilder skipped = new StringBuilder();
        for (Nd4jBuild build : shipped) {
            List<String> missing = cpu.missing(build.requiredFeatures());
            if (missing.isEmpty()) {
                String has = build.requiredFeatures().isEmpty() ? "it needs no extension beyond x86-64"
                        : "the CPU has " + String.join(", ", build.requiredFeatures());
                return new Nd4jBuildSelection(Optional.of(build),
                        skipped + "the fastest shipped build this CPU runs (" + has + ")", Optional.empty(), cpu, shipped);
            }
            skipped.append(build.id()).append(" skipped (CPU lacks ").append(String.join(", ", missing)).append("); ");
        }
        throw new Nd4jBuildException("none of the shipped ND4J builds runs on this CPU (" + cpu.model() + "): "
                + skipped.substring(0, skipped.length() - 2));
    }

    /** The shipped builds {@code cpu} can run, fastest first. */
    public static List<Nd4jBuild> runnable(CpuFeatures cpu, List<Nd4jBuild> shipped) {
        return shipped.stream().filter(build -> cpu.missing(build.requiredFeatures()).isEmpty()).toList();
    }

    private static Nd4jBuildSelection forced(CpuFeatures cpu, List<Nd4jBuild> shipped, Request request) {
        Nd4jBuild build = Nd4jBuild.parse(request.name()).orElseThrow(() -> new Nd4jBuildException(
                request.describe() + " names no ND4J build; known builds: " + String.join(", ", Nd4jBuild.ids())));
        if (!shipped.contains(build)) {
            throw new Nd4jBuildException(request.describe() + ": the ND4J build '" + build.id()
                    + "' (org.nd4j:nd4j-native, classifier " + build.classifier() + ") is not on the class path; "
                    + (shipped.isEmpty() ? "no ND4J CPU build is" : "shipped: " + ids(shipped)));
        }
        List<String> missing = cpu.missing(build.requiredFeatures());
        if (cpu.unreadable().isEmpty() && !missing.isEmpty()) {
            List<Nd4jBuild> runnable = runnable(cpu, shipped);
            throw new Nd4jBuildException(request.describe() + ": the ND4J build '" + build.id()
                    + "' needs CPU features that this CPU (" + cpu.model() + ") lacks: " + String.join(", ", missing)
                    + "; it would die of an illegal instruction. "
                    + (runnable.isEmpty() ? "No shipped build runs here." : "Builds this CPU runs: " + ids(runnable)
                    + "; remove " + request.source() + " to choose automatically."));
        }
        String unknown = cpu.unreadable().map(why -> " (CPU features unknown: " + why + "; not checked)").orElse("");
        return new Nd4jBuildSelection(Optional.of(build), "forced by " + request.describe() + unknown,
                Optional.of(request.describe()), cpu, shipped);
    }

    /** The user's request, if any: the system property first, then the environment, then JavaCPP's property. */
    static Optional<Request> request(Map<String, String> environment) {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(new Request(property, "-D" + PROPERTY));
        }
        String variable = environment.get(ENVIRONMENT);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(new Request(variable, ENVIRONMENT));
        }
        String javacpp = System.getProperty(JAVACPP_PROPERTY);
        if (javacpp != null && !javacpp.isBlank()) {
            return Optional.of(new Request(javacpp, "-D" + JAVACPP_PROPERTY));
        }
        return Optional.empty();
    }

    /** The builds whose JARs are on the class path, in order of preference; none off Linux x86-64. */
    public static List<Nd4jBuild> shipped() {
        if (!System.getProperty("os.name", "").equals("Linux") || !System.getProperty("os.arch", "").equals("amd64")) {
            return List.of();
        }
        ClassLoader loader = Nd4jBuilds.class.getClassLoader();
        return Arrays.stream(Nd4jBuild.values()).filter(build -> loader.getResource(build.bindingResource()) != null)
                .toList();
    }

    /**
     * The path of the ND4J library JavaCPP has loaded in this JVM, if it has: what actually runs, as
     * opposed to what was chosen.
     */
    public static Optional<String> loadedLibrary() {
        return Loader.getLoadedLibraries().values().stream()
                .filter(path -> path != null && path.contains("libnd4jcpu")).findFirst();
    }

    /**
     * JavaCPP reads its platform properties once and caches them; JavaCV may have loaded FFmpeg
     * before ND4J's first use, so the cached copy is set as well as the system property.
     */
    private static void pointJavaCppAt(Nd4jBuild build) {
        System.setProperty(JAVACPP_PROPERTY, build.extension());
        Loader.loadProperties().setProperty("platform.extension", build.extension());
    }

    private static String ids(List<Nd4jBuild> builds) {
        return String.join(", ", builds.stream().map(Nd4jBuild::id).toList());
    }
}
