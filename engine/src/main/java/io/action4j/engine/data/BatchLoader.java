package io.action4j.engine.data;

import io.action4j.api.transform.FormattedClip;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a dataset into batches of clips for training or scoring: samples are decoded and
 * transformed by a pool of threads, a few batches ahead of the consumer, and assembled in order.
 *
 * <p>Reproducible whatever the thread timing: the sample order of an epoch is a shuffle seeded by
 * (seed, epoch), and each sample's augmentation draws from a generator seeded by (seed, epoch,
 * sample index). A sample that cannot be decoded stops the epoch with its path, or, when the
 * dataset skips bad samples, is reported and left out of its batch.
 */
public final class BatchLoader implements AutoCloseable {

    private final List<DatasetEntry> entries;
    private final ClipPipeline pipeline;
    private final Function<Path, VideoDecoder> decoders;
    private final int numClasses;
    private final boolean skipBadSamples;
    private final Consumer<String> warnings;
    private final ExecutorService workers;
    private final int prefetchSamples;

    /** One batch: clips stacked along the batch axis, their targets and where they came from. */
    public record Batch(INDArray input, INDArray targets, List<DatasetEntry> entries) {

        /** A batch whose every sample was skipped. */
        public static final Batch EMPTY = new Batch(null, null, List.of());

        public int size() {
            return entries.size();
        }
    }

    /**
     * @param numClasses the width of the target rows; a label outside {@code [0, numClasses)} is an error naming its line
     * @param warnings receives a line for each skipped sample
     */
    public BatchLoader(List<DatasetEntry> entries, ClipPipeline pipeline, Function<Path, VideoDecoder> decoders,
                       int numClasses, int workers, boolean skipBadSamples, Consumer<String> warnings) {
        this.entries = List.copyOf(entries);
        this.pipeline = pipeline;
        this.decoders = decoders;
        this.numClasses = numClasses;
        this.skipBadSamples = skipBadSamples;
        this.warnings = warnings;
        this.prefetchSamples = Math.max(2, 2 * workers);
        for (DatasetEntry entry : entries) {
            for (int label : entry.labels()) {
                if (label < 0 || label >= numClasses) {
                    throw new IllegalArgumentException("line " + entry.line() + " (" + entry.path() + "): label " + label
                            + " is outside the model's " + numClasses + " classes");
                }
            }
        }
        this.workers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "action4j-decode");
            thread.setDaemon(true);
            return thread;
        });
    }

    public int size() {
        return entries.size();
    }

    /** Batches in an epoch ({@code dropLast}: only full batches). */
    public int batchesPerEpoch(int batchSize, boolean dropLast) {
        return dropLast ? entries.size() / batchSize : (entries.size() + batchSize - 1) / batchSize;
    }

    /**
     * One epoch's batches, decoded ahead while the caller works on the current one.
     *
     * @param shuffle a seeded shuffle (training) or the list order (scoring)
     * @param dropLast leave out a last, smaller batch (training, as MMAction2's default sampler with drop_last)
     */
    public Iterator<Batch> epoch(long seed, int epoch, int batchSize, boolean shuffle, boolean dropLast) {
        int[] order = order(seed, epoch, shuffle);
        int usable = dropLast ? order.length - order.length % batchSize : order.length;
        return new Iterator<>() {
            private final Deque<Future<Sample>> pending = new ArrayDeque<>();
            private int submitted;
            private int consumed;

            @Override
            public boolean hasNext() {
                return consumed < usable;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(consumed + batchSize, usable);
                List<Sample> samples = new ArrayList<>();
                while (consumed < end) {
                    while (submitted < usable && submitted - consumed < Math.max(prefetchSamples, batchSize * 2)) {
                        int position = submitted++;
                        int index = order[position];
                        pending.add(workers.submit(() -> load(index, seed, epoch)));
                    }
                    Sample sample = await(pending.removeFirst());
                    consumed++;
                    if (sample != null) {
                        samples.add(sample);
                    }
                }
                return samples.isEmpty() ? Batch.EMPTY : stack(samples);
            }
        };
    }

    private int[] order(long seed, int epoch, boolean shuffle) {
        int[] order = new int[entries.size()];
        Arrays.setAll(order, i -> i);
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(mix(seed, epoch, -1));
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    private record Sample(DatasetEntry entry, FormattedClip clip) {
    }

    private Sample load(int index, long seed, int epoch) throws VideoException {
        DatasetEntry entry = entries.get(index);
        try (VideoReader reader = decoders.apply(entry.path()).open(entry.path())) {
            return new Sample(entry, pipeline.run(reader, new SplittableRandom(mix(seed, epoch, index))).tensor());
        } catch (VideoException | RuntimeException e) {
            if (!skipBadSamples) {
                throw e;
            }
            warnings.accept("skipped " + entry.path() + " (line " + entry.line() + "): " + e.getMessage());
            return null;
        }
    }

    private static Sample await(Future<Sample> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading clips", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof IOException io) {
                throw new DataLoadingException(io);
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /** One clip per sample, stacked on the batch axis, with one-hot (or multi-hot) targets. */
    private Batch stack(List<Sample> samples) {
        int[] shape = samples.get(0).clip().shape();
        int perSample = samples.get(0).clip().values().length;
        float[] values = new float[perSample * samples.size()];
        float[] targets = new float[numClasses * samples.size()];
        List<DatasetEntry> used = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            int[] sampleShape = sample.clip().shape();
            if (sampleShape[0] != 1) {
                throw new IllegalStateException(sample.entry().path() + ": the pipeline made " + sampleShape[0]
                        + " views " + Arrays.toString(sampleShape) + "; training takes one clip per sample "
                        + "(numClips 1 and a single crop, or segments formatted on the time axis)");
            }
            if (!Arrays.equals(sampleShape, shape)) {
                throw new IllegalStateException(sample.entry().path() + ": the pipeline made a clip of shape "
                        + Arrays.toString(sampleShape) + ", others in its batch are " + Arrays.toString(shape)
                        + "; every sample must have the same shape (crop to a fixed size)");
            }
            System.arraycopy(sample.clip().values(), 0, values, i * perSample, perSample);
            for (int label : sample.entry().labels()) {
                targets[i * numClasses + label] = 1f;
            }
            used.add(sample.entry());
        }
        long[] batchShape = Arrays.stream(shape).asLongStream().toArray();
        batchShape[0] = samples.size();
        return new Batch(Nd4j.create(values, batchShape, 'c'),
                Nd4j.create(targets, new long[] {samples.size(), numClasses}, 'c'), used);
    }

    /** A generator seed from (seed, epoch, index), well spread (SplittableRandom's mixing of a sum). */
    static long mix(long seed, long epoch, long index) {
        return new SplittableRandom(seed).split().nextLong() ^ (epoch * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /**
     * A sample failed to load with an I/O error (an unreadable video; its message names the file), carried out
     * of the iterator as an unchecked I/O error: the launcher says it in one line, as the error itself.
     */
    public static final class DataLoadingException extends UncheckedIOException {

        private static final long serialVersionUID = 1L;

        public DataLoadingException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
