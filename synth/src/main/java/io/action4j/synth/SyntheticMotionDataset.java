package io.action4j.synth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.video.VideoEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes a synthetic motion dataset the way MMAction2's {@code VideoDataset} reads one:
 * <pre>
 * OUT/videos/&lt;class&gt;/&lt;class&gt;_&lt;split&gt;_&lt;index&gt;.mp4
 * OUT/train.txt, val.txt, test.txt   lines "videos/&lt;class&gt;/&lt;name&gt;.mp4 &lt;label&gt;" (data_prefix = OUT)
 * OUT/classes.txt                    one class a line; line number (from 0) = label
 * OUT/synth.json                     the config, to make the same dataset again
 * </pre>
 * Videos are written first, each under its final name only once complete; the lists follow once
 * every video is in place, so a list never names a missing or partial video. Existing files of
 * the same names are replaced.
 */
public final class SyntheticMotionDataset {

    public static final String CLASSES_FILE = "classes.txt";
    public static final String CONFIG_FILE = "synth.json";
    /** Bumped when the same config would give different videos. */
    static final int GENERATOR_VERSION = 1;

    /** What {@link #generate} wrote. */
    public record Summary(Path folder, int videos, int train, int val, int test, Duration elapsed) {

        public double videosPerSecond() {
            return videos / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private SyntheticMotionDataset() {
    }

    /** Generates the dataset using every available processor. */
    public static Summary generate(SynthConfig config, Path folder, VideoEncoder encoder) throws IOException {
        return generate(config, folder, encoder, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Generates the dataset with {@code threads} videos in flight at a time; the files do not depend
     * on the thread count.
     *
     * @throws IOException naming the file that could not be written
     */
    public static Summary generate(SynthConfig config, Path folder, VideoEncoder encoder, int threads)
            throws IOException {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        long start = System.nanoTime();
        for (MotionClass motion : config.classes()) {
            Files.createDirectories(folder.resolve("videos").resolve(motion.id()));
        }
        List<SyntheticVideo> videos = new ArrayList<>();
        for (Split split : Split.values()) {
            for (MotionClass motion : config.classes()) {
                for (int index = 0; index < config.perClass(split); index++) {
                    videos.add(SyntheticVideo.of(config, motion, split, index));
                }
            }
        }
        List<VideoJob> jobs = new ArrayList<>();
        for (SyntheticVideo video : videos) {
            jobs.add(() -> video.write(folder.resolve(video.relativePath()), encoder));
        }
        writeVideos(jobs, threads);
        Map<Split, StringBuilder> lists = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            lists.put(split, new StringBuilder());
        }
        for (SyntheticVideo video : videos) {
            lists.get(video.split()).append(video.relativePath()).append(' ').append(config.label(video.motion()))
                    .append('\n');
        }
        for (Split split : Split.values()) {
            AtomicFiles.writeString(folder.resolve(split.listFileName()), lists.get(split).toString());
        }
        StringBuilder classes = new StringBuilder();
        config.classes().forEach(motion -> classes.append(motion.id()).append('\n'));
        AtomicFiles.writeString(folder.resolve(CLASSES_FILE), classes.toString());
        AtomicFiles.writeString(folder.resolve(CONFIG_FILE), describe(config));
        return new Summary(folder, videos.size(), config.classes().size() * config.trainPerClass(),
                config.classes().size() * config.valPerClass(), config.classes().size() * config.testPerClass(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The config a dataset was made with, from its {@code synth.json}.
     *
     * @throws IOException naming the file when it is missing, malformed or holds an invalid config
     */
    public static SynthConfig readConfig(Path synthJson) throws IOException {
        try {
            JsonNode config = new ObjectMapper().readTree(Files.readString(synthJson)).get("config");
            if (config == null) {
                throw new IOException(synthJson + ": no 'config' object");
            }
            return new ObjectMapper().treeToValue(config, SynthConfig.class);
        } catch (NoSuchFileException e) {
            throw new IOException(synthJson + ": not found");
        } catch (JacksonException e) {
            throw new IOException(synthJson + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(synthJson + ": " + e.getMessage(), e);
        }
    }

    /** One video to render and write. */
    @FunctionalInterface
    interface VideoJob {
        void write() throws IOException;
    }

    /** Runs the jobs {@code threads} at a time; the first failure is thrown once the others have stopped. */
    static void writeVideos(List<VideoJob> jobs, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "synth-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> written = new ArrayList<>();
            for (VideoJob job : jobs) {
                written.add(pool.submit(() -> {
                    job.write();
                    return null;
                }));
            }
            for (Future<?> future : written) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot write the synthetic videos: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the synthetic videos", e);
        } finally {
            pool.shutdownNow();
            awaitRunning(pool);
        }
    }

    /**
     * Waits for the videos under way when a job failed: each finishes, or fails and removes its unfinished file.
     * Returning at once, the command would end while they write, and leave their temporary files behind.
     */
    private static void awaitRunning(ExecutorService pool) {
        try {
            // Past this, a temporary left behind is swept by the next run that writes into its folder.
            pool.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(SynthConfig config) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("generator", "action4j-synth");
        root.put("generatorVersion", GENERATOR_VERSION);
        root.set("config", mapper.valueToTree(config));
        root.put("container", "mp4").put("codec", "mpeg4");
        return mapper.writeValueAsString(root) + "\n";
    }

}
