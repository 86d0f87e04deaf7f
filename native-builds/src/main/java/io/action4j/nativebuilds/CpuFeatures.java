package io.action4j.nativebuilds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The instruction-set features of the CPU this JVM runs on, as the Linux kernel reports them in
 * {@code /proc/cpuinfo}. The kernel lists a feature only when the CPU has it and the OS saves its
 * registers on a context switch (AVX-512 state included), which is exactly what a native build
 * compiled for it needs; the build machine's CPU plays no part.
 *
 * @param model the CPU's model name, or {@code "unknown"}
 * @param flags the feature flags in the kernel's spelling ({@code avx2}, {@code avx512bw}, ...)
 * @param unreadable why the features could not be read, empty when they were
 */
public record CpuFeatures(String model, Set<String> flags, Optional<String> unreadable) {

    /** Where Linux lists them. */
    public static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** The features that decide which native build runs, and how fast: shown by {@code action4j info}. */
    public static final List<String> RELEVANT = List.of(
            "sse4_2", "avx", "avx2", "fma", "f16c", "bmi1", "bmi2", "abm",
            "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl", "avx512_vnni", "avx512_bf16", "avx_vnni");

    public CpuFeatures {
        flags = Set.copyOf(flags);
    }

    /** This machine's features; never throws: an unreadable cpuinfo gives no features and says why. */
    public static CpuFeatures ofThisMachine() {
        try {
            return parse(Files.readString(CPUINFO));
        } catch (IOException | RuntimeException e) {
            return new CpuFeatures("unknown", Set.of(),
                    Optional.of("cannot read " + CPUINFO + ": " + e.getMessage()));
        }
    }

    /** Reads the first processor's entry of a {@code /proc/cpuinfo} text (all cores of a machine agree). */
    public static CpuFeatures parse(String cpuinfo) {
        String model = "unknown";
        Set<String> flags = null;
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("model name") && model.equals("unknown")) {
                model = value;
            } else if (key.equals("flags") && flags == null) {
                flags = Arrays.stream(value.split("\\s+"))
                        .filter(flag -> !flag.isEmpty())
                        .map(flag -> flag.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
            }
        }
        if (flags == null) {
            return new CpuFeatures(model, Set.of(), Optional.of("no 'flags' line in " + CPUINFO));
        }
        return new CpuFeatures(model, flags, Optional.empty());
    }

    /** For tests and for a user who wants to see what a build would need: the given flags. */
    public static CpuFeatures of(String model, Collection<String> flags) {
        return new CpuFeatures(model, Set.copyOf(flags), Optional.empty());
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** Those of {@code required} this CPU lacks, in their given order. */
    public List<String> missing(Collection<String> required) {
        return required.stream().filter(flag -> !has(flag)).toList();
    }

    /** The {@link #RELEVANT} features this CPU has, in that order. */
    public List<String> relevantPresent() {
        return RELEVANT.stream().filter(this::has).toList();
    }

    /** All flags, sorted: for reports. */
    public Set<String> sortedFlags() {
        return new TreeSet<>(flags);
    }
}
