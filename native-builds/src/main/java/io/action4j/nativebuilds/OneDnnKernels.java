package io.action4j.nativebuilds;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which instruction set oneDNN's convolution kernels use. oneDNN (inside every ND4J oneDNN build) picks its
 * kernels at run time from the CPU, not from the ND4J build: the {@code onednn-avx2} build on an AVX-512
 * CPU still runs AVX-512 convolutions. Only {@code DNNL_MAX_CPU_ISA} caps it, which is how an AVX-512
 * machine reproduces an AVX2 machine's kernels. This mirrors oneDNN's choice so that {@code info} and
 * {@code benchmark} can say it without loading oneDNN's verbose mode.
 */
public final class OneDnnKernels {

    /** The environment variable oneDNN reads its cap from. */
    public static final String CAP_VARIABLE = "DNNL_MAX_CPU_ISA";

    /** The instruction sets this mirrors, from the widest; each with the CPU flags oneDNN needs for it. */
    enum Isa {
        AVX512("AVX-512 (avx512_core)", List.of("avx512f", "avx512bw", "avx512dq", "avx512vl")),
        AVX2("AVX2", List.of("avx2")),
        AVX("AVX", List.of("avx")),
        SSE41("SSE4.1", List.of("sse4_1"));

        final String label;
        final List<String> flags;

        Isa(String label, List<String> flags) {
            this.label = label;
            this.flags = flags;
        }
    }

    private OneDnnKernels() {
    }

    /**
     * The kernels' instruction set in words, e.g. {@code AVX-512 (avx512_core) (this CPU's widest, ...)} or
     * {@code AVX2 (capped by DNNL_MAX_CPU_ISA=AVX2; this CPU has AVX-512 (avx512_core))}.
     *
     * @param cap the value of {@code DNNL_MAX_CPU_ISA}, if set
     */
    public static String describe(CpuFeatures cpu, Optional<String> cap) {
        Choice choice = choose(cpu, cap);
        if (choice.used == null) {
            return choice.unknown;
        }
        if (choice.cap == null) {
            return choice.used.label + " (this CPU's widest, whatever the ND4J build; " + CAP_VARIABLE + " can cap it)";
        }
        if (choice.capIsa == null) {
            return choice.used.label + " (this CPU's widest; " + CAP_VARIABLE + "=" + choice.cap
                    + " is no instruction set oneDNN names: SSE41, AVX, AVX2, AVX512_CORE, ..., ALL)";
        }
        return choice.capped()
                ? choice.used.label + " (capped by " + CAP_VARIABLE + "=" + choice.cap + "; this CPU has "
                        + choice.widest.label + ")"
                : choice.used.label + " (this CPU's widest; " + CAP_VARIABLE + "=" + choice.cap + " does not narrow it)";
    }

    /** The instruction set alone, for a one-line report: {@code AVX-512 (avx512_core)}, {@code AVX2 (capped ...)}. */
    public static String brief(CpuFeatures cpu, Optional<String> cap) {
        Choice choice = choose(cpu, cap);
        if (choice.used == null) {
            return choice.unknown;
        }
        return choice.capped() ? choice.used.label + " (capped by " + CAP_VARIABLE + ")" : choice.used.label;
    }

    /** {@link #brief} with this process's cap ({@code DNNL_MAX_CPU_ISA}, if set). */
    public static String brief(CpuFeatures cpu) {
        return brief(cpu, capHere());
    }

    /** {@link #describe} with this process's cap ({@code DNNL_MAX_CPU_ISA}, if set). */
    public static String describe(CpuFeatures cpu) {
        return describe(cpu, capHere());
    }

    private static Optional<String> capHere() {
        return Optional.ofNullable(System.getenv(CAP_VARIABLE));
    }

    /**
     * What oneDNN runs: {@code used} (null with {@code unknown} saying why), the CPU's {@code widest},
     * the cap as given (null when unset or ALL) and what it names (null when nothing oneDNN knows).
     */
    private record Choice(Isa used, Isa widest, String cap, Isa capIsa, String unknown) {
        boolean capped() {
            return used != widest;
        }
    }

    private static Choice choose(CpuFeatures cpu, Optional<String> cap) {
        if (cpu.unreadable().isPresent()) {
            return new Choice(null, null, null, null, "unknown (the CPU's features could not be read)");
        }
        Isa widest = widest(cpu).orElse(null);
        if (widest == null) {
            return new Choice(null, null, null, null, "none of oneDNN's (no SSE4.1): convolutions run reference code");
        }
        String value = cap.map(String::trim).filter(v -> !v.isEmpty() && !v.equalsIgnoreCase("ALL")).orElse(null);
        Isa capIsa = value == null ? null : parseCap(value).orElse(null);
        // The enum runs from the widest: a cap narrower than the CPU has a larger ordinal.
        Isa used = capIsa != null && capIsa.ordinal() > widest.ordinal() ? capIsa : widest;
        return new Choice(used, widest, value, capIsa, null);
    }

    static Optional<Isa> widest(CpuFeatures cpu) {
        for (Isa isa : Isa.values()) {
            if (cpu.missing(isa.flags).isEmpty()) {
                return Optional.of(isa);
            }
        }
        return Optional.empty();
    }

    /** oneDNN's cap names (case ignored): SSE41, AVX, AVX2 and AVX2_VNNI, AVX512_MIC..., AVX512_CORE... */
    static Optional<Isa> parseCap(String value) {
        String name = value.toUpperCase(Locale.ROOT);
        if (name.startsWith("AVX512")) {
            return Optional.of(Isa.AVX512);
        }
        if (name.startsWith("AVX2")) {
            return Optional.of(Isa.AVX2);
        }
        if (name.equals("AVX")) {
            return Optional.of(Isa.AVX);
        }
        if (name.equals("SSE41")) {
            return Optional.of(Isa.SSE41);
        }
        return Optional.empty();
    }
}
