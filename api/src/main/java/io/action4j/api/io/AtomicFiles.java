package io.action4j.api.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files written whole or not at all: the content goes to a hidden temporary file beside the target
 * ({@code .NAME....partial}), which then replaces the target in one rename. A reader, or a run
 * interrupted half way (Ctrl-C, a crash, a full disk), sees the old file or the new one, never a part;
 * a failed write leaves no temporary behind. The target's folder must exist.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Fills the temporary file; any format that writes to a path will do (an encoder, a serializer). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    /** Writes {@code target} through a temporary file (see the class comment). */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /**
     * {@link #write}, and the temporary file forced to the storage device before the rename, so that
     * the new file also survives a power cut (checkpoints, training state).
     */
    public static void writeDurably(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    /** {@code text} as UTF-8, written through a temporary file. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8), false);
    }

    private static void write(Path target, Content content, boolean durable) throws IOException {
        try (Pending pending = pending(target)) {
            content.writeTo(pending.temporary());
            pending.commit(durable);
        }
    }

    /**
     * A temporary file beside {@code target} for content written over time (a video encoded frame by
     * frame): {@link Pending#commit()} renames it over the target; closing without a commit deletes it.
     */
    public static Pending pending(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        Path temporary;
        try {
            temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".partial");
        } catch (IOException e) {
            throw new IOException(target + ": cannot write (" + e + ")", e);
        }
        try {
            // A temporary file is private (rw-------); the result is an ordinary file.
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: keep its default permissions.
        }
        return new Pending(file, temporary);
    }

    /** A target's temporary file until it is committed; see {@link #pending(Path)}. */
    public static final class Pending implements AutoCloseable {

        private final Path target;
        private final Path temporary;
        private boolean committed;

        private Pending(Path target, Path temporary) {
            this.target = target;
            this.temporary = temporary;
        }

        /** Where to write the content. */
        public Path temporary() {
            return temporary;
        }

        public Path target() {
            return target;
        }

        /** Replaces the target with the temporary file, in one rename where the file system can. */
        public void commit() throws IOException {
            commit(false);
        }

        private void commit(boolean durable) throws IOException {
            if (durable) {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        /** Deletes the temporary file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
