package io.action4j.engine.flow;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowField;
import io.action4j.api.flow.FlowQuantization;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.data.VideoNames;
import io.action4j.engine.data.VideoReaders;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Dense optical flow of whole videos, stored as the two-stream and TSN work store it: for each video a folder
 * {@code OUT/<video name>/} of x/y JPEG pairs ({@link FlowFrameFiles}), quantized with a bound
 * ({@link FlowQuantization}), which the {@code rawframes} reader reads back with {@code modality: flow}.
 *
 * <ul>
 * <li>Each video is decoded once, streamed (memory does not grow with its length); its files are written on a
 * thread of their own while the next pairs are computed ({@link BackgroundWrites}).</li>
 * <li>Resumable: a pair whose files exist is not computed again (files are written whole or not at all, so one
 * that exists is complete); a run interrupted at any point and started again ends with the files of an
 * uninterrupted run.</li>
 * <li>Parallel over videos: {@link FlowExtractionOptions#threads()} videos at once, each with its own estimator
 * (OpenCV's DIS and TV-L1 objects are not thread-safe), created and closed on the thread that uses it.</li>
 * <li>Each folder records the settings it was extracted with ({@value #SETTINGS}); resuming into it with other
 * settings is an error, not a folder of two kinds of flow.</li>
 * <li>A video that fails (unreadable, fewer than 2 frames, a full disk, other settings) is reported in its
 * result; the others go on.</li>
 * </ul>
 */
public final class FlowExtractor {

    /** The preview image in each video's folder. */
    public static final String PREVIEW = "flow_preview.png";

    /**
     * What each video's folder was extracted with (estimator, parameters, bound), so that resuming with other
     * settings is refused instead of mixing two kinds of flow in one folder.
     */
    public static final String SETTINGS = "flow_settings.txt";

    /** Hears how far an extraction has got; called from the extraction threads: implementations must be thread-safe. */
    public interface Listener {

        Listener NONE = new Listener() {
        };

        /** A pair of {@code video} is done (computed or found written). */
        default void pairDone(Path video) {
        }

        /** A video is done, or failed. */
        default void videoDone(FlowVideoResult result) {
        }
    }

    private final Function<Path, VideoDecoder> decoders;
    private final Supplier<FlowEstimator> estimators;
    private final FlowExtractionOptions options;
    private final String settings;

    /**
     * @param decoders the reader for each video
     * @param estimators a new estimator each call (one is made per video, used and closed on one thread)
     * @param estimatorSettings the estimator and its parameters in words, recorded in each folder ({@link #SETTINGS})
     */
    public FlowExtractor(Function<Path, VideoDecoder> decoders, Supplier<FlowEstimator> estimators,
                         String estimatorSettings, FlowExtractionOptions options) {
        this.decoders = decoders;
        this.estimators = estimators;
        this.options = options;
        this.settings = estimatorSettings + ", bound " + options.bound();
    }

    /** Videos read by the reader their path calls for (files: {@code ffmpeg}, folders: {@code rawframes}). */
    public static FlowExtractor create(PluginRegistry registry, ComponentSpec estimator,
                                       FlowExtractionOptions options) {
        VideoReaders readers = VideoReaders.byPath(registry);
        return new FlowExtractor(readers::decoderFor, () -> estimator.create(FlowEstimator.class),
                estimator.type() + " " + estimator.config(), options);
    }

    /** The folder a video's flow goes to: {@code OUT/<file name without extension>}. */
    public static Path folderOf(Path video, Path output) {
        return output.resolve(VideoNames.stem(video));
    }

    /** The frame pairs each video announces (its metadata's frame count less one), to size a progress bar. */
    public int announcedPairs(Path video) {
        try (VideoReader reader = decoders.apply(video).open(video)) {
            return Math.max(0, reader.metadata().frameCount() - 1);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Extracts every video's flow into {@code output}, {@link FlowExtractionOptions#threads()} at a time.
     *
     * @return one result per video, in the order given
     * @throws IllegalArgumentException when two videos would share a folder (the same name in two places)
     * @throws InterruptedException when interrupted: the videos under way stop at their next pair
     */
    public List<FlowVideoResult> extract(List<Path> videos, Path output, Listener listener)
            throws IOException, InterruptedException {
        Map<Path, Path> folders = new HashMap<>();
        for (Path video : videos) {
            Path other = folders.put(folderOf(video, output), video);
            if (other != null && !other.equals(video)) {
                throw new IllegalArgumentException("'" + other + "' and '" + video + "' would both write their flow "
                        + "to " + folderOf(video, output) + ": rename one or extract them into different folders");
            }
        }
        Files.createDirectories(output);
        int threads = Math.min(options.threads(), Math.max(1, videos.size()));
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "flow-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FlowVideoResult>> futures = new ArrayList<>();
            for (Path video : videos) {
                futures.add(pool.submit(() -> extract(video, folderOf(video, output), listener)));
            }
            List<FlowVideoResult> results = new ArrayList<>();
            for (Future<FlowVideoResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Extracts one video's flow into {@code folder}, on the calling thread; failures are in the result. */
    public FlowVideoResult extract(Path video, Path folder, Listener listener) {
        long start = System.nanoTime();
        Counts counts = new Counts();
        Path preview = options.preview() ? folder.resolve(PREVIEW) : null;
        String error = null;
        try {
            Files.createDirectories(folder);
            recordSettings(folder);
            extractPairs(video, folder, preview, counts, listener);
        } catch (IOException | RuntimeException e) {
            // OpenCV's errors arrive as RuntimeExceptions too: one video's failure must not stop the others.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            error = message.contains(video.toString()) ? message : video + ": " + message;
        }
        FlowVideoResult result = new FlowVideoResult(video, folder, counts.pairs, counts.computed, counts.skipped,
                (System.nanoTime() - start) / 1e9, error == null ? preview : null, error);
        listener.videoDone(result);
        return result;
    }

    private static final class Counts {
        int pairs;
        int computed;
        int skipped;
    }

    private void extractPairs(Path video, Path folder, Path preview, Counts counts, Listener listener)
            throws IOException {
        try (VideoReader reader = decoders.apply(video).open(video); FlowEstimator estimator = estimators.get();
             BackgroundWrites writes = new BackgroundWrites(video)) {
            int previewPair = Math.max(1, reader.metadata().frameCount() / 2);
            boolean previewDone = preview == null || Files.exists(preview);
            Iterator<VideoFrame> frames = reader.stream(reader.metadata().startIndex());
            VideoFrame previous = null;
            int decoded = 0;
            while (frames.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException(video + ": interrupted after " + counts.pairs + " pairs");
                }
                VideoFrame frame = frames.next();
                decoded++;
                if (previous != null) {
                    int pair = ++counts.pairs;
                    boolean forward = !written(folder, pair, false);
                    boolean backward = options.bidirectional() && !written(folder, pair, true);
                    boolean showHere = !previewDone && (pair >= previewPair || !frames.hasNext());
                    if (forward || showHere) {
                        FlowField flow = estimator.estimate(previous, frame);
                        if (forward) {
                            writes.submit(() -> store(flow, folder, pair, false));
                        }
                        if (showHere) {
                            FlowPreview.write(preview, previous, flow);
                            previewDone = true;
                        }
                    }
                    if (backward) {
                        FlowField flow = estimator.estimate(frame, previous);
                        writes.submit(() -> store(flow, folder, pair, true));
                    }
                    if (forward || backward) {
                        counts.computed++;
                    } else {
                        counts.skipped++;
                    }
                    listener.pairDone(video);
                }
                previous = frame;
            }
            writes.finish();
            if (decoded < 2) {
                throw new IllegalArgumentException(video + ": flow needs at least 2 frames, the video has " + decoded);
            }
        }
    }

    /** Writes the settings into a new folder; refuses a folder extracted with other settings. */
    private void recordSettings(Path folder) throws IOException {
        Path file = folder.resolve(SETTINGS);
        if (Files.isRegularFile(file)) {
            String recorded = Files.readString(file).strip();
            if (!recorded.equals(settings)) {
                throw new IllegalArgumentException(folder + " holds flow extracted with " + recorded + "; this run "
                        + "would add flow of " + settings + ": extract into another folder, or delete that one");
            }
        } else {
            AtomicFiles.writeString(file, settings + "\n");
        }
    }

    private static boolean written(Path folder, int pair, boolean backward) {
        return Files.isRegularFile(folder.resolve(FlowFrameFiles.name('x', pair, backward)))
                && Files.isRegularFile(folder.resolve(FlowFrameFiles.name('y', pair, backward)));
    }

    private void store(FlowField flow, Path folder, int pair, boolean backward) throws IOException {
        byte[][] levels = FlowQuantization.levels(flow, options.bound());
        // y first: a pair counts as written when both exist, and x is what the rawframes reader counts.
        FlowFrameFiles.writeGreyJpeg(folder.resolve(FlowFrameFiles.name('y', pair, backward)), levels[1],
                flow.width(), flow.height());
        FlowFrameFiles.writeGreyJpeg(folder.resolve(FlowFrameFiles.name('x', pair, backward)), levels[0],
                flow.width(), flow.height());
    }
}
