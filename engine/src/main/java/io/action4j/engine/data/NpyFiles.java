package io.action4j.engine.data;

import io.action4j.api.io.AtomicFiles;
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file not found");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + ": not a .npy file");
        }
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : buffer.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLength;
        if (headerLength < 0 || dataStart > bytes.length) {
            throw new IOException(file + ": truncated .npy header");
        }
        String header = new String(bytes, major == 1 ? 10 : 12, headerLength, StandardCharsets.US_ASCII);
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
        long[] dims = Arrays.stream(shape.group(1).split(",")).map(String::trim).filter(d -> !d.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        long count = Arrays.stream(dims).reduce(1, Math::multiplyExact);
        if (count * 4 != bytes.length - dataStart) {
            throw new IOException(file + ": shape " + Arrays.toString(dims) + " needs " + count * 4 + " bytes of data, file has "
                    + (bytes.length - dataStart));
        }
        float[] values = new float[(int) count];
        buffer.position(dataStart);
        buffer.asFloatBuffer().get(values);
        return new FloatArray(dims, values);
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
