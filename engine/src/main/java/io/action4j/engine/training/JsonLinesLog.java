package io.action4j.engine.training;

import io.action4j.api.io.FileMessages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A log of whole lines, appended across runs ({@code log.jsonl}): a line is in the file completely or not at
 * all. A write that fails part way (a full disk, a size limit) is cut back off, so the file keeps the lines
 * before it byte for byte; a line left cut short by a run that was killed while writing it is dropped when the
 * next run opens the log. Failures name the log, with the reason.
 */
final class JsonLinesLog implements AutoCloseable {

    private static final int CHUNK = 4096;

    private final Path file;
    private final FileChannel channel;

    private JsonLinesLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (or creates) {@code file} for appending, after its last whole line. */
    static JsonLinesLog open(Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw FileMessages.about(file, e);
        }
        try {
            long size = channel.size();
            long whole = endOfLastLine(channel, size);
            if (whole < size) {
                channel.truncate(whole);
            }
            channel.position(whole);
            return new JsonLinesLog(file, channel);
        } catch (IOException e) {
            channel.close();
            throw FileMessages.about(file, e);
        }
    }

    /** Appends {@code line} and a line break, whole or not at all. */
    void append(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        long before = channel.position();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException notCut) {
                e.addSuppressed(notCut);
            }
            throw FileMessages.about(file, e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Where the last line break ends: the file's size when it ends with one, 0 when it has none. */
    private static long endOfLastLine(FileChannel channel, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - CHUNK);
            buffer.clear().limit((int) (end - start));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, start + buffer.position()) < 0) {
                    break;
                }
            }
            for (int i = buffer.position() - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
