package io.action4j.engine.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A video's flow files written on a thread of their own, in order, while the next pairs are decoded and computed:
 * encoding JPEGs is a fifth of the work of a pair and would otherwise wait for the flow. At most
 * {@value #IN_FLIGHT} writes wait at once (memory stays bounded). The first failed write stops the rest and is
 * thrown by the next {@link #submit} or by {@link #finish}; closing waits for the writes under way, so that a
 * failed run leaves no temporary file behind.
 */
final class BackgroundWrites implements AutoCloseable {

    /** A write of one or more files. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException, InterruptedException;
    }

    static final int IN_FLIGHT = 4;

    private final Path video;
    private final ExecutorService thread;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    BackgroundWrites(Path video) {
        this.video = video;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, "flow-writer");
            writer.setDaemon(true);
            return writer;
        });
    }

    /** Queues {@code write}, waiting while {@value #IN_FLIGHT} are queued; throws an earlier write's failure. */
    void submit(Write write) throws IOException {
        rethrow();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(video + ": interrupted while writing its flow");
        }
        thread.execute(() -> {
            try {
                if (failure.get() == null) {
                    write.run();
                }
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IOException(video + ": interrupted while writing its flow"));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException(e.getMessage(), e));
            } finally {
                slots.release();
            }
        });
    }

    /** Waits for every queued write; throws the first failure. */
    void finish() throws IOException {
        awaitWrites();
        rethrow();
    }

    @Override
    public void close() throws IOException {
        awaitWrites();
    }

    private void awaitWrites() throws IOException {
        thread.shutdown();
        try {
            while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                // a write of a few hundred kilobytes; keep waiting rather than leave a temporary behind
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(video + ": interrupted while writing its flow");
        }
    }

    private void rethrow() throws IOException {
        IOException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }
}
