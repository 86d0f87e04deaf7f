package io.action4j.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.VideoPlugin;
import io.action4j.nativebuilds.CpuFeatures;
import io.action4j.nativebuilds.Nd4jBuild;
import io.action4j.nativebuilds.Nd4jBuildSelection;
import io.action4j.nativebuilds.Nd4jBuilds;
import io.action4j.nativebuilds.OneDnnKernels;
import io.action4j.registry.PluginRegistry;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code action4j info}: what this installation runs on, for the user and for bug reports. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Prints what action4j runs on: the CPU and the features that matter, the ND4J native build "
                + "chosen for it and why, threads, Java, plugins, and the action4j version and commit.",
                "Include its output in a bug report."})
final class InfoCommand implements Callable<Integer> {

    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--runnable-builds",
            description = "Only list the shipped ND4J builds this CPU can run, fastest first, one per line.")
    boolean runnableBuilds;

    @Inject
    InfoCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Nd4jBuildSelection selection = Nd4jBuilds.select();
        if (!runnableBuilds) {
            Nd4j.getBackend(); // loads the native library, so that what was loaded can be reported
        }
        if (runnableBuilds) {
            selection.runnable().forEach(build -> out.println(build.id()));
        } else if (format == OutputFormat.JSON) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(selection)));
        } else {
            printText(out, selection);
        }
        out.flush();
        return 0;
    }

    private void printText(PrintWriter out, Nd4jBuildSelection selection) {
        CpuFeatures cpu = selection.cpu();
        Environment nd4j = Nd4j.getEnvironment();
        out.printf("action4j %s (commit %s), plugin API %s%n", BuildInfo.version(), BuildInfo.commit(),
                VideoPlugin.API_VERSION);
        out.printf("CPU: %s, %d logical cores%n", cpu.model(), Runtime.getRuntime().availableProcessors());
        cpu.unreadable().ifPresent(why -> out.printf("  features unknown: %s%n", why));
        out.printf("  features: %s%n", featureLine(cpu));
        out.printf("ND4J %s build: %s%n", Nd4jRuntime.VERSION, selection.buildId());
        out.printf("  why: %s%n", selection.reason());
        out.printf("  shipped: %s; this CPU runs: %s%n", ids(selection.shipped()), ids(selection.runnable()));
        out.printf("  loaded: %s%n", Nd4jBuilds.loadedLibrary().orElse("(not loaded)"));
        out.printf("  oneDNN: %s%n", Nd4jRuntime.oneDnnDescription());
        if (Nd4jRuntime.oneDnnCompiledIn()) {
            out.printf("  oneDNN kernels: %s%n", OneDnnKernels.describe(cpu));
        }
        out.printf("  force another with %s=BUILD or -D%s=BUILD%n", Nd4jBuilds.ENVIRONMENT, Nd4jBuilds.PROPERTY);
        out.printf("Threads: OMP_NUM_THREADS=%s, ND4J uses %d%n", Nd4jRuntime.ompThreads(), nd4j.maxThreads());
        out.printf("Java: %s (%s), max heap %d MB, JIT %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20, JitCompiler.mode());
        out.printf("Plugins: %d loaded, %d problem(s); plugin directories: %s%n", registry.plugins().size(),
                registry.problems().size(),
                registry.pluginDirectories().isEmpty() ? "(none)" : registry.pluginDirectories());
    }

    private ObjectNode toJson(Nd4jBuildSelection selection) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.putObject("action4j").put("version", BuildInfo.version()).put("commit", BuildInfo.commit())
                .put("pluginApi", VideoPlugin.API_VERSION);
        CpuFeatures cpu = selection.cpu();
        ObjectNode cpuNode = root.putObject("cpu").put("model", cpu.model())
                .put("logicalCores", Runtime.getRuntime().availableProcessors());
        cpu.unreadable().ifPresent(why -> cpuNode.put("featuresUnknown", why));
        ObjectNode features = cpuNode.putObject("features");
        CpuFeatures.RELEVANT.forEach(flag -> features.put(flag, cpu.has(flag)));
        ObjectNode build = root.putObject("nd4j").put("version", Nd4jRuntime.VERSION)
                .put("build", selection.buildId()).put("reason", selection.reason());
        selection.build().ifPresent(chosen -> build.put("classifier", chosen.classifier()));
        build.put("forcedBy", selection.forcedBy().orElse(null));
        ArrayNode shipped = build.putArray("shipped");
        selection.shipped().forEach(each -> shipped.add(each.id()));
        ArrayNode runnable = build.putArray("runnable");
        selection.runnable().forEach(each -> runnable.add(each.id()));
        build.put("loadedLibrary", Nd4jBuilds.loadedLibrary().orElse(null));
        build.put("oneDnnCompiledIn", Nd4jRuntime.oneDnnCompiledIn()).put("helpersAllowed",
                Nd4j.getEnvironment().helpersAllowed());
        build.put("oneDnnKernels", OneDnnKernels.describe(cpu))
                .put(OneDnnKernels.CAP_VARIABLE, System.getenv(OneDnnKernels.CAP_VARIABLE));
        root.putObject("threads").put("OMP_NUM_THREADS", System.getenv("OMP_NUM_THREADS"))
                .put("nd4j", Nd4j.getEnvironment().maxThreads());
        root.putObject("java").put("version", System.getProperty("java.version"))
                .put("vm", System.getProperty("java.vm.name")).put("maxHeapBytes", Runtime.getRuntime().maxMemory())
                .put("jit", JitCompiler.mode());
        ObjectNode plugins = root.putObject("plugins").put("loaded", registry.plugins().size())
                .put("problems", registry.problems().size());
        ArrayNode directories = plugins.putArray("directories");
        registry.pluginDirectories().forEach(dir -> directories.add(dir.toString()));
        return root;
    }

    private static String featureLine(CpuFeatures cpu) {
        StringBuilder line = new StringBuilder();
        for (String flag : CpuFeatures.RELEVANT) {
            line.append(line.length() == 0 ? "" : " ").append(cpu.has(flag) ? flag : "-" + flag);
        }
        return line.toString();
    }

    private static String ids(List<Nd4jBuild> builds) {
        return builds.isEmpty() ? "(none)" : String.join(", ", builds.stream().map(Nd4jBuild::id).toList());
    }
}
