package io.action4j.engine.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Checks a tensor size that comes from outside (a shape a user typed, a batch size) before anything native
 * is allocated for it: ND4J does not fail cleanly when asked for terabytes, the JVM dies. The limit is the
 * memory available now ({@code MemAvailable} in {@code /proc/meminfo}), or {@value #PROPERTY} /
 * {@value #ENVIRONMENT} in bytes when set (for shared machines). Only the tensor itself is checked: a model's
 * intermediate arrays, several times larger, can still exceed memory on an input that passes.
 */
public final class TensorBudget {

    /** System property that sets the limit in bytes. */
    public static final String PROPERTY = "action4j.maxTensorBytes";
    /** Environment variable that sets the limit in bytes. */
    public static final String ENVIRONMENT = "ACTION4J_MAX_TENSOR_BYTES";

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private final long limitBytes;
    private final String limitSource;
    /** How to raise the limit, after the advice: empty when it is the user's own limit. */
    private final String raise;

    TensorBudget(long limitBytes, String limitSource) {
        this(limitBytes, limitSource, limitSource.startsWith("the limit") ? "" : ", or set " + ENVIRONMENT);
    }

    private TensorBudget(long limitBytes, String limitSource, String raise) {
        this.limitBytes = limitBytes;
        this.limitSource = limitSource;
        this.raise = raise;
    }

    /** The configured limit, else this machine's available memory, else no limit (not Linux). */
    public static TensorBudget ofThisMachine() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (configured != null && !configured.isBlank()) {
            try {
                return new TensorBudget(Long.parseLong(configured.trim()), "the limit " + PROPERTY + "/" + ENVIRONMENT);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PROPERTY + "/" + ENVIRONMENT + " must be a number of bytes, got '"
                        + configured + "'");
            }
        }
        OptionalLong available = availableMemory();
        return available.isPresent()
                ? new TensorBudget(available.getAsLong(), "the memory available")
                : new TensorBudget(Long.MAX_VALUE, "no limit");
    }

    /**
     * This budget, or the Java heap's maximum ({@code -Xmx}) where that is smaller: for values a file's reader
     * holds in Java arrays (a feature CSV read whole), which must fit the heap before they reach ND4J.
     */
    public TensorBudget withinJavaHeap() {
        return withinJavaHeap(Runtime.getRuntime().maxMemory());
    }

    TensorBudget withinJavaHeap(long maxHeapBytes) {
        return maxHeapBytes < limitBytes
                ? new TensorBudget(maxHeapBytes, "the Java heap", ", or give Java more with ACTION4J_JAVA_OPTS=-Xmx8g")
                : this;
    }

    /** The most bytes a tensor may take. */
    public long limitBytes() {
        return limitBytes;
    }

    /**
     * @param what where the size came from, for the message ({@code --input 1x3x16x112x112 with --batch 4})
     * @param dims the tensor's sizes, all known
     * @param bytesPerValue 4 for float32
     * @throws IllegalArgumentException naming {@code what}, the shape and the bytes when the value count
     *         overflows or the bytes exceed the limit
     */
    public void check(String what, long[] dims, int bytesPerValue) {
        check(what, dims, bytesPerValue, "use a smaller shape or batch");
    }

    /** {@link #check(String, long[], int)} with the advice that fits where the size came from. */
    public void check(String what, long[] dims, int bytesPerValue, String advice) {
        long values = 1;
        try {
            for (long dim : dims) {
                values = Math.multiplyExact(values, dim);
            }
            long bytes = Math.multiplyExact(values, bytesPerValue);
            if (bytes > limitBytes) {
                throw new IllegalArgumentException(what + ": a " + shape(dims) + " tensor is " + values + " values ("
                        + human(bytes) + "), more than " + limitSource + " (" + human(limitBytes) + "); " + advice
                        + raise);
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + ": a " + shape(dims) + " tensor has more values than a 64-bit "
                    + "count holds");
        }
    }

    /**
     * {@link #check(String, long[], int, String)} for a size already in bytes (a file read whole).
     *
     * @throws IllegalArgumentException naming {@code what} and the bytes when they exceed the limit
     */
    public void checkBytes(String what, long bytes, String advice) {
        if (bytes > limitBytes) {
            throw new IllegalArgumentException(what + ": " + human(bytes) + ", more than " + limitSource + " ("
                    + human(limitBytes) + "); " + advice + raise);
        }
    }

    static OptionalLong availableMemory() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemAvailable:")) {
                    String[] parts = line.trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[1]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no such line: no limit from the machine.
        }
        return OptionalLong.empty();
    }

    private static String shape(long[] dims) {
        return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }

    static String human(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
