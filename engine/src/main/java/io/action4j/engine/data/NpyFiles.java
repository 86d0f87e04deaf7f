package io.action4j.engine.data;

import io.action4j.api.io.AtomicFiles;
import io.action4j.engine.model.TensorBudget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * NumPy {@code .npy} files: written in format 1.0, C order, atomically (a temporary file, then a rename);
 * float32 arrays read from formats 1.0 to 3.0.
 */
public final class NpyFiles {

    private NpyFiles() {
    }

    public static void writeUint8(Path file, byte[] data, long... shape) throws IOException {
        check(data.length, shape, file);
        write(file, "|u1", shape, out -> out.write(data));
    }

    public static void writeFloat32(Path file, float[] data, long... shape) throws IOException {
        check(data.length, shape, file);
        write(file, "<f4", shape, out -> {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float value : data) {
                if (!buffer.hasRemaining()) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                buffer.putFloat(value);
            }
            out.write(buffer.array(), 0, buffer.position());
        });
    }

    /** A float32 array read from a {@code .npy} file. */
    public record FloatArray(long[] shape, float[] values) {
    }

    /**
     * Reads a little-endian float32, C-order {@code .npy} file (format 1.0 to 3.0).
     *
     * @throws IOException naming the file when it is not such an array
     */
    public static FloatArray readFloat32(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file not found");
        }
        checkFits(file, size, TensorBudget.ofThisMachine().withinJavaHeap());
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + ": not a .npy file");
        }
        int major = bytes[6];
        if (major < 1 || major > 3 || (major > 1 && bytes.length < 12)) {
            throw new IOException(file + ": .npy format version " + major + " is not one of 1.0, 2.0 and 3.0");
        }
        long headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : Integer.toUnsignedLong(buffer.getInt(8));
        long dataStart = (major == 1 ? 10 : 12) + headerLength;
        if (dataStart > bytes.length) {
            throw new IOException(file + ": truncated .npy header");
        }
        String header = new String(bytes, major == 1 ? 10 : 12, (int) headerLength, StandardCharsets.US_ASCII);
        Matcher descr = Pattern.compile("'descr':\\s*'([^']*)'").matcher(header);
        Matcher order = Pattern.compile("'fortran_order':\\s*(True|False)").matcher(header);
        Matcher shape = Pattern.compile("'shape':\\s*\\(([^)]*)\\)").matcher(header);
        if (!descr.find() || !order.find() || !shape.find()) {
            throw new IOException(file + ": unreadable .npy header: " + header.trim());
        }
        if (!descr.group(1).equals("<f4")) {
            throw new IOException(file + ": expected float32 ('<f4') data, got '" + descr.group(1) + "'");
        }
        if (order.group(1).equals("True")) {
            throw new IOException(file + ": Fortran-order arrays are not supported; save with numpy.ascontiguousarray");
        }
        long[] dims = shape(file, shape.group(1));
        long dataBytes = bytes.length - dataStart;
        long count = 1;
        for (long dim : dims) {
            if (dim != 0 && count > dataBytes / 4 / dim) {
                throw new IOException(file + ": shape " + Arrays.toString(dims) + " needs more data than the file's "
                        + dataBytes + " bytes");
            }
            count *= dim;
        }
        if (count * 4 != dataBytes) {
            throw new IOException(file + ": shape " + Arrays.toString(dims) + " needs " + count * 4 + " bytes of data, file has "
                    + dataBytes);
        }
        float[] values = new float[(int) count];
        buffer.position((int) dataStart);
        buffer.asFloatBuffer().get(values);
        return new FloatArray(dims, values);
    }

    /**
     * The file is read whole, then its values are copied out: refused before reading when the two copies would
     * not fit {@code budget}, or the file not in one Java array. Its shape must match its size (checked after the
     * header), so this also bounds what a header may claim.
     */
    static void checkFits(Path file, long size, TensorBudget budget) throws IOException {
        try {
            budget.checkBytes(file + ": a .npy file of " + size + " bytes, held twice while read (its bytes, then its "
                    + "values)", size > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * size, "use a smaller array");
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(file + ": a .npy file of " + size + " bytes; this reader takes up to 2 GB (one Java "
                    + "array): split the array");
        }
    }

    /** The header's shape tuple: sizes that are whole numbers, zero or more. */
    private static long[] shape(Path file, String tuple) throws IOException {
        String[] parts = tuple.split(",");
        long[] dims = new long[parts.length];
        int count = 0;
        for (String part : parts) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            try {
                dims[count] = Long.parseLong(text);
            } catch (NumberFormatException e) {
                dims[count] = -1;
            }
            if (dims[count] < 0) {
                throw new IOException(file + ": .npy shape (" + tuple.trim() + ") holds '" + text
                        + "', not a size");
            }
            count++;
        }
        return Arrays.copyOf(dims, count);
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void write(Path file, String dtype, long[] shape, Body body) throws IOException {
        AtomicFiles.write(file, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(header(dtype, shape));
                body.writeTo(out);
            }
        });
    }

    /** Magic, version 1.0, little-endian header length, then the dict padded so data starts at a multiple of 64. */
    public static byte[] header(String dtype, long[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (" + dims
                + (shape.length == 1 ? "," : "") + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer header = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        header.putShort((short) text.length());
        header.put(text.getBytes(StandardCharsets.US_ASCII));
        return header.array();
    }

    private static void check(int length, long[] shape, Path file) {
        long expected = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (expected != length) {
            throw new IllegalArgumentException(file + ": shape " + Arrays.toString(shape) + " needs " + expected
                    + " values, got " + length);
        }
    }
}
