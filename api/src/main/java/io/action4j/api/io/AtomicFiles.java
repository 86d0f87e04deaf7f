package io.action4j.api.io;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule by which action4j writes an output file; every command follows it.
 * <ol>
 * <li>{@link #checkTarget} before the work starts: the folder exists and takes new files, the target is
 * not a folder. A typo costs nothing.</li>
 * <li>A regular (or new) target is written to a hidden temporary sibling, {@code .NAME.PID.N.partial},
 * which replaces the target in one rename when complete. A reader, or a run that fails half way (an
 * error, Ctrl-C, a full disk), sees the old file or the new one, never a part; a failed write leaves no
 * temporary behind.</li>
 * <li>An existing target that is not a regular file (a device such as {@code /dev/null} or
 * {@code /dev/stdout}, a FIFO) is written straight into: nothing replaces it.</li>
 * <li>A symbolic link is followed: the file it points to is replaced, the link stays.</li>
 * <li>A temporary left by a killed run (its process is gone) is deleted the first time a later run
 * writes into that folder; it never looks like a result (hidden, and named {@code .partial}).</li>
 * </ol>
 */
public final class AtomicFiles {

    private static final String TEMPORARY_SUFFIX = ".partial";
    /** {@code .NAME.PID.RANDOM.partial}: the process that owns a temporary is in its name. */
    private static final Pattern TEMPORARY = Pattern.compile("^\\..+\\.(\\d+)\\.\\d+\\.partial$");
    private static final long PID = ProcessHandle.current().pid();
    private static final int MAX_LINKS = 40;
    private static final Set<Path> SWEPT_FOLDERS = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {
    }

    /** Fills the temporary file; any format that writes to a path will do (an encoder, a serializer). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    /**
     * Checks, before any work, that {@code target} can be written as the class comment says: its folder
     * exists and takes new files (tried with an empty probe file, so read-only mounts and {@code /proc}
     * are caught), and it is not a folder. Returns the file that will be written (links followed).
     */
    public static Path checkTarget(Path target) throws IOException {
        Path file = followLinks(target);
        if (Files.isDirectory(file)) {
            throw new IOException(target + ": is a folder; name a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return file;
        }
        Path folder = file.getParent();
        if (!Files.exists(folder)) {
            throw new IOException(target + ": the folder " + folder + " does not exist; create it first");
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException(target + ": " + folder + " is not a folder");
        }
        Path probe;
        try {
            probe = Files.createTempFile(folder, "." + file.getFileName() + "." + PID + ".", ".probe");
        } catch (IOException e) {
            throw new IOException(target + ": cannot create files in " + folder + " (" + reasonOf(e) + ")", e);
        }
        Files.deleteIfExists(probe);
        return file;
    }

    /** Writes {@code target} by the rule in the class comment. */
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

    /** {@code text} as UTF-8, written by the rule in the class comment. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8), false);
    }

    private static void write(Path target, Content content, boolean durable) throws IOException {
        try (Pending pending = pending(target)) {
            pending.fill(content);
            pending.commit(durable);
        }
    }

    /** A file to write with others that belong with it; see {@link #writeTogether}. */
    public record Part(Path target, Content content) {
    }

    /**
     * Files that belong together (a checkpoint and its training state; a video's features as CSV, .npy and
     * times), each by the rule in the class comment, and all written before any is put in place: a failure
     * while writing any of them (a full disk) leaves every target as it was, never a new one beside an old
     * one. The renames then follow in the order given.
     */
    public static void writeTogether(List<Part> parts) throws IOException {
        writeTogether(parts, false);
    }

    /** {@link #writeTogether}, each temporary forced to the storage device before the renames. */
    public static void writeDurablyTogether(List<Part> parts) throws IOException {
        writeTogether(parts, true);
    }

    private static void writeTogether(List<Part> parts, boolean durable) throws IOException {
        List<Pending> pendings = new ArrayList<>();
        try {
            for (Part part : parts) {
                Pending pending = pending(part.target());
                pendings.add(pending);
                pending.fill(part.content());
            }
            if (durable) {
                for (Pending pending : pendings) {
                    pending.force();
                }
            }
            for (Pending pending : pendings) {
                pending.commit(false);
            }
        } catch (IOException | RuntimeException e) {
            for (Pending pending : pendings) {
                try {
                    pending.close();
                } catch (IOException notRemoved) {
                    e.addSuppressed(notRemoved);
                }
            }
            throw e;
        }
    }

    /**
     * Where to write content produced over time (a video encoded frame by frame, JSON lines as windows
     * finish): {@link Pending#commit()} puts it in place; closing without a commit discards it and
     * leaves the earlier target as it was.
     */
    public static Pending pending(Path target) throws IOException {
        Path file = followLinks(target);
        if (Files.isDirectory(file)) {
            throw new IOException(target + ": is a folder; name a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return new Pending(file, file, true);
        }
        Path folder = file.getParent();
        sweepAbandoned(folder);
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "." + file.getFileName() + "." + PID + ".", TEMPORARY_SUFFIX);
        } catch (IOException e) {
            throw new IOException(target + ": cannot write (" + reasonOf(e) + ")", e);
        }
        try {
            // A temporary file is private (rw-------); the result is an ordinary file.
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: keep its default permissions.
        }
        return new Pending(file, temporary, false);
    }

    /**
     * {@link #pending} for UTF-8 text written over time (JSON lines as results finish): write through
     * {@link PendingText#writer()}, then {@link PendingText#commit()}. A failed write names the target.
     */
    public static PendingText pendingText(Path target) throws IOException {
        Pending pending = pending(target);
        try {
            return new PendingText(pending, Files.newBufferedWriter(pending.temporary(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            pending.close();
            throw FileMessages.about(target, e);
        }
    }

    /** The file a path names once its symbolic links are followed (a dangling link names its target). */
    private static Path followLinks(Path target) throws IOException {
        Path current = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException(target + ": too many levels of symbolic links");
            }
            current = current.getParent().resolve(Files.readSymbolicLink(current));
        }
        return current;
    }

    /** Deletes, once per folder and process, the temporaries whose writing process no longer runs. */
    private static void sweepAbandoned(Path folder) {
        if (folder == null || !SWEPT_FOLDERS.add(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> entry.getFileName().toString().endsWith(TEMPORARY_SUFFIX))) {
            for (Path entry : entries) {
                Matcher name = TEMPORARY.matcher(entry.getFileName().toString());
                if (name.matches() && isGone(name.group(1))) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException e) {
            // Sweeping is housekeeping: a folder that cannot be listed is reported by the write itself.
        }
    }

    private static boolean isGone(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String reasonOf(IOException error) {
        String described = FileMessages.describe(error);
        int colon = described.lastIndexOf(": ");
        return colon < 0 ? described : described.substring(colon + 2);
    }

    /** A target's content until it is committed; see {@link #pending(Path)}. */
    public static final class Pending implements AutoCloseable {

        private final Path target;
        private final Path temporary;
        private final boolean direct;
        private boolean committed;

        private Pending(Path target, Path temporary, boolean direct) {
            this.target = target;
            this.temporary = temporary;
            this.direct = direct;
        }

        /** Where to write the content: a temporary file, or the target itself when it is a device or FIFO. */
        public Path temporary() {
            return temporary;
        }

        /** The file that the content ends up in (symbolic links followed). */
        public Path target() {
            return target;
        }

        /**
         * Writes the content into {@link #temporary()}; a failure (a full disk, a size limit) is reported
         * against the target, not the temporary file.
         */
        public void fill(Content content) throws IOException {
            try {
                content.writeTo(temporary);
            } catch (IOException e) {
                throw FileMessages.about(target, e);
            }
        }

        /** Replaces the target with the temporary file, in one rename where the file system can. */
        public void commit() throws IOException {
            commit(false);
        }

        /** Forces the temporary file to the storage device (a device or FIFO target: nothing to force). */
        private void force() throws IOException {
            if (direct) {
                return;
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            } catch (IOException e) {
                throw FileMessages.about(target, e);
            }
        }

        private void commit(boolean durable) throws IOException {
            if (direct) {
                committed = true;
                return;
            }
            if (durable) {
                force();
            }
            try {
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw FileMessages.about(target, e);
            }
            committed = true;
        }

        /** Deletes the temporary file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!committed && !direct) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Text for a target until it is committed; see {@link #pendingText(Path)}. */
    public static final class PendingText implements AutoCloseable {

        private final Pending pending;
        private final Writer writer;

        private PendingText(Pending pending, BufferedWriter buffered) {
            this.pending = pending;
            this.writer = new TargetWriter(pending.target(), buffered);
        }

        /** Where to write the text; its errors name the target, not the temporary file. */
        public Writer writer() {
            return writer;
        }

        /** Flushes the text and puts it in place of the target. */
        public void commit() throws IOException {
            writer.close();
            pending.commit();
        }

        /** Without a {@link #commit()}, discards the text: an earlier target stays as it was. */
        @Override
        public void close() throws IOException {
            try {
                writer.close();
            } finally {
                pending.close();
            }
        }
    }

    /** A writer whose failures (a full disk, a size limit) are reported against the target. */
    private static final class TargetWriter extends FilterWriter {

        private final Path target;

        TargetWriter(Path target, Writer out) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int c) throws IOException {
            aboutTarget(() -> super.write(c));
        }

        @Override
        public void write(char[] text, int offset, int length) throws IOException {
            aboutTarget(() -> super.write(text, offset, length));
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            aboutTarget(() -> super.write(text, offset, length));
        }

        @Override
        public void flush() throws IOException {
            aboutTarget(super::flush);
        }

        @Override
        public void close() throws IOException {
            aboutTarget(super::close);
        }

        private void aboutTarget(WriteStep step) throws IOException {
            try {
                step.run();
            } catch (IOException e) {
                throw FileMessages.about(target, e);
            }
        }
    }

    @FunctionalInterface
    private interface WriteStep {
        void run() throws IOException;
    }
}
