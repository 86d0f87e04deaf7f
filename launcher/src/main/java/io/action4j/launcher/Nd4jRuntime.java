package io.action4j.launcher;

import io.action4j.nativebuilds.Nd4jBuildSelection;
import io.action4j.nativebuilds.Nd4jBuilds;
import io.action4j.nativebuilds.OneDnnKernels;
import org.nd4j.linalg.factory.Nd4j;

/** The ND4J this process runs on, in the words {@code info} and {@code benchmark} print. */
final class Nd4jRuntime {

    /** The ND4J release action4j is built against. */
    static final String VERSION = "1.0.0-M2.1";

    private Nd4jRuntime() {
    }

    /** One line for a benchmark's output: {@code onednn-avx512 (the fastest shipped build ...)}. */
    static String buildLine() {
        Nd4jBuildSelection selection = Nd4jBuilds.select();
        return "ND4J " + VERSION + " " + selection.buildId() + " (" + selection.reason() + "); oneDNN "
                + oneDnnDescription() + (oneDnnCompiledIn() ? ", " + OneDnnKernels.brief(selection.cpu()) + " kernels" : "");
    }

    /** Whether the loaded native library was built with oneDNN (its build information says so). */
    static boolean oneDnnCompiledIn() {
        return Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN");
    }

    static String oneDnnDescription() {
        if (!oneDnnCompiledIn()) {
            return "not in this build (convolutions run ND4J's own loops, ~10x slower)";
        }
        return Nd4j.getEnvironment().helpersAllowed() ? "active" : "compiled in but helpers are off";
    }

    static String ompThreads() {
        return System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)");
    }
}
