package io.action4j.launcher;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the JVM's just-in-time compiler is set to and how long it has worked, for benchmarks: its compiler
 * threads take cores from ND4J's compute threads. With C2 on a 2-core machine the first ~100 calls of r3d_18 ran
 * up to 10% slower and noisier while C2 compiled and recompiled the graph executor; with C1 alone (the action4j
 * script's default) the latency settles after three calls at the level C2 reaches after a hundred.
 */
final class JitCompiler {

    private JitCompiler() {
    }

    /** "C1 only (-XX:TieredStopAtLevel=1)", "tiered, C1 and C2", or the JVM's own name for its compiler. */
    static String mode() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null) {
            return "none (interpreter only)";
        }
        String stopLevel = hotSpotOption("TieredStopAtLevel");
        String tiered = hotSpotOption("TieredCompilation");
        if ("false".equals(tiered)) {
            return "C2 only (-XX:-TieredCompilation)";
        }
        if (stopLevel != null && !"4".equals(stopLevel)) {
            return "C1 only (-XX:TieredStopAtLevel=" + stopLevel + ")";
        }
        return stopLevel == null ? compiler.getName() : "tiered, C1 and C2";
    }

    /** Total time the compiler threads have spent compiling, in milliseconds; -1 where the JVM does not say. */
    static long compileMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : -1;
    }

    private static String hotSpotOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
        } catch (RuntimeException notHotSpot) {
            return null;
        }
    }
}
