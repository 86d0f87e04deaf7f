package io.action4j.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes NumPy {@code .npy} files (format 1.0, C order), atomically: a temporary file, then a rename. */
final class NpyFiles {

    private NpyFiles() {
    }

    static void writeUint8(Path file, byte[] data, long... shape) throws IOException {
        check(data.length, shape, file);
        write(file, "|u1", shape, out -> out.write(data));
    }

    static void writeFloat32(Path file, float[] data, long... shape) throws IOException {
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

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void write(Path file, String dtype, long[] shape, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(header(dtype, shape));
                body.writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Magic, version 1.0, little-endian header length, then the dict padded so data starts at a multiple of 64. */
    static byte[] header(String dtype, long[] shape) {
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
