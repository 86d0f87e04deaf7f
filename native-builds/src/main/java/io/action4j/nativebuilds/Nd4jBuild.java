package io.action4j.nativebuilds;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ND4J 1.0.0-M2.1's native CPU builds for Linux x86-64: one {@code nd4j-native} JAR per classifier,
 * each compiled for a minimum instruction set. In order of preference: the oneDNN builds run
 * convolutions through oneDNN, whose kernels are generated at run time for the CPU at hand (AVX-512
 * kernels even in the baseline build), so any oneDNN build beats any build without it; among them
 * the one compiled for the widest vectors runs ND4J's own loops fastest.
 *
 * <p>The required features are what each build's compiler flags allow it to emit (libnd4j's
 * CMakeLists: {@code -mavx2 -mfma -mf16c} for AVX2; {@code -mavx512f -mavx512vl -mavx512bw
 * -mavx512dq -mavx512cd -mbmi -mbmi2} on top for AVX-512), checked against the instructions the
 * shipped libraries contain: the AVX-512 library also has LZCNT ({@code abm} in cpuinfo), the AVX2
 * one no BMI, LZCNT, MOVBE or AVX-512 instruction (README, "Native builds and CUDA").
 */
public enum Nd4jBuild {
    ONEDNN_AVX512("onednn-avx512", true, List.of(
            "avx", "avx2", "fma", "f16c", "bmi1", "bmi2", "abm",
            "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl")),
    ONEDNN_AVX2("onednn-avx2", true, List.of("avx", "avx2", "fma", "f16c")),
    ONEDNN("onednn", true, List.of()),
    AVX512("avx512", false, List.of(
            "avx", "avx2", "fma", "f16c", "bmi1", "bmi2", "abm",
            "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl")),
    AVX2("avx2", false, List.of("avx", "avx2", "fma", "f16c")),
    GENERIC("generic", false, List.of());

    /** JavaCPP's platform these builds are for. */
    public static final String PLATFORM = "linux-x86_64";

    private final String id;
    private final boolean oneDnn;
    private final List<String> requiredFeatures;

    Nd4jBuild(String id, boolean oneDnn, List<String> requiredFeatures) {
        this.id = id;
        this.oneDnn = oneDnn;
        this.requiredFeatures = requiredFeatures;
    }

    /** The name users type: {@code onednn-avx512}, {@code onednn-avx2}, {@code onednn}, ... */
    public String id() {
        return id;
    }

    /** JavaCPP's platform extension: {@code -onednn-avx512}, or empty for the generic build. */
    public String extension() {
        return this == GENERIC ? "" : "-" + id;
    }

    /** The Maven classifier of its {@code org.nd4j:nd4j-native} JAR. */
    public String classifier() {
        return PLATFORM + extension();
    }

    public boolean oneDnn() {
        return oneDnn;
    }

    /** CPU flags (in {@code /proc/cpuinfo}'s spelling) the build's code may use. */
    public List<String> requiredFeatures() {
        return requiredFeatures;
    }

    /** The JNI library inside the build's JAR: present when that JAR is on the class path. */
    String bindingResource() {
        return "org/nd4j/linalg/cpu/nativecpu/bindings/" + classifier() + "/libjnind4jcpu.so";
    }

    /**
     * The build a user named: its id ({@code onednn-avx2}), its JavaCPP extension ({@code -onednn-avx2})
     * or its classifier ({@code linux-x86_64-onednn-avx2}), in any case.
     */
    public static Optional<Nd4jBuild> parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        if (wanted.startsWith(PLATFORM)) {
            wanted = wanted.substring(PLATFORM.length());
        }
        if (wanted.startsWith("-")) {
            wanted = wanted.substring(1);
        }
        String id = wanted.isEmpty() ? GENERIC.id : wanted;
        return Arrays.stream(values()).filter(build -> build.id.equals(id)).findFirst();
    }

    /** The ids of all builds, for messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Nd4jBuild::id).toList();
    }
}
