package io.action4j.engine.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * PyTorch's zip checkpoint (torch >= 1.6): {@code <prefix>/data.pkl} and one uncompressed entry per
 * storage, {@code <prefix>/data/<key>}, little-endian. Every size read is checked against the
 * entry and the file before anything is allocated.
 */
final class TorchArchive implements AutoCloseable {

    /** data.pkl of a state dict is kilobytes to a few megabytes; a bigger one is not a state dict. */
    static final long MAX_PICKLE_BYTES = 64L << 20;
    /** Java arrays stop short of 2^31 elements. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final Path file;
    private final long fileSize;
    private final ZipFile zip;
    private final String prefix;

    private TorchArchive(Path file, long fileSize, ZipFile zip, String prefix) {
        this.file = file;
        this.fileSize = fileSize;
        this.zip = zip;
        this.prefix = prefix;
    }

    static TorchArchive open(Path file, long fileSize) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new CheckpointException(file + ": not a readable zip archive (truncated or corrupt?): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot open: " + e.getMessage(), e);
        }
        try {
            TorchArchive archive = new TorchArchive(file, fileSize, zip, findPrefix(file, zip));
            archive.requireLittleEndian();
            return archive;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    /** The folder holding data.pkl: torch names it after the file it first saved to. */
    private static String findPrefix(Path file, ZipFile zip) {
        List<String> pickles = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                pickles.add(name);
            }
        }
        if (pickles.size() != 1) {
            throw new CheckpointException(file + ": a zip, but not a PyTorch checkpoint: expected one <name>/data.pkl, found "
                    + (pickles.isEmpty() ? "none" : pickles));
        }
        String pickle = pickles.get(0);
        return pickle.substring(0, pickle.length() - "data.pkl".length());
    }

    /** torch 2.x records the byte order; older files are always little-endian. */
    private void requireLittleEndian() {
        ZipEntry byteOrder = zip.getEntry(prefix + "byteorder");
        if (byteOrder != null) {
            String order = new String(read(byteOrder, 16, "byteorder"), StandardCharsets.US_ASCII).trim();
            if (!order.equals("little")) {
                throw new CheckpointException(file + ": storages are '" + order + "'-endian; only little-endian is supported");
            }
        }
    }

    String pickleSource() {
        return file + " (" + prefix + "data.pkl)";
    }

    byte[] readPickle() {
        ZipEntry entry = zip.getEntry(prefix + "data.pkl");
        if (entry.getSize() > MAX_PICKLE_BYTES) {
            throw new CheckpointException(pickleSource() + ": " + entry.getSize() + " bytes, more than the "
                    + MAX_PICKLE_BYTES + " a state dict's pickle needs");
        }
        return read(entry, MAX_PICKLE_BYTES, "data.pkl");
    }

    /**
     * The bytes of a storage, little-endian, checked against the zip entry: the entry must hold
     * at least {@code numel} elements.
     *
     * @param tensor the first tensor that needs it, for error messages
     */
    ByteBuffer readStorage(PickledStorage storage, String tensor) {
        String name = prefix + "data/" + storage.key();
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new CheckpointException(file + ": tensor '" + tensor + "': storage entry " + name + " is missing");
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(storage.numel(), (long) storage.type().size());
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        if (bytes > entry.getSize() || bytes > fileSize) {
            throw new CheckpointException(file + ": tensor '" + tensor + "': storage " + storage.key() + " claims "
                    + storage.numel() + " " + storage.type() + " elements (" + bytes + " bytes) but its entry holds "
                    + entry.getSize() + " bytes");
        }
        if (bytes > MAX_ARRAY) {
            throw new CheckpointException(file + ": tensor '" + tensor + "': storage " + storage.key() + " has " + bytes
                    + " bytes; storages over 2 GiB are not supported");
        }
        return ByteBuffer.wrap(read(entry, bytes, "storage " + storage.key())).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The first {@code limit} bytes of an uncompressed entry (torch never compresses). */
    private byte[] read(ZipEntry entry, long limit, String what) {
        if (entry.getMethod() != ZipEntry.STORED) {
            throw new CheckpointException(file + ": " + what + " is compressed; torch.save writes entries uncompressed");
        }
        if (entry.getSize() < 0 || entry.getSize() > fileSize) {
            throw new CheckpointException(file + ": " + what + " claims " + entry.getSize() + " bytes in a "
                    + fileSize + "-byte file");
        }
        int length = (int) Math.min(limit, entry.getSize());
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new CheckpointException(file + ": " + what + " is truncated: " + bytes.length + " of " + length + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read " + what + " (truncated or corrupt?): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Read-only: nothing to lose.
        }
    }
}
